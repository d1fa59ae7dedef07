import { randomUUID } from 'node:crypto';
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
});
