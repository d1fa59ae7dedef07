import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createKapokClient, unwrap } from './index.js';

afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createKapokClient', () => {
  it('sends the current access token as a bearer header', async () => {
    const fetchMock = vi.fn(async (_request: Request) => json(200, { status: 'ok' }));
    vi.stubGlobal('fetch', fetchMock);
    let token = 'first';
    const client = createKapokClient({ baseUrl: 'http://kapok.test', getAccessToken: () => token });
    await client.GET('/api/v1/health/live');
    token = 'second';
    await client.GET('/api/v1/health/live');
    const sent = fetchMock.mock.calls.map(([request]) => request.headers.get('authorization'));
    expect(sent).toEqual(['Bearer first', 'Bearer second']);
    expect(fetchMock.mock.calls[0][0].url).toBe('http://kapok.test/api/v1/health/live');
  });

  it('unwrap returns data, and throws ApiError carrying the error body', async () => {
    vi.stubGlobal('fetch', async () =>
      json(409, { statusCode: 409, code: 'STALE_VERSION', message: 'Reload', requestId: 'r1' }),
    );
    const client = createKapokClient({ baseUrl: 'http://kapok.test' });
    const result = await client.GET('/api/v1/health/live');
    let caught: unknown;
    try {
      unwrap(result);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).code).toBe('STALE_VERSION');
    expect((caught as ApiError).status).toBe(409);
    expect((caught as ApiError).body.requestId).toBe('r1');
    vi.stubGlobal('fetch', async () => json(200, { status: 'ok' }));
    expect(unwrap(await client.GET('/api/v1/health/live'))).toEqual({ status: 'ok' });
  });
});
