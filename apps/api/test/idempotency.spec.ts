import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startChildApi } from './support/child-api.js';
import { eventually } from './support/eventually.js';
import { raw, startTestApp, type TestApp } from './support/test-app.js';
import { warehouseFixtures } from './support/warehouse-fixtures.js';

let t: TestApp;
let token: string;
let f: ReturnType<typeof warehouseFixtures>;
beforeAll(async () => {
  t = await startTestApp();
  token = (await t.as('warehouse')).accessToken;
  f = warehouseFixtures(t, () => token);
});
afterAll(() => t.close());

const post = (path: string, body: unknown, key?: string, as = token) =>
  raw(t.baseUrl, `/api/v1${path}`, {
    method: 'POST',
    token: as,
    body: JSON.stringify(body),
    headers: key ? { 'idempotency-key': key } : {},
  });

describe('Idempotency-Key', () => {
  it('a repeated receipt returns the first answer unchanged and moves stock once', async () => {
    const p = await f.product();
    const rack = await f.rack();
    const key = randomUUID();
    const body = { productId: p.id, locationId: rack.id, quantity: 12 };
    const first = await post('/warehouse/stock/receipts', body, key);
    const second = await post('/warehouse/stock/receipts', body, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await f.stock(p.id)).onHand).toBe(12);
    expect((await f.ok('GET', `/warehouse/stock/moves?productId=${p.id}`)).total).toBe(1);
  });

  it('the same key with another body is 422; keys are per user', async () => {
    const p = await f.product();
    const rack = await f.rack();
    const key = randomUUID();
    expect(
      (await post('/warehouse/stock/receipts', { productId: p.id, locationId: rack.id, quantity: 1 }, key))
        .status,
    ).toBe(201);
    const other = await post(
      '/warehouse/stock/receipts',
      { productId: p.id, locationId: rack.id, quantity: 2 },
      key,
    );
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const operator = (await t.as('wh_operator')).accessToken;
    expect(
      (
        await post(
          '/warehouse/stock/receipts',
          { productId: p.id, locationId: rack.id, quantity: 1 },
          key,
          operator,
        )
      ).status,
    ).toBe(201);
    expect((await f.stock(p.id)).onHand).toBe(2);
  });

  it('a refused first attempt is answered the same way again, even when it would now succeed', async () => {
    const p = await f.product();
    const rack = await f.rack();
    const key = randomUUID();
    const body = { productId: p.id, fromLocationId: rack.id, quantity: 5 };
    const first = await post('/warehouse/stock/issues', body, key);
    expect(first.status).toBe(409);
    await f.receive(p.id, rack.id, 10);
    const again = await post('/warehouse/stock/issues', body, key);
    expect(again.status).toBe(409);
    expect(again.body).toEqual(first.body);
    expect((await f.stock(p.id)).onHand).toBe(10);
    expect((await post('/warehouse/stock/issues', body, randomUUID())).status).toBe(201);
  });

  it('ten parallel repeats of one key move stock once', async () => {
    const p = await f.product();
    const rack = await f.rack();
    const key = randomUUID();
    const body = { productId: p.id, locationId: rack.id, quantity: 3 };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => post('/warehouse/stock/receipts', body, key)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    for (const r of results.filter((x) => x.status === 409))
      expect(r.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect((await f.stock(p.id)).onHand).toBe(3);
  });

  it('refuses a malformed key', async () => {
    const p = await f.product();
    const rack = await f.rack();
    const res = await post(
      '/warehouse/stock/receipts',
      { productId: p.id, locationId: rack.id, quantity: 1 },
      'x'.repeat(201),
    );
    expect(res.status).toBe(422);
  });

  it('compares bodies in canonical form: another key order is the same request', async () => {
    const p = await f.product();
    const rack = await f.rack();
    const key = randomUUID();
    const first = await post(
      '/warehouse/stock/receipts',
      { productId: p.id, locationId: rack.id, quantity: 4 },
      key,
    );
    const reordered = await post(
      '/warehouse/stock/receipts',
      { quantity: 4, locationId: rack.id, productId: p.id },
      key,
    );
    expect(first.status).toBe(201);
    expect(reordered.status).toBe(201);
    expect(reordered.headers.get('idempotent-replayed')).toBe('true');
    expect((await f.stock(p.id)).onHand).toBe(4);
  });

  it('a key whose request died with its process (SIGKILL mid-transaction) is usable at once after a restart, once', async () => {
    const p = await f.product();
    const rack = await f.rack();
    const key = randomUUID();
    const body = JSON.stringify({ productId: p.id, locationId: rack.id, quantity: 7 });
    const send = (url: string) =>
      fetch(`${url}/api/v1/warehouse/stock/receipts`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body,
      });
    // Hold the ledger so the receipt stops inside its transaction, after it claimed the key.
    const blocker = new pg.Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table stock_moves in exclusive mode');
    const first = await startChildApi(t.databaseUrl);
    const dying = send(first.url).catch(() => undefined);
    const heldLocks = async () =>
      (
        await t.db.query(
          `select count(*)::int as n from pg_locks where locktype = 'advisory' and classid = 7041001 and granted`,
        )
      ).rows[0].n;
    const waiting = async () =>
      (
        await t.db.query(
          `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        )
      ).rows[0].n;
    expect(await eventually(async () => (await heldLocks()) > 0 && (await waiting()) > 0, 400, 10)).toBe(
      true,
    );
    first.child.kill('SIGKILL');
    await first.exit;
    await dying;
    await blocker.query('rollback');
    await blocker.end();
    // PostgreSQL ends the dead process's transaction; its key lock goes with it.
    expect(await eventually(async () => (await heldLocks()) === 0, 400, 10)).toBe(true);
    const { rows } = await t.db.query('select state from idempotency_keys where key = $1', [key]);
    expect(rows).toEqual([]);

    const second = await startChildApi(t.databaseUrl);
    try {
      const retry = await send(second.url);
      expect(retry.status).toBe(201);
      const again = await send(second.url);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.json()).toEqual(await retry.json());
    } finally {
      await second.stop();
    }
    expect((await f.stock(p.id)).onHand).toBe(7);
    expect((await f.ok('GET', `/warehouse/stock/moves?productId=${p.id}`)).total).toBe(1);
  });
});
