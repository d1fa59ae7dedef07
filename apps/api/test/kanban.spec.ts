import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { checkLedger } from '../src/modules/warehouse/stock/ledger-check.js';
import { eventually } from './support/eventually.js';
import { raw, startTestApp, type TestApp } from './support/test-app.js';
import { warehouseFixtures } from './support/warehouse-fixtures.js';

let t: TestApp;
const tokens: Record<string, string> = {};
let wh: ReturnType<typeof warehouseFixtures>;
let line: { id: string };
let transit: { id: string };

beforeAll(async () => {
  t = await startTestApp({ DB_POOL_SIZE: '30' });
  for (const u of ['warehouse', 'packing', 'sewing', 'admin', 'viewer', 'wh_operator'])
    tokens[u] = (await t.as(u)).accessToken;
  wh = warehouseFixtures(t, () => tokens.warehouse);
  line = await wh.location('LINE-PACKING');
  transit = await wh.location('TRANSIT-PACKING');
});
afterEach(async () => {
  expect(await checkLedger(t.app.get(DataSource))).toEqual([]);
});
afterAll(() => t.close());

const as = (user: string) => ({
  call: (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    raw(t.baseUrl, `/api/v1/ppic/kanban${path}`, {
      method,
      token: tokens[user],
      body: body === undefined ? undefined : JSON.stringify(body),
      headers,
    }),
});

async function stocked(quantity = 100, uom = 'PCS') {
  const product = await wh.product({ type: 'ACCESSORY', uom });
  const rack = await wh.rack();
  await wh.receive(product.id, rack.id, quantity);
  return { product, rack };
}

async function card(productId: string, quantity = 30, over: Record<string, unknown> = {}) {
  const res = await as('packing').call('POST', '/cards', { productId, quantity, ...over });
  expect(res.status).toBe(201);
  return res.body;
}

describe('kanban cards', () => {
  it('creates a REQUESTED card for the requester’s department with a KB number', async () => {
    const { product } = await stocked(100, 'METER');
    const c = await card(product.id, 12.5, {
      priority: 'URGENT',
      reason: 'Carton for week 48',
      neededBy: '2026-11-27T01:00:00.000Z',
    });
    expect(c).toMatchObject({
      status: 'REQUESTED',
      department: 'PACKING',
      quantity: 12.5,
      priority: 'URGENT',
      automatic: false,
      requestedBy: { username: 'packing' },
    });
    expect(c.number).toMatch(/^KB-\d{8}-\d{4}$/);
    expect(c.actions).toEqual(['cancel']);
    expect((await as('warehouse').call('GET', `/cards/${c.id}`)).body.actions).toEqual(['approve', 'reject']);
    expect((await as('admin').call('POST', '/cards', { productId: product.id, quantity: 1 })).body.code).toBe(
      'NO_DEPARTMENT',
    );
    expect((await as('packing').call('POST', '/cards', { productId: product.id, quantity: 0 })).status).toBe(
      422,
    );
    expect(
      (await as('packing').call('POST', '/cards', { productId: product.id, quantity: 1, priority: 'ASAP' }))
        .status,
    ).toBe(422);
    expect(
      (await as('packing').call('POST', '/cards', { productId: randomUUID(), quantity: 1 })).status,
    ).toBe(404);
    expect((await as('viewer').call('POST', '/cards', { productId: product.id, quantity: 1 })).status).toBe(
      403,
    );
    expect((await as('packing').call('GET', `/cards/${randomUUID()}`)).status).toBe(404);
  });

  it('runs the full lifecycle with stock at the source, in transit and on the line', async () => {
    const { product, rack } = await stocked();
    const c = await card(product.id, 30);
    const approved = await as('warehouse').call('POST', `/cards/${c.id}/approve`, { notes: 'From rack D1' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'APPROVED',
      approvedBy: { username: 'warehouse' },
      sourceLocationId: rack.id,
    });
    expect(await wh.stock(product.id)).toMatchObject({ onHand: 100, reserved: 30, available: 70 });

    const shipped = await as('wh_operator').call('POST', `/cards/${c.id}/ship`, {});
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({
      status: 'IN_TRANSIT',
      shippedQuantity: 30,
      shippedBy: { username: 'wh_operator' },
    });
    expect(await wh.balance(product.id, rack.id)).toBe(70);
    expect(await wh.balance(product.id, transit.id)).toBe(30);
    expect((await wh.stock(product.id)).reserved).toBe(0);

    const received = await as('packing').call('POST', `/cards/${c.id}/receive`, {});
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({
      status: 'RECEIVED',
      receivedQuantity: 30,
      shortQuantity: 0,
      receivedBy: { username: 'packing' },
    });
    expect(await wh.balance(product.id, transit.id)).toBe(0);
    expect(await wh.balance(product.id, line.id)).toBe(30);
    const moves = await wh.ok('GET', `/warehouse/stock/moves?reference=${c.number}`);
    expect(
      moves.items.map(
        (m: { fromLocationCode: string; toLocationCode: string }) =>
          `${m.fromLocationCode}→${m.toLocationCode}`,
      ),
    ).toEqual(['TRANSIT-PACKING→LINE-PACKING', `${rack.code}→TRANSIT-PACKING`]);
    const audit = await raw(t.baseUrl, `/api/v1/admin/audit?entityType=kanban_card&entityId=${c.id}`, {
      token: tokens.admin,
    });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual([
      'kanban_card.received',
      'kanban_card.shipped',
      'kanban_card.approved',
      'kanban_card.created',
    ]);
  });

  it('a short receipt records the difference and returns it to the source rack', async () => {
    const { product, rack } = await stocked();
    const c = await card(product.id, 30);
    await as('warehouse').call('POST', `/cards/${c.id}/approve`, {});
    await as('warehouse').call('POST', `/cards/${c.id}/ship`, {});
    expect(
      (await as('packing').call('POST', `/cards/${c.id}/receive`, { receivedQuantity: 31 })).status,
    ).toBe(422);
    const res = await as('packing').call('POST', `/cards/${c.id}/receive`, {
      receivedQuantity: 25,
      shortReason: 'Five boxes were crushed',
    });
    expect(res.body).toMatchObject({ status: 'RECEIVED', receivedQuantity: 25, shortQuantity: 5 });
    expect(await wh.balance(product.id, line.id)).toBe(25);
    expect(await wh.balance(product.id, rack.id)).toBe(75);
    expect(await wh.balance(product.id, transit.id)).toBe(0);
  });

  it('keeps the department rules: another department cannot receive, lines cannot ship, only the requester cancels', async () => {
    const { product } = await stocked();
    const c = await card(product.id, 5);
    expect((await as('sewing').call('POST', `/cards/${c.id}/cancel`, {})).status).toBe(403);
    expect((await as('packing').call('POST', `/cards/${c.id}/approve`, {})).status).toBe(403);
    await as('warehouse').call('POST', `/cards/${c.id}/approve`, {});
    const lineShips = await as('packing').call('POST', `/cards/${c.id}/ship`, {});
    expect(lineShips.status).toBe(403);
    expect(lineShips.body.message).toMatch(/warehouse/i);
    await as('warehouse').call('POST', `/cards/${c.id}/ship`, {});
    const otherReceives = await as('sewing').call('POST', `/cards/${c.id}/receive`, {});
    expect(otherReceives.status).toBe(403);
    expect((await as('warehouse').call('POST', `/cards/${c.id}/receive`, {})).status).toBe(403);
    expect((await as('packing').call('GET', `/cards/${c.id}`)).body.status).toBe('IN_TRANSIT');
  });

  it('answers 409 naming the current state for a transition not allowed from it', async () => {
    const { product } = await stocked();
    const c = await card(product.id, 5);
    const ship = await as('warehouse').call('POST', `/cards/${c.id}/ship`, {});
    expect(ship.status).toBe(409);
    expect(ship.body).toMatchObject({ code: 'INVALID_STATE', details: { currentState: 'REQUESTED' } });
    expect((await as('packing').call('POST', `/cards/${c.id}/cancel`, {})).body.status).toBe('CANCELLED');
    expect((await as('warehouse').call('POST', `/cards/${c.id}/approve`, {})).body.details.currentState).toBe(
      'CANCELLED',
    );
  });

  it('rejects with a reason and releases what was reserved; approval short of stock is 409 and reserves nothing', async () => {
    const { product } = await stocked(20);
    const c = await card(product.id, 15);
    await as('warehouse').call('POST', `/cards/${c.id}/approve`, {});
    expect((await wh.stock(product.id)).reserved).toBe(15);
    expect((await as('warehouse').call('POST', `/cards/${c.id}/reject`, {})).status).toBe(422);
    const rejected = await as('warehouse').call('POST', `/cards/${c.id}/reject`, {
      reason: 'Use the cartons on the line first',
    });
    expect(rejected.body).toMatchObject({
      status: 'REJECTED',
      rejectReason: 'Use the cartons on the line first',
    });
    expect((await wh.stock(product.id)).reserved).toBe(0);
    const big = await card(product.id, 25);
    const short = await as('warehouse').call('POST', `/cards/${big.id}/approve`, {});
    expect(short.status).toBe(409);
    expect(short.body.code).toBe('INSUFFICIENT_STOCK');
    expect((await as('warehouse').call('GET', `/cards/${big.id}`)).body.status).toBe('REQUESTED');
    expect((await wh.stock(product.id)).reserved).toBe(0);
  });

  it('30 parallel ships of one card: exactly one succeeds and stock moves once', async () => {
    const { product, rack } = await stocked();
    const c = await card(product.id, 10);
    await as('warehouse').call('POST', `/cards/${c.id}/approve`, {});
    const results = await Promise.all(
      Array.from({ length: 30 }, () => as('warehouse').call('POST', `/cards/${c.id}/ship`, {})),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'INVALID_STATE')).toBe(true);
    expect(results.filter((r) => r.status === 409)).toHaveLength(29);
    expect(await wh.balance(product.id, rack.id)).toBe(90);
    expect(await wh.balance(product.id, transit.id)).toBe(10);
  });

  it('an idempotent ship repeated with the same key answers the same and moves stock once', async () => {
    const { product, rack } = await stocked();
    const c = await card(product.id, 10);
    await as('warehouse').call('POST', `/cards/${c.id}/approve`, {});
    const key = randomUUID();
    const first = await as('warehouse').call('POST', `/cards/${c.id}/ship`, {}, { 'idempotency-key': key });
    const again = await as('warehouse').call('POST', `/cards/${c.id}/ship`, {}, { 'idempotency-key': key });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await wh.balance(product.id, rack.id)).toBe(90);
    expect((await wh.ok('GET', `/warehouse/stock/moves?reference=${c.number}`)).total).toBe(1);
  });

  it('lists the board: open cards and recently closed ones, by status and priority, with filters', async () => {
    const { product } = await stocked();
    const low = await card(product.id, 1, { priority: 'LOW' });
    const urgent = await card(product.id, 1, { priority: 'URGENT' });
    const board = await as('warehouse').call('GET', '/cards/all?department=PACKING&status=REQUESTED');
    const ids = board.body.items.map((c: { id: string }) => c.id);
    expect(ids.indexOf(urgent.id)).toBeLessThan(ids.indexOf(low.id));
    expect(
      board.body.items.every(
        (c: { status: string; department: string }) => c.status === 'REQUESTED' && c.department === 'PACKING',
      ),
    ).toBe(true);
    await as('packing').call('POST', `/cards/${low.id}/cancel`, {});
    const all = await as('warehouse').call('GET', '/cards/all');
    expect(all.body.items.find((c: { id: string }) => c.id === low.id).status).toBe('CANCELLED');
    expect((await as('warehouse').call('GET', '/cards/all?status=LOST')).status).toBe(422);
    const moved = await as('warehouse').call('PUT', `/cards/${urgent.id}/position`, { position: 42.5 });
    expect(moved.body.position).toBe(42.5);
  });

  it('serves the board from a cache that another instance’s change (its NOTIFY) clears', async () => {
    const { product } = await stocked();
    const c = await card(product.id, 3, { priority: 'HIGH' });
    const find = async () =>
      (await as('warehouse').call('GET', '/cards/all')).body.items.find((x: { id: string }) => x.id === c.id);
    expect((await find()).priority).toBe('HIGH');
    // Another API instance commits a change and announces it; this instance only hears the notice.
    await t.db.query(`update kanban_cards set priority = 'LOW' where id = $1`, [c.id]);
    expect((await find()).priority).toBe('HIGH');
    await t.db.query(`select pg_notify('kapok_events', $1)`, [
      JSON.stringify({ type: 'kanban_card.approved', ids: [c.id], at: new Date().toISOString() }),
    ]);
    expect(await eventually(async () => (await find()).priority === 'LOW')).toBe(true);
  });

  it('the old path /api/v1/kanban/... is gone (404)', async () => {
    expect((await raw(t.baseUrl, '/api/v1/kanban/cards/all', { token: tokens.warehouse })).status).toBe(404);
    expect(
      (await raw(t.baseUrl, '/api/v1/kanban/cards', { method: 'POST', token: tokens.packing, body: '{}' }))
        .status,
    ).toBe(404);
  });
});

describe('replenishment rules', () => {
  async function lineStocked(onLine: number) {
    const { product, rack } = await stocked(500);
    await wh.ok('POST', '/warehouse/stock/transfers', {
      productId: product.id,
      fromLocationId: rack.id,
      toLocationId: line.id,
      quantity: onLine,
    });
    return { product, rack };
  }

  it('creates an automatic card when a posting takes the line below the reorder point, counting open cards as supply', async () => {
    const { product } = await lineStocked(25);
    const rule = await as('warehouse').call('POST', '/rules', {
      department: 'PACKING',
      productId: product.id,
      reorderPoint: 20,
      orderQuantity: 50,
      priority: 'HIGH',
    });
    expect(rule.status).toBe(201);
    const openCards = async () =>
      (await as('warehouse').call('GET', '/cards/all?department=PACKING')).body.items.filter(
        (c: { productId: string; status: string }) =>
          c.productId === product.id && ['REQUESTED', 'APPROVED', 'IN_TRANSIT'].includes(c.status),
      );
    expect(await openCards()).toHaveLength(0);
    await wh.ok('POST', '/warehouse/stock/issues', {
      productId: product.id,
      fromLocationId: line.id,
      quantity: 10,
    });
    const [auto] = await openCards();
    expect(auto).toMatchObject({
      automatic: true,
      quantity: 50,
      priority: 'HIGH',
      status: 'REQUESTED',
      requestedBy: null,
    });
    expect(auto.reason).toMatch(/LINE-PACKING/);
    // 15 on the line + 50 on order cover the reorder point: no second card.
    await wh.ok('POST', '/warehouse/stock/issues', {
      productId: product.id,
      fromLocationId: line.id,
      quantity: 10,
    });
    expect(await openCards()).toHaveLength(1);
    expect((await as('warehouse').call('GET', `/rules?productId=${product.id}`)).body.items[0]).toMatchObject(
      { reorderPoint: 20, orderQuantity: 50 },
    );
  });

  it('two concurrent postings below the point create the automatic card once, not twice', async () => {
    for (let round = 0; round < 4; round++) {
      const { product } = await lineStocked(22);
      await as('warehouse').call('POST', '/rules', {
        department: 'PACKING',
        productId: product.id,
        reorderPoint: 20,
        orderQuantity: 40,
      });
      const results = await Promise.all([
        wh.call('POST', '/warehouse/stock/issues', {
          productId: product.id,
          fromLocationId: line.id,
          quantity: 3,
        }),
        wh.call('POST', '/warehouse/stock/issues', {
          productId: product.id,
          fromLocationId: line.id,
          quantity: 3,
        }),
      ]);
      expect(results.map((r) => r.status)).toEqual([201, 201]);
      const { rows } = await t.db.query(
        `select count(*)::int as n from kanban_cards where product_id = $1 and automatic`,
        [product.id],
      );
      expect(rows[0].n).toBe(1);
    }
  });

  it('validates rules and needs kanban.approve to set them', async () => {
    const { product } = await stocked();
    expect(
      (
        await as('packing').call('POST', '/rules', {
          department: 'PACKING',
          productId: product.id,
          reorderPoint: 1,
          orderQuantity: 1,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await as('warehouse').call('POST', '/rules', {
          department: 'PACKING',
          productId: product.id,
          reorderPoint: -1,
          orderQuantity: 1,
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await as('warehouse').call('POST', '/rules', {
          department: 'PACKING',
          productId: randomUUID(),
          reorderPoint: 1,
          orderQuantity: 1,
        })
      ).status,
    ).toBe(404);
    const rule = (
      await as('warehouse').call('POST', '/rules', {
        department: 'PACKING',
        productId: product.id,
        reorderPoint: 0,
        orderQuantity: 1,
      })
    ).body;
    expect((await as('warehouse').call('DELETE', `/rules/${rule.id}`)).status).toBe(204);
    expect((await as('warehouse').call('DELETE', `/rules/${rule.id}`)).status).toBe(404);
  });
});

describe('kanban row rules', () => {
  let requester: string;
  beforeAll(async () => {
    // A user who may both request (has a department) and approve: any role holding both permissions.
    const created = await raw(t.baseUrl, '/api/v1/admin/users', {
      method: 'POST',
      token: tokens.admin,
      body: JSON.stringify({
        username: `selfie-${randomUUID().slice(0, 8)}`,
        fullName: 'Packing lead with approval',
        password: 'Velvet-Otter-Lantern-42',
        role: 'superadmin',
        department: 'PACKING',
      }),
    });
    expect(created.status).toBe(201);
    const login = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: created.body.username, password: 'Velvet-Otter-Lantern-42' }),
    });
    requester = login.body.accessToken;
  });

  it('refuses to let the requester approve their own card: 403 SELF_APPROVAL, nothing changes', async () => {
    const { product } = await stocked();
    const own = await raw(t.baseUrl, '/api/v1/ppic/kanban/cards', {
      method: 'POST',
      token: requester,
      body: JSON.stringify({ productId: product.id, quantity: 5 }),
    });
    expect(own.status).toBe(201);
    const view = await raw(t.baseUrl, `/api/v1/ppic/kanban/cards/${own.body.id}`, { token: requester });
    expect(view.body.actions).not.toContain('approve');
    const approve = await raw(t.baseUrl, `/api/v1/ppic/kanban/cards/${own.body.id}/approve`, {
      method: 'POST',
      token: requester,
      body: '{}',
    });
    expect(approve.status).toBe(403);
    expect(approve.body).toMatchObject({ code: 'SELF_APPROVAL', requestId: expect.any(String) });
    const after = await as('warehouse').call('GET', `/cards/${own.body.id}`);
    expect(after.body.status).toBe('REQUESTED');
    // Somebody else approves it.
    expect((await as('warehouse').call('POST', `/cards/${own.body.id}/approve`, {})).status).toBe(200);
  });

  it('lets only the requesting department or the warehouse reposition a card', async () => {
    const { product } = await stocked();
    const c = await card(product.id, 3);
    const other = await as('sewing').call('PUT', `/cards/${c.id}/position`, { position: 7 });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('FORBIDDEN');
    expect((await as('packing').call('PUT', `/cards/${c.id}/position`, { position: 8 })).body.position).toBe(
      8,
    );
    expect(
      (await as('warehouse').call('PUT', `/cards/${c.id}/position`, { position: 9 })).body.position,
    ).toBe(9);
  });
});
