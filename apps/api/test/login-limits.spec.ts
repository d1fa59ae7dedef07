import { startChildApi } from './support/child-api.js';
import { freshDatabase, raw, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const login = (baseUrl: string, username: string, password: string, forwardedFor?: string) =>
  raw(baseUrl, '/api/v1/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username, password }),
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

describe('login limits (kept in PostgreSQL)', () => {
  it('a parallel burst of 30 wrong passwords gets at most 5 answers before 429 with Retry-After', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, () => login(t.baseUrl, 'qc', 'wrong-password-guess')),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const limited = results.find((r) => r.status === 429)!;
    expect(limited.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', requestId: expect.any(String) });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The right password from the same address is refused too, until the block ends.
    expect((await login(t.baseUrl, 'qc', 'kapok-demo')).status).toBe(429);
  });

  it('blocks the username+address pair longer each time its five attempts are spent', async () => {
    for (let i = 0; i < 5; i++) expect((await login(t.baseUrl, 'packing', 'wrong-1')).status).toBe(401);
    const first = await login(t.baseUrl, 'packing', 'wrong-1');
    expect(first.status).toBe(429);
    const firstWait = Number(first.headers.get('retry-after'));
    expect(firstWait).toBeGreaterThan(14 * 60);
    expect(firstWait).toBeLessThanOrEqual(15 * 60);
    // The block runs out (its expiry moved to the past), the next five failures block for twice as long.
    await t.db.query(`update login_limits set expire = 0 where key like 'user-ip:packing|%'`);
    for (let i = 0; i < 5; i++) expect((await login(t.baseUrl, 'packing', 'wrong-2')).status).toBe(401);
    const second = await login(t.baseUrl, 'packing', 'wrong-2');
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(29 * 60);
  });

  it('is shared by two API processes on one database', async () => {
    const other = await startChildApi(t.databaseUrl);
    try {
      const urls = [t.baseUrl, other.url];
      for (let i = 0; i < 5; i++)
        expect((await login(urls[i % 2], 'finishing', 'wrong-password')).status).toBe(401);
      for (const url of urls) {
        const res = await login(url, 'finishing', 'kapok-demo');
        expect(res.status).toBe(429);
        expect(res.headers.get('retry-after')).toBeTruthy();
      }
    } finally {
      await other.stop();
    }
  });
});

describe('behind a proxy (production mode)', () => {
  let prod: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    const url = await freshDatabase();
    const production = { NODE_ENV: 'production', KAPOK_SEED_DEMO: 'false', DATABASE_URL: url };
    prod = await startTestApp(production, url);
    proxied = await startTestApp({ ...production, TRUST_PROXY: '127.0.0.1' }, url);
  });
  afterAll(async () => {
    await prod.close();
    await proxied.close();
  });

  it('ignores X-Forwarded-For from a client that is not a configured proxy', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login(prod.baseUrl, 'sewing', 'wrong-password', `203.0.113.${i + 1}`)).status).toBe(401);
    const spoofed = await login(prod.baseUrl, 'sewing', 'kapok-demo', '198.51.100.77');
    expect(spoofed.status).toBe(429);
  });

  it('with TRUST_PROXY, one address guessing does not lock the user out from another address', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login(proxied.baseUrl, 'cutting', 'wrong-password', '203.0.113.50')).status).toBe(401);
    expect((await login(proxied.baseUrl, 'cutting', 'kapok-demo', '203.0.113.50')).status).toBe(429);
    expect((await login(proxied.baseUrl, 'cutting', 'kapok-demo', '198.51.100.9')).status).toBe(200);
  });

  it('stops guessing spread over many addresses at the per-username limit', async () => {
    const results = [];
    for (let i = 0; i < 55; i++)
      results.push((await login(proxied.baseUrl, 'embroidery', 'wrong-password', `10.1.${i}.1`)).status);
    expect(results.filter((s) => s === 401).length).toBe(50);
    expect(results.slice(50).every((s) => s === 429)).toBe(true);
  });
});
