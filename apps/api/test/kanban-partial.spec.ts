import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { checkLedger } from '../src/modules/warehouse/stock/ledger-check.js';
import { raw, startTestApp, type TestApp } from './support/test-app.js';
import { warehouseFixtures } from './support/warehouse-fixtures.js';

/** Partial approval, ship by quantity/rack/lot, and the reason a short receipt needs. */
let t: TestApp;
const tokens: Record<string, string> = {};
let wh: ReturnType<typeof warehouseFixtures>;
let transit: { id: string };
let line: { id: string };

beforeAll(async () => {
  t = await startTestApp({ DB_POOL_SIZE: '30' });
  for (const u of ['warehouse', 'packing', 'sewing', 'wh_operator', 'viewer'])
    tokens[u] = (await t.as(u)).accessToken;
  wh = warehouseFixtures(t, () => tokens.warehouse);
  transit = await wh.location('TRANSIT-PACKING');
  line = await wh.location('LINE-PACKING');
});
afterEach(async () => {
  expect(await checkLedger(t.app.get(DataSource))).toEqual([]);
});
afterAll(() => t.close());

const call = (user: string, method: string, path: string, body?: unknown) =>
  raw(t.baseUrl, `/api/v1/ppic/kanban/cards${path}`, {
    method,
    token: tokens[user],
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const lotNo = () => `L-${randomBytes(3).toString('hex').toUpperCase()}`;

/** A carton-like accessory in PCS: an old lot on one rack, a newer lot on another. */
async function twoLots(old = 20, fresh = 50) {
  const product = await wh.product({ type: 'ACCESSORY' });
  const rackA = await wh.rack();
  const rackB = await wh.rack();
  const oldLot = lotNo();
  const newLot = lotNo();
  await wh.receive(product.id, rackA.id, old, { lotNumber: oldLot, receivedAt: '2026-10-01T00:00:00Z' });
  await wh.receive(product.id, rackB.id, fresh, { lotNumber: newLot, receivedAt: '2026-11-01T00:00:00Z' });
  return { product, rackA, rackB, oldLot, newLot };
}

async function card(productId: string, quantity: number) {
  const res = await call('packing', 'POST', '', { productId, quantity });
  expect(res.status).toBe(201);
  return res.body;
}

const reservedOf = async (productId: string) => (await wh.stock(productId)).reserved;

describe('kanban partial approval', () => {
  it('shows free stock per rack and lot, FIFO first, and approves part: the rest stays requested on a new card', async () => {
    const { product, rackA, oldLot, newLot } = await twoLots(20, 5);
    const c = await card(product.id, 30);
    const stock = await call('warehouse', 'GET', `/${c.id}/stock`);
    expect(stock.status).toBe(200);
    expect(stock.body.items.map((r: { lotNumber: string; free: number }) => [r.lotNumber, r.free])).toEqual([
      [oldLot, 20],
      [newLot, 5],
    ]);
    expect(stock.body).toMatchObject({
      totalFree: 25,
      suggested: { lotNumber: oldLot, locationId: rackA.id },
    });
    expect((await call('viewer', 'GET', `/${c.id}/stock`)).status).toBe(200);

    // Everything is more than there is: 409, nothing reserved.
    expect((await call('warehouse', 'POST', `/${c.id}/approve`, {})).status).toBe(409);
    const partial = await call('warehouse', 'POST', `/${c.id}/approve`, {
      quantity: 20,
      remainder: 'REQUEST',
    });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({
      status: 'APPROVED',
      quantity: 30,
      approvedQuantity: 20,
      remainderReason: null,
      sourceLocationId: rackA.id,
    });
    expect(await reservedOf(product.id)).toBe(20);
    const board = (await call('warehouse', 'GET', '/all?department=PACKING')).body.items;
    const rest = board.find((x: { splitFromId: string | null }) => x.splitFromId === c.id);
    expect(rest).toMatchObject({
      status: 'REQUESTED',
      quantity: 10,
      requestedBy: { username: 'packing' },
      productId: product.id,
    });
    expect(rest.number).not.toBe(c.number);
    // The held stock counts as free to the card itself.
    const after = (await call('warehouse', 'GET', `/${c.id}/stock`)).body;
    expect(after.items[0]).toMatchObject({ lotNumber: oldLot, free: 20, held: 20 });
  });

  it('rejects the rest with a reason kept on the card; refuses more than requested, no decision, no reason, fractions', async () => {
    const { product } = await twoLots(20, 1);
    const c = await card(product.id, 30);
    const approve = (body: unknown) => call('warehouse', 'POST', `/${c.id}/approve`, body);
    expect((await approve({ quantity: 31, remainder: 'REQUEST' })).status).toBe(422);
    const undecided = await approve({ quantity: 10 });
    expect(undecided.status).toBe(422);
    expect(undecided.body.details).toEqual([{ field: 'remainder', messages: [expect.any(String)] }]);
    expect((await approve({ quantity: 10, remainder: 'REJECT' })).body.details[0].field).toBe(
      'remainderReason',
    );
    expect((await approve({ quantity: 10, remainder: 'REJECT', remainderReason: ' x ' })).status).toBe(422);
    expect((await approve({ quantity: 10.5, remainder: 'REQUEST' })).body.code).toBe('FRACTIONAL_WHOLE_UNIT');
    expect((await approve({ quantity: 0, remainder: 'REQUEST' })).status).toBe(422);
    expect((await approve({ quantity: -5, remainder: 'REQUEST' })).status).toBe(422);
    expect(await reservedOf(product.id)).toBe(0);
    const ok = await approve({
      quantity: 10,
      remainder: 'REJECT',
      remainderReason: 'Only ten left this week',
    });
    expect(ok.body).toMatchObject({ approvedQuantity: 10, remainderReason: 'Only ten left this week' });
    const board = (await call('warehouse', 'GET', '/all?department=PACKING')).body.items;
    expect(board.some((x: { splitFromId: string | null }) => x.splitFromId === c.id)).toBe(false);
    expect(await reservedOf(product.id)).toBe(10);
  });

  it('two partial approvals of one card at once: one wins, one rest card, reservations as approved', async () => {
    const { product } = await twoLots(40, 1);
    const c = await card(product.id, 30);
    const results = await Promise.all(
      [10, 20].map((q) =>
        call('warehouse', 'POST', `/${c.id}/approve`, { quantity: q, remainder: 'REQUEST' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = results.find((r) => r.status === 200)!.body.approvedQuantity;
    expect(await reservedOf(product.id)).toBe(won);
    const rests = (await call('warehouse', 'GET', '/all?department=PACKING')).body.items.filter(
      (x: { splitFromId: string | null }) => x.splitFromId === c.id,
    );
    expect(rests.map((r: { quantity: number }) => r.quantity)).toEqual([30 - won]);
  });
});

describe('kanban approvals competing for the same stock', () => {
  it('ten cards approved at once over 25 free: reservations never exceed the stock, the losers change nothing', async () => {
    const { product } = await twoLots(20, 5);
    const cards = [];
    for (let i = 0; i < 10; i++) cards.push(await card(product.id, 6));
    const results = await Promise.all(cards.map((c) => call('warehouse', 'POST', `/${c.id}/approve`, {})));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(4);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'INSUFFICIENT_STOCK')).toBe(
      true,
    );
    expect(await reservedOf(product.id)).toBe(24);
    // A partial approval takes the last unit; the rest stays requested.
    const loser = cards[results.findIndex((r) => r.status === 409)];
    const part = await call('warehouse', 'POST', `/${loser.id}/approve`, {
      quantity: 1,
      remainder: 'REQUEST',
    });
    expect(part.body).toMatchObject({ status: 'APPROVED', approvedQuantity: 1 });
    expect(await reservedOf(product.id)).toBe(25);
  });
});

describe('kanban ship by quantity, rack and lot', () => {
  it('ships another lot than the reserved one when it is free; what the card held is released', async () => {
    const { product, rackA, rackB, oldLot, newLot } = await twoLots(20, 50);
    const c = await card(product.id, 15);
    await call('warehouse', 'POST', `/${c.id}/approve`, {});
    const newLotId = (await call('warehouse', 'GET', `/${c.id}/stock`)).body.items.find(
      (r: { lotNumber: string }) => r.lotNumber === newLot,
    ).lotId;
    expect((await call('warehouse', 'POST', `/${c.id}/ship`, { quantity: 16 })).status).toBe(422);
    expect((await call('warehouse', 'POST', `/${c.id}/ship`, { quantity: 2.5 })).body.code).toBe(
      'FRACTIONAL_WHOLE_UNIT',
    );
    const shipped = await call('warehouse', 'POST', `/${c.id}/ship`, {
      quantity: 12,
      locationId: rackB.id,
      lotId: newLotId,
    });
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({ status: 'IN_TRANSIT', shippedQuantity: 12, approvedQuantity: 15 });
    expect(await wh.balance(product.id, rackA.id)).toBe(20);
    expect(await wh.balance(product.id, rackB.id)).toBe(38);
    expect(await wh.balance(product.id, transit.id)).toBe(12);
    expect(await reservedOf(product.id)).toBe(0);
    const moves = await wh.ok('GET', `/warehouse/stock/moves?productId=${product.id}&reference=${c.number}`);
    expect(
      moves.items.map((mv: { lotNumber: string; quantity: number }) => [mv.lotNumber, mv.quantity]),
    ).toEqual([[newLot, 12]]);
    expect(oldLot).not.toBe(newLot);
  });

  it('defaults to what the card holds (FIFO); a lot held by another card is not free (409, nothing moves)', async () => {
    const { product, rackA, rackB, oldLot } = await twoLots(20, 10);
    const first = await card(product.id, 20);
    await call('warehouse', 'POST', `/${first.id}/approve`, {});
    const second = await card(product.id, 5);
    await call('warehouse', 'POST', `/${second.id}/approve`, {});
    const oldLotId = (await call('warehouse', 'GET', `/${first.id}/stock`)).body.suggested.lotId;
    const blocked = await call('warehouse', 'POST', `/${second.id}/ship`, {
      locationId: rackA.id,
      lotId: oldLotId,
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('INSUFFICIENT_STOCK');
    expect(await reservedOf(product.id)).toBe(25);
    expect((await call('warehouse', 'GET', `/${second.id}`)).body.status).toBe('APPROVED');
    const fifo = await call('warehouse', 'POST', `/${first.id}/ship`, {});
    expect(fifo.body).toMatchObject({ status: 'IN_TRANSIT', shippedQuantity: 20 });
    expect(await wh.balance(product.id, rackA.id)).toBe(0);
    const moves = await wh.ok(
      'GET',
      `/warehouse/stock/moves?productId=${product.id}&reference=${first.number}`,
    );
    expect(moves.items.every((mv: { lotNumber: string }) => mv.lotNumber === oldLot)).toBe(true);
    expect(await wh.balance(product.id, rackB.id)).toBe(10);
    expect((await call('packing', 'POST', `/${second.id}/ship`, {})).status).toBe(403);
  });
});

describe('kanban short receipt', () => {
  it('needs a reason (422 without one); the reason is kept and the difference returns to the rack', async () => {
    const { product, rackA } = await twoLots(20, 1);
    const c = await card(product.id, 10);
    await call('warehouse', 'POST', `/${c.id}/approve`, {});
    await call('warehouse', 'POST', `/${c.id}/ship`, {});
    const noReason = await call('packing', 'POST', `/${c.id}/receive`, { receivedQuantity: 8 });
    expect(noReason.status).toBe(422);
    expect(noReason.body.details).toEqual([{ field: 'shortReason', messages: [expect.any(String)] }]);
    expect(
      (await call('packing', 'POST', `/${c.id}/receive`, { receivedQuantity: 8, shortReason: ' ' })).status,
    ).toBe(422);
    expect(
      (await call('packing', 'POST', `/${c.id}/receive`, { receivedQuantity: 11, shortReason: 'x' })).status,
    ).toBe(422);
    expect(await wh.balance(product.id, transit.id)).toBe(10);
    const ok = await call('packing', 'POST', `/${c.id}/receive`, {
      receivedQuantity: 8,
      shortReason: 'Two boxes came torn',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      status: 'RECEIVED',
      receivedQuantity: 8,
      shortQuantity: 2,
      shortReason: 'Two boxes came torn',
    });
    expect(await wh.balance(product.id, line.id)).toBeGreaterThanOrEqual(8);
    expect(await wh.balance(product.id, rackA.id)).toBe(12);
    // A full receipt needs no reason.
    const full = await card(product.id, 3);
    await call('warehouse', 'POST', `/${full.id}/approve`, {});
    await call('warehouse', 'POST', `/${full.id}/ship`, {});
    expect((await call('packing', 'POST', `/${full.id}/receive`, {})).body).toMatchObject({
      status: 'RECEIVED',
      shortReason: null,
    });
  });
});
