import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { statementCounts } from '../src/core/database/statement-counter.js';
import { raw, startTestApp, type TestApp } from './support/test-app.js';
import { warehouseFixtures } from './support/warehouse-fixtures.js';

let t: TestApp;
let web: string;
let wh: ReturnType<typeof warehouseFixtures>;
let token: string;

beforeAll(async () => {
  web = await mkdtemp(join(tmpdir(), 'kapok-metrics-web-'));
  await mkdir(join(web, 'assets'));
  await writeFile(join(web, 'index.html'), '<!doctype html><title>Kapok</title>');
  await writeFile(join(web, 'assets', 'index-3f9a1c7e.js'), 'export {};');
  t = await startTestApp({ WEB_DIST_DIR: web });
  token = (await t.as('warehouse')).accessToken;
  wh = warehouseFixtures(t, () => token);
});
afterAll(async () => {
  await t.close();
  await rm(web, { recursive: true, force: true });
});

const scrape = async () => {
  const res = await fetch(`${t.baseUrl}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
};
const value = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
};

describe('/metrics', () => {
  it('labels the web app’s hashed files as one route, never by file name', async () => {
    expect((await fetch(`${t.baseUrl}/assets/index-3f9a1c7e.js`)).status).toBe(200);
    const text = await scrape();
    expect(text).not.toContain('3f9a1c7e');
    expect(text).toMatch(/kapok_http_request_duration_seconds_count\{[^}]*route="static"[^}]*\} [1-9]/);
  });

  it('counts committed moves and changes as they commit, and statements per route', async () => {
    const before = await scrape();
    const product = await wh.product({ type: 'ACCESSORY' });
    const rack = await wh.rack();
    await wh.receive(product.id, rack.id, 5);
    await wh.receive(product.id, rack.id, 7);
    const after = await scrape();
    const receipts = 'kapok_stock_moves_total{type="RECEIPT"}';
    expect(value(after, receipts) - value(before, receipts)).toBe(2);
    const created = 'kapok_transitions_total{entity="product",action="created"}';
    expect(value(after, created) - value(before, created)).toBe(1);
    expect(after).toMatch(
      /kapok_http_request_statements_count\{method="POST",route="\/api\/v1\/warehouse\/products"\} 1/,
    );
    expect(after).toMatch(/kapok_db_pool_connections\{state="open"\} [1-9]/);
    expect(after).toMatch(/kapok_build_info\{version="[^"]+",node="v\d+/);
    expect(after).toContain('kapok_database_up 1');
  });

  it('counts failed sign-ins and idempotent replays', async () => {
    const before = await scrape();
    const bad = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'viewer', password: 'not-the-password' }),
    });
    expect(bad.status).toBe(401);
    const product = await wh.product({ type: 'ACCESSORY' });
    const rack = await wh.rack();
    const receive = () =>
      raw(t.baseUrl, '/api/v1/warehouse/stock/receipts', {
        method: 'POST',
        token,
        headers: { 'idempotency-key': `metrics-${product.id}` },
        body: JSON.stringify({ productId: product.id, locationId: rack.id, quantity: 3 }),
      });
    const first = await receive();
    expect(first.status).toBeLessThan(300);
    expect((await receive()).headers.get('idempotent-replayed')).toBe('true');
    const after = await scrape();
    expect(value(after, 'kapok_login_failures_total') - value(before, 'kapok_login_failures_total')).toBe(1);
    expect(
      value(after, 'kapok_idempotent_replays_total') - value(before, 'kapok_idempotent_replays_total'),
    ).toBe(1);
  });

  it('costs the same statements per scrape with no moves and with many', async () => {
    const cost = async () => {
      await scrape(); // settle: the first request after a write may refill caches
      const before = statementCounts.total;
      await scrape();
      return statementCounts.total - before;
    };
    const empty = await cost();
    const product = await wh.product({ type: 'ACCESSORY' });
    const rack = await wh.rack();
    for (let i = 0; i < 25; i++) await wh.receive(product.id, rack.id, 1);
    expect(await cost()).toBe(empty);
    expect(empty).toBeLessThanOrEqual(1);
  });

  it('still serves the process metrics when the database is gone', async () => {
    const other = await startTestApp({}, t.databaseUrl);
    try {
      await other.app.get(DataSource).destroy();
      const res = await fetch(`${other.baseUrl}/metrics`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('kapok_process_resident_memory_bytes');
      expect(text).toContain('kapok_database_up 0');
    } finally {
      await other.close().catch(() => undefined);
    }
  });
});
