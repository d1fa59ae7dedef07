import { freshDatabase, raw, startTestApp, type TestApp } from './support/test-app.js';

const TOKEN = 'metrics-token-0123456789abcdef';

describe('exposure in production', () => {
  let closed: TestApp;
  let open: TestApp;
  beforeAll(async () => {
    const url = await freshDatabase();
    const production = { NODE_ENV: 'production', KAPOK_SEED_DEMO: 'false', DATABASE_URL: url };
    closed = await startTestApp(production, url);
    open = await startTestApp({ ...production, API_DOCS: 'true', METRICS_TOKEN: TOKEN }, url);
  });
  afterAll(async () => {
    await closed.close();
    await open.close();
  });

  it('serves Swagger UI and /api/docs-json only with API_DOCS=true', async () => {
    for (const path of ['/api/docs', '/api/docs-json']) {
      expect((await raw(closed.baseUrl, path)).status).toBe(404);
      expect((await raw(open.baseUrl, path)).status).toBe(200);
    }
    expect((await raw(open.baseUrl, '/api/docs-json')).body.openapi).toMatch(/^3\./);
  });

  it('closes /metrics without METRICS_TOKEN and asks for the bearer token with it', async () => {
    const none = await raw(closed.baseUrl, '/metrics', { token: TOKEN });
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED', requestId: expect.any(String) });
    expect((await raw(open.baseUrl, '/metrics')).status).toBe(401);
    expect((await raw(open.baseUrl, '/metrics', { token: `${TOKEN}x` })).status).toBe(401);
    const scraped = await raw(open.baseUrl, '/metrics', { token: TOKEN });
    expect(scraped.status).toBe(200);
    expect(scraped.body).toContain('kapok_http_request_duration_seconds');
  });
});

describe('exposure in development', () => {
  it('serves the docs and open metrics by default', async () => {
    const dev = await startTestApp();
    try {
      expect((await raw(dev.baseUrl, '/api/docs-json')).status).toBe(200);
      expect((await raw(dev.baseUrl, '/metrics')).status).toBe(200);
    } finally {
      await dev.close();
    }
  });
});
