import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

/**
 * Turns the document Nest writes into the one programs get: OpenAPI 3.1 (a `$ref` may carry a
 * description, `null` is a type), every error a route can answer declared with the error schema,
 * the headers every answer carries, integers where the validators ask for integers, public routes
 * with `security: []`, an example for every request body, and a summary and description on every
 * operation that does not write its own. `@redocly/cli lint` (redocly.yaml) checks the result in CI.
 */

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const ERROR = { $ref: '#/components/schemas/ErrorBody' };
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What each status means on any route; a route's own description (its codes) wins. */
const GENERIC_ERRORS: Record<string, string> = {
  '400': 'BAD_REQUEST: the body is not JSON or not the content type the route takes',
  '401': 'UNAUTHORIZED, TOKEN_EXPIRED, INVALID_TOKEN, INVALID_API_KEY, API_KEY_EXPIRED, API_KEY_REVOKED',
  '404': 'NOT_FOUND: no record has this id',
  '409': 'A conflict with the current state: STALE_VERSION, INVALID_STATE, IDEMPOTENCY_IN_PROGRESS',
  '422': 'VALIDATION_FAILED (details: one entry per field), or a business rule the input breaks',
  '429': 'TOO_MANY_REQUESTS: wait the seconds of Retry-After',
};

/** Response counts and versions of the read models that are whole numbers without a validator. */
const INTEGER_NAMES = new Set([
  'total',
  'skip',
  'limit',
  'version',
  'currentVersion',
  'revision',
  'bomRevision',
  'statusCode',
  'sequence',
  'retryAfterSeconds',
]);

export function finishOpenApiDocument(input: OpenAPIObject): OpenAPIObject {
  const doc = JSON.parse(JSON.stringify(input)) as Json;
  const components = doc.components as Json;
  const schemas = components.schemas as Record<string, Json>;

  doc.openapi = '3.1.0';
  doc.info = {
    ...(doc.info as Json),
    license: { name: 'Proprietary', identifier: 'LicenseRef-Kapok' },
  };
  delete (doc.info as Json).contact;
  doc.servers = [{ url: '/', description: 'The server that serves this document' }];
  components.headers = {
    RequestId: {
      description: 'Id of this request in the logs (the one sent in x-request-id, or a new one)',
      schema: { type: 'string' },
    },
    IdempotentReplayed: {
      description: '`true` when this is the stored answer to an Idempotency-Key already used',
      schema: { type: 'string', enum: ['true'] },
    },
    RetryAfter: {
      description: 'Seconds to wait before trying again',
      schema: { type: 'integer', minimum: 1 },
    },
  };

  // Any other details object: exclusive of the typed ones, so `details` is exactly one of its `oneOf`.
  schemas.ContextDetails = {
    type: 'object',
    description: 'Named facts of the error (entity, id, current state, limits)',
    additionalProperties: true,
    not: {
      anyOf: [
        { properties: { shortages: {} }, required: ['shortages'] },
        { properties: { currentVersion: {} }, required: ['currentVersion'] },
      ],
    },
  };
  markIntegers(schemas);
  for (const schema of Object.values(schemas)) toOpenApi31(schema);

  for (const item of Object.values(doc.paths as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method];
      if (isObject(op)) finishOperation(method, op, schemas);
    }
  }
  return doc as unknown as OpenAPIObject;
}

function finishOperation(method: string, op: Json, schemas: Record<string, Json>): void {
  const parameters = (op.parameters ?? []) as Json[];
  for (const p of parameters) if (isObject(p.schema)) toOpenApi31(p.schema);
  const permission = String(op['x-permission'] ?? '');
  const idempotent = parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key');
  const body = op.requestBody as Json | undefined;

  if (!op.summary) op.summary = humanize(String(op.operationId));
  if (!op.description) op.description = describe(method, permission, idempotent);
  if (permission === 'public') op.security = [];

  const responses = op.responses as Record<string, Json>;
  // The CSV answer is a second 200 media type. Typed clients pick the JSON one: ours is created for
  // `application/json` only, and hey-api prefers JSON when an answer has several.
  if (op['x-csv-export'] === true) {
    delete op['x-csv-export'];
    op.description = `${String(op.description ?? '')} Send \`Accept: text/csv\` for every row of the filter as CSV, streamed.`;
    const ok = responses['200'];
    if (isObject(ok?.content))
      (ok.content as Json)['text/csv'] = {
        schema: {
          type: 'string',
          description: 'The same rows (every page), one per line, with a header line',
        },
      };
  }
  const declare = (status: string) => {
    responses[status] ??= { description: GENERIC_ERRORS[status] };
  };
  if (body) declare('400');
  if (body || parameters.some((p) => p.in === 'query') || idempotent) declare('422');
  if (parameters.some((p) => p.in === 'path')) declare('404');
  if (idempotent) declare('409');
  if (permission !== 'public') declare('401');

  for (const [status, response] of Object.entries(responses)) {
    const headers = (response.headers ?? {}) as Json;
    for (const h of Object.values(headers))
      if (isObject(h)) toOpenApi31((h.schema ??= { type: 'string' }) as Json);
    headers['x-request-id'] = { $ref: '#/components/headers/RequestId' };
    if (status === '429' || status === '503')
      headers['Retry-After'] = { $ref: '#/components/headers/RetryAfter' };
    if (idempotent && status < '300')
      headers['idempotent-replayed'] = { $ref: '#/components/headers/IdempotentReplayed' };
    response.headers = headers;
    if (Number(status) >= 400) response.content = { 'application/json': { schema: ERROR } };
    for (const media of Object.values((response.content ?? {}) as Record<string, Json>))
      if (isObject(media.schema)) toOpenApi31(media.schema);
  }

  for (const media of Object.values((body?.content ?? {}) as Record<string, Json>)) {
    if (!isObject(media.schema)) continue;
    toOpenApi31(media.schema);
    if (media.example === undefined && media.examples === undefined)
      media.example = exampleOf(media.schema, schemas, 0);
  }
}

/** `listBoardCards` → "List board cards". */
const humanize = (operationId: string): string => {
  const words = operationId.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function describe(method: string, permission: string, idempotent: boolean): string {
  const who =
    permission === 'public'
      ? 'Open to anyone, signed in or not.'
      : permission === 'signed-in'
        ? 'Any signed-in user or API key.'
        : `Needs the permission \`${permission}\` (a role's, or an API key's role's).`;
  const read =
    method === 'get' ? ' Reads only.' : ' One transaction: the change, its audit rows and its events.';
  const repeat = idempotent ? ' Send an Idempotency-Key to make a retry safe.' : '';
  return who + read + repeat;
}

/** `type: number` → `integer` where class-validator's `IsInt` guards the property (requests) or the name is a count. */
function markIntegers(schemas: Record<string, Json>): void {
  const ints = new Map<string, Set<string>>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(Object, '', true, false)) {
    if (m.name !== 'isInt' || typeof m.target !== 'function') continue;
    const set = ints.get(m.target.name) ?? new Set<string>();
    set.add(m.propertyName);
    ints.set(m.target.name, set);
  }
  const intNames = new Set([...INTEGER_NAMES, ...[...ints.values()].flatMap((s) => [...s])]);
  for (const [name, schema] of Object.entries(schemas)) {
    for (const [prop, raw] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
      const target = raw.type === 'array' && isObject(raw.items) ? raw.items : raw;
      if (target.type !== 'number') continue;
      if (ints.get(name)?.has(prop) || (!ints.has(name) && intNames.has(prop))) target.type = 'integer';
    }
  }
}

/** OpenAPI 3.0 as Nest writes it → 3.1: `nullable` becomes a `null` type, one-item `allOf` a plain `$ref`. */
function toOpenApi31(schema: Json): void {
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1 && isObject(schema.allOf[0])) {
    const [inner] = schema.allOf as Json[];
    delete schema.allOf;
    delete schema.type;
    Object.assign(schema, inner);
  }
  if (schema.nullable === true) {
    delete schema.nullable;
    if (typeof schema.$ref === 'string') {
      const ref = schema.$ref;
      delete schema.$ref;
      schema.oneOf = [{ $ref: ref }, { type: 'null' }];
    } else if (typeof schema.type === 'string') {
      schema.type = [schema.type, 'null'];
      if (Array.isArray(schema.enum)) schema.enum = [...schema.enum, null];
    } else {
      schema.oneOf = [{ ...schema }, { type: 'null' }];
      for (const k of Object.keys(schema)) if (k !== 'oneOf' && k !== 'description') delete schema[k];
    }
  }
  for (const k of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
    if (typeof schema[k] === 'boolean') {
      const bound = k === 'exclusiveMinimum' ? 'minimum' : 'maximum';
      if (schema[k] === true) schema[k] = schema[bound];
      else delete schema[k];
      if (schema[k] !== undefined) delete schema[bound];
    }
  }
  for (const key of ['items', 'additionalProperties', 'not'])
    if (isObject(schema[key])) toOpenApi31(schema[key] as Json);
  for (const key of ['allOf', 'oneOf', 'anyOf'])
    if (Array.isArray(schema[key])) for (const s of schema[key] as unknown[]) if (isObject(s)) toOpenApi31(s);
  if (isObject(schema.properties))
    for (const s of Object.values(schema.properties)) if (isObject(s)) toOpenApi31(s);
}

const SAMPLE_UUID = '3f0c9a52-6a0e-4b8e-9d3c-2f1a7b5e8c41';

/** A body that passes the schema: each property's own example, else its default, first enum value or a sample. */
function exampleOf(schema: Json, schemas: Record<string, Json>, depth: number): unknown {
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (typeof schema.$ref === 'string') {
    const target = schemas[schema.$ref.split('/').pop() ?? ''];
    return target && depth < 6 ? exampleOf(target, schemas, depth + 1) : {};
  }
  for (const key of ['oneOf', 'anyOf'] as const)
    if (Array.isArray(schema[key])) return exampleOf((schema[key] as Json[])[0], schemas, depth);
  if (Array.isArray(schema.allOf))
    return Object.assign({}, ...(schema.allOf as Json[]).map((s) => exampleOf(s, schemas, depth)));
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Json>;
      const required = new Set((schema.required ?? []) as string[]);
      const out: Json = {};
      for (const [k, s] of Object.entries(properties))
        if (required.has(k) || s.example !== undefined) out[k] = exampleOf(s, schemas, depth + 1);
      return out;
    }
    case 'array': {
      const min = typeof schema.minItems === 'number' ? schema.minItems : 1;
      const item = isObject(schema.items) ? exampleOf(schema.items, schemas, depth + 1) : 'x';
      return Array.from({ length: Math.max(1, min) }, () => item);
    }
    case 'integer':
    case 'number': {
      const low =
        typeof schema.minimum === 'number'
          ? schema.minimum
          : typeof schema.exclusiveMinimum === 'number'
            ? schema.exclusiveMinimum + 1
            : 1;
      return Math.max(low, Math.min(1, typeof schema.maximum === 'number' ? schema.maximum : 1));
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return sampleString(schema);
  }
}

function sampleString(schema: Json): string {
  switch (schema.format) {
    case 'uuid':
      return SAMPLE_UUID;
    case 'date-time':
      return '2026-03-02T08:00:00.000Z';
    case 'date':
      return '2026-03-02';
    case 'email':
      return 'planner@example.com';
    case 'uri':
      return 'https://example.com/hook';
  }
  const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
  const text = 'Example';
  return text.length >= min ? text : text.padEnd(min, 'x');
}
