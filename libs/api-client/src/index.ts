/**
 * The Kapok API client: openapi-fetch over the generated `paths`, plus the bearer token or API key, the
 * Idempotency-Key header and one error type. No framework; the web app, the CLI and tests share it.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, operations, paths } from './schema.js';
export type Schemas = components['schemas'];
/** Typed for JSON answers: a list that also answers `text/csv` is read as JSON here (CSV is a download). */
export type KapokClient = Client<paths, 'application/json'>;

/** A code from the API's catalogue, or HTTP_ERROR when something in between answered without one. */
export type ApiErrorCode = components['schemas']['ErrorBody']['code'] | 'HTTP_ERROR';

/** The body of every error answer. */
export interface ApiErrorBody {
  statusCode: number;
  code: ApiErrorCode;
  message: string;
  details?: unknown;
  requestId: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
  get code(): ApiErrorCode {
    return this.body.code;
  }
}

export interface KapokClientOptions {
  /** Origin of the API, e.g. http://localhost:3000; '' for the same origin. */
  baseUrl?: string;
  /** Returns the current access token (or nothing when signed out). */
  getAccessToken?: () => string | undefined | null;
  /** A service account's key (`kpk_…`), sent as `x-api-key` instead of a bearer token. */
  apiKey?: string;
  /** Sent with browser requests so the httpOnly refresh cookie travels. */
  credentials?: 'include' | 'omit' | 'same-origin';
  fetch?: typeof fetch;
}

export function createKapokClient(options: KapokClientOptions = {}): KapokClient {
  const client = createClient<paths, 'application/json'>({
    baseUrl: options.baseUrl ?? '',
    credentials: options.credentials,
    // Look fetch up per call, so it can be replaced after the client is made.
    fetch: (request: Request) => (options.fetch ?? globalThis.fetch)(request),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      if (options.apiKey) {
        request.headers.set('x-api-key', options.apiKey);
        return request;
      }
      const token = options.getAccessToken?.();
      if (token && !request.headers.has('authorization'))
        request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
  client.use(auth);
  return client;
}

/** Returns `data` of an openapi-fetch result, or throws ApiError with the server's error body. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = (result.error ?? {}) as Partial<ApiErrorBody>;
    throw new ApiError(result.response.status, {
      statusCode: result.response.status,
      code: body.code ?? 'HTTP_ERROR',
      message: body.message ?? result.response.statusText ?? 'Request failed',
      details: body.details,
      requestId: body.requestId ?? result.response.headers.get('x-request-id') ?? '',
    });
  }
  return result.data as T;
}

/** A fresh key for the Idempotency-Key header of one logical attempt (reuse it when retrying). */
export const newIdempotencyKey = (): string => globalThis.crypto.randomUUID();
