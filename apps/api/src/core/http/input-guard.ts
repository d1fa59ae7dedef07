import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

/** JSON nested deeper than this is refused before it is parsed (no request needs more than ~6). */
export const MAX_JSON_DEPTH = 32;

// C0 controls except tab, line feed and carriage return, and DEL: never meant as text, NUL breaks PostgreSQL.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const refused = (message: string, field?: string) =>
  new AppError(422, 'VALIDATION_FAILED', message, field ? [{ field, messages: [message] }] : undefined);

/** Why a text is not acceptable, or undefined: control characters and unpaired surrogates are refused. */
export function textProblem(value: string): string | undefined {
  if (CONTROL.test(value)) return 'contains a control character';
  if (LONE_SURROGATE.test(value)) return 'contains an unpaired UTF-16 surrogate';
  return undefined;
}

/** A JSON number literal as sign, digits and exponent, so `1.50` and `15e-1` compare equal. */
function canonicalNumber(literal: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  if (!m) return literal;
  let digits = (m[2] + (m[3] ?? '')).replace(/^0+/, '');
  let exponent = Number(m[4] ?? 0) - (m[3]?.length ?? 0);
  if (!digits) return '0';
  const trailing = /0+$/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(0, digits.length - trailing);
  exponent += trailing;
  return `${m[1]}${digits}e${exponent}`;
}

/**
 * One pass over the JSON text, before it is parsed: nesting deeper than MAX_JSON_DEPTH is refused,
 * and so is any number a JavaScript number cannot hold exactly (`1.00000000000000000000000000001`
 * would silently become 1).
 */
export function checkJsonText(text: string): void {
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip a string, escapes included.
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      i++;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH)
        throw refused(`The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep`);
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      i++;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      while (i < n && /[-+.eE0-9]/.test(text[i])) i++;
      const literal = text.slice(start, i);
      const value = Number(literal);
      if (Number.isNaN(value)) continue; // malformed: JSON.parse reports it
      if (!Number.isFinite(value) || canonicalNumber(String(value)) !== canonicalNumber(literal))
        throw refused(
          `The number ${literal.length > 40 ? `${literal.slice(0, 40)}…` : literal} cannot be kept exactly; ` +
            'send at most 15 significant digits',
        );
    } else i++;
  }
}

/** Walks a parsed value and refuses any text (value or key) that breaks the text rule. */
function checkValue(value: unknown, path: string): void {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) throw refused(`${path || 'value'} ${problem}`, path || undefined);
    return;
  }
  if (Buffer.isBuffer(value)) return; // a file body: its route checks it
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkValue(v, `${path}[${i}]`));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const problem = textProblem(k);
      if (problem) throw refused(`a property name ${problem}`, path || undefined);
      checkValue(v, path ? `${path}.${k}` : k);
    }
  }
}

type BufferParser = (
  req: FastifyRequest,
  body: Buffer,
  done: (err: Error | null, body?: unknown) => void,
) => void;
type JsonParser = (
  req: FastifyRequest,
  body: string,
  done: (err: Error | null, body?: unknown) => void,
) => void;

/**
 * Registers the JSON body parser (strict UTF-8, depth and exact-number checks before parsing, then
 * Fastify's own prototype-safe parser) and a hook applying the text rule to every query parameter,
 * path parameter and body text before any guard or pipe sees them.
 */
export function installInputGuard(
  fastify: FastifyInstance,
  useParser: (type: string, parser: BufferParser) => unknown,
): void {
  const parse = fastify.getDefaultJsonParser('error', 'error') as unknown as JsonParser;
  // The API speaks JSON only: plain text and forms are 415, not strings handed to the validators.
  fastify.removeContentTypeParser(['text/plain']);
  useParser('application/x-www-form-urlencoded', (_req, _body, done) =>
    done(new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json')),
  );
  useParser('application/json', (req, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body);
    } catch {
      done(new AppError(400, 'BAD_REQUEST', 'The body is not valid UTF-8'));
      return;
    }
    try {
      checkJsonText(text);
    } catch (e) {
      done(e as Error);
      return;
    }
    parse(req, text, (err, parsed) => {
      if (err) done(new AppError(400, 'BAD_REQUEST', `The body is not valid JSON: ${err.message}`));
      else done(null, parsed);
    });
  });
  fastify.addHook('preHandler', (req: FastifyRequest, _reply: FastifyReply, done) => {
    try {
      checkValue(req.query, '');
      checkValue(req.params, '');
      checkValue(req.body, '');
      done();
    } catch (e) {
      done(e as Error);
    }
  });
}
