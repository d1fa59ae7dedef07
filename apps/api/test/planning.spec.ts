import { DataSource } from 'typeorm';
import { checkLedger } from '../src/modules/warehouse/stock/ledger-check.js';
import { eventually } from './support/eventually.js';
import { addDays, factoryToday, isoWeek } from '../src/modules/planning/mrp/calendar.js';
import { ordersFixtures } from './support/orders-fixtures.js';
import { ppicFixtures } from './support/ppic-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
let p: Awaited<ReturnType<typeof ppicFixtures>>;

beforeAll(async () => {
  t = await startTestApp({ DB_POOL_SIZE: '20' });
  for (const u of ['warehouse', 'engineer', 'ppic', 'ppic_admin', 'manager', 'viewer', 'admin']) {
    tokens[u] = (await t.as(u)).accessToken;
  }
  p = await ppicFixtures(t, tokens);
});
afterEach(async () => {
  expect(await checkLedger(t.app.get(DataSource))).toEqual([]);
});
afterAll(() => t.close());

const call = (user: string, method: string, path: string, body?: unknown) => p.call(user, method, path, body);
const run = (user = 'ppic') => call(user, 'POST', '/planning/mrp/runs', {});

interface PlannedOrder {
  id: string;
  type: 'MAKE' | 'BUY';
  productId: string;
  quantity: number;
  pegs: Array<{ kind: string; quantity: number }>;
}

/** An article whose finished good must keep 20 pieces on hand (LOW threshold), so MRP makes 20. */
async function articleWithSafetyStock() {
  const a = await p.article();
  const threshold = await call('warehouse', 'POST', '/warehouse/alerts/thresholds', {
    productId: a.fg.id,
    minimumQuantity: 20,
  });
  expect(threshold.status).toBe(201);
  return a;
}

async function ordersOf(runId: string, productId: string): Promise<PlannedOrder[]> {
  const res = await call('ppic', 'GET', `/planning/mrp/runs/${runId}/planned-orders?productId=${productId}`);
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('MRP runs', () => {
  it('plans the safety stock of a finished good through its WIP chain and shows the grid', async () => {
    const a = await articleWithSafetyStock();
    const res = await run();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      horizonWeeks: 12,
      latest: true,
      createdBy: { username: 'ppic' },
      // Answered 201 within MRP_SYNC_WAIT_MS: the run is already finished.
      state: 'FINISHED',
      phase: null,
      percent: null,
      error: null,
    });
    expect(res.body.finishedAt).not.toBeNull();
    expect(res.body.weeks).toHaveLength(12);

    const latest = await call('viewer', 'GET', '/planning/mrp/runs/latest');
    expect(latest.status).toBe(200);
    expect(latest.body.id).toBe(res.body.id);

    const [make] = await ordersOf(res.body.id, a.fg.id);
    expect(make).toMatchObject({ type: 'MAKE', quantity: 20, salesOrderLineId: null, released: false });
    expect(make.pegs).toEqual([expect.objectContaining({ kind: 'SAFETY_STOCK', quantity: 20 })]);
    // 20 skins and 20 cuts are made inside the MO; 2 m of fabric a cut, half a carton a piece.
    expect(await ordersOf(res.body.id, a.skin.id)).toEqual([]);
    const [fabric] = await ordersOf(res.body.id, a.fabric.id);
    expect(fabric).toMatchObject({ type: 'BUY', quantity: 40, supplierId: null });
    expect(fabric.pegs).toEqual([expect.objectContaining({ kind: 'PLANNED_ORDER', quantity: 40 })]);
    const [carton] = await ordersOf(res.body.id, a.carton.id);
    expect(carton.quantity).toBe(10);
    expect(res.body.exceptions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'NO_SUPPLIER',
          productId: a.fabric.id,
          productCode: a.fabric.code,
          // Kept with the run and read back: the reason and what it names, to word it in any language.
          reason: 'NO_SUPPLIER_ITEM',
          params: expect.objectContaining({ product: a.fabric.code, quantity: '40.0000' }),
        }),
      ]),
    );

    const grid = await call('viewer', 'GET', `/planning/mrp/runs/${res.body.id}/grid?productId=${a.fg.id}`);
    expect(grid.status).toBe(200);
    expect(grid.body).toMatchObject({ safetyStock: 20, onHand: 0, lowLevelCode: 0 });
    expect(grid.body.buckets[0]).toMatchObject({ grossDemand: 0, plannedReceipts: 20, projectedOnHand: 20 });
    expect(grid.body.plannedOrders.map((o: PlannedOrder) => o.id)).toEqual([make.id]);
    const skinGrid = await call(
      'viewer',
      'GET',
      `/planning/mrp/runs/${res.body.id}/grid?productId=${a.skin.id}`,
    );
    expect(skinGrid.body.lowLevelCode).toBe(1);
    // In the week the MO starts (the next working day when today is a weekend).
    expect(skinGrid.body.buckets.flatMap((b: { demand: unknown[] }) => b.demand)).toEqual([
      expect.objectContaining({
        kind: 'PLANNED_ORDER',
        refId: expect.stringMatching(/^P\d+$/),
        quantity: 20,
      }),
    ]);
  });

  it('counts a DRAFT MO as supply and its components as demand, and an approved MO’s frozen materials', async () => {
    const a = await p.article();
    const draft = await p.mo(a.fg.id, 20, { dueDate: '2027-01-08' });
    const res = await run();
    expect(await ordersOf(res.body.id, a.fg.id)).toEqual([]);
    const [fabric] = await ordersOf(res.body.id, a.fabric.id);
    expect(fabric.quantity).toBe(40);
    expect(fabric.pegs).toEqual([expect.objectContaining({ kind: 'MANUFACTURING_ORDER', refId: draft.id })]);
  });

  it('releases a MAKE planned order into a DRAFT MO once; a second release is 409 ALREADY_RELEASED', async () => {
    const a = await articleWithSafetyStock();
    const res = await run();
    const [make] = await ordersOf(res.body.id, a.fg.id);

    const released = await call('ppic', 'POST', `/planning/mrp/runs/${res.body.id}/release`, {
      plannedOrderIds: [make.id],
    });
    expect(released.status).toBe(201);
    expect(released.body.purchaseOrders).toEqual([]);
    const [mo] = released.body.manufacturingOrders;
    expect(mo.plannedOrderId).toBe(make.id);
    const detail = await call('ppic', 'GET', `/ppic/tasks/${mo.id}`);
    expect(detail.body).toMatchObject({ state: 'DRAFT', plannedQuantity: 20, route: 'ROUTE_2' });
    expect(detail.body.batchNumber).toBe(mo.batchNumber);
    const [after] = await ordersOf(res.body.id, a.fg.id);
    expect(after).toMatchObject({
      released: true,
      releasedDocumentId: mo.id,
      releasedDocumentNumber: mo.batchNumber,
    });

    const again = await call('ppic', 'POST', `/planning/mrp/runs/${res.body.id}/release`, {
      plannedOrderIds: [make.id],
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_RELEASED');
    const count = await t.db.query('select count(*)::int as n from manufacturing_orders where id = $1', [
      mo.id,
    ]);
    expect(count.rows[0].n).toBe(1);
  });

  it('plans a MAKE per sales-order line and releases them into pegged DRAFT MOs and BUY into POs per supplier', async () => {
    const f = ordersFixtures(t);
    const a = await p.article();
    const customer = await f.partner('CUSTOMER');
    const mill = await f.partner('SUPPLIER', { name: 'Fabric mill' });
    const accessories = await f.partner('SUPPLIER', { name: 'Accessories' });
    const item = (supplierId: string, productId: string, uom: string, over: Record<string, unknown> = {}) =>
      f.ok('purchasing', 'POST', '/purchasing/supplier-items', {
        supplierId,
        productId,
        uom,
        preferred: true,
        ...over,
      });
    await item(mill.id, a.fabric.id, 'METER', { packSize: 25 });
    await item(accessories.id, a.label.id, 'PCS');
    await item(accessories.id, a.carton.id, 'PCS');
    const week = isoWeek(addDays(factoryToday(), 42));
    const so = await f.ok('merchandiser', 'POST', '/sales/orders', {
      customerId: customer.id,
      customerPo: `PO-${f.suffix()}`,
      lines: [
        { productId: a.fg.id, quantity: 30, deliveryWeek: week, destination: 'EU' },
        { productId: a.fg.id, quantity: 20, deliveryWeek: week, destination: 'US' },
      ],
    });
    await f.ok('merchandiser', 'POST', `/sales/orders/${so.id}/confirm`, {});

    const res = await run();
    expect(res.status).toBe(201);
    const makes = await ordersOf(res.body.id, a.fg.id);
    expect(makes.map((o) => [o.quantity, (o as unknown as { destination: string }).destination])).toEqual([
      [30, 'EU'],
      [20, 'US'],
    ]);
    expect(makes.map((o) => (o as unknown as { salesOrderLineId: string }).salesOrderLineId)).toEqual(
      so.lines.map((l: { id: string }) => l.id),
    );
    const [fabric] = await ordersOf(res.body.id, a.fabric.id);
    // 50 pieces × 2 m = 100 m, a multiple of the 25 m pack.
    expect(fabric).toMatchObject({ quantity: 100, purchaseQuantity: 100, supplierId: mill.id });
    const label = await ordersOf(res.body.id, a.label.id);
    const carton = await ordersOf(res.body.id, a.carton.id);
    // One BUY per week: both MAKE orders start in the same week.
    expect(label.map((o) => o.quantity)).toEqual([50]);
    expect(label[0].pegs.map((peg) => peg.quantity)).toEqual([30, 20]);
    const buys = [fabric, ...label, ...carton];

    const released = await call('ppic', 'POST', `/planning/mrp/runs/${res.body.id}/release`, {
      plannedOrderIds: [...makes, ...buys].map((o) => o.id),
    });
    expect(released.status).toBe(201);
    expect(released.body.manufacturingOrders).toHaveLength(2);
    const pos = released.body.purchaseOrders as Array<{
      id: string;
      supplierId: string;
      plannedOrderIds: string[];
    }>;
    expect(pos.map((po) => po.supplierId).sort()).toEqual([mill.id, accessories.id].sort());
    const accessoriesPo = pos.find((po) => po.supplierId === accessories.id)!;
    expect(accessoriesPo.plannedOrderIds).toHaveLength(label.length + carton.length);
    const detail = await f.ok('purchasing', 'GET', `/purchasing/orders/${accessoriesPo.id}`);
    expect(detail.state).toBe('DRAFT');
    expect(
      detail.lines.map((l: { productId: string; quantity: number }) => [l.productId, l.quantity]).sort(),
    ).toEqual(
      [
        [a.label.id, 50],
        [a.carton.id, 25],
      ].sort(),
    );
    const pegged = [];
    for (const mo of released.body.manufacturingOrders) {
      const m = await call('ppic', 'GET', `/ppic/tasks/${mo.id}`);
      expect(m.body.state).toBe('DRAFT');
      pegged.push([m.body.salesOrderLineId, m.body.destination]);
    }
    expect(pegged).toEqual(so.lines.map((l: { id: string; destination: string }) => [l.id, l.destination]));
    const again = await call('ppic', 'POST', `/planning/mrp/runs/${res.body.id}/release`, {
      plannedOrderIds: [fabric.id],
    });
    expect(again.body.code).toBe('ALREADY_RELEASED');

    // The released drafts are supply now: a new run plans neither the lines nor the materials again.
    const next = await run();
    expect(await ordersOf(next.body.id, a.fg.id)).toEqual([]);
    expect(await ordersOf(next.body.id, a.fabric.id)).toEqual([]);
  });

  it('refuses a release from a run that a newer run replaced: 409 STALE_RUN', async () => {
    const a = await articleWithSafetyStock();
    const first = await run();
    const [make] = await ordersOf(first.body.id, a.fg.id);
    const second = await run();
    expect(second.status).toBe(201);
    const stale = await call('ppic', 'POST', `/planning/mrp/runs/${first.body.id}/release`, {
      plannedOrderIds: [make.id],
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'STALE_RUN', details: { latestRunId: second.body.id } });
    const old = await call('ppic', 'GET', `/planning/mrp/runs/${first.body.id}`);
    expect(old.body).toMatchObject({ latest: false, exceptions: [] });
  });

  it('runs one at a time: a run while another is writing answers 409 MRP_RUNNING', async () => {
    // Hold the first run inside its transaction (after it took the run lock) by locking its table.
    const blocker = await t.db.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table mrp_runs in access exclusive mode');
      const first = run();
      const waiting = await eventually(async () => {
        const r = await t.db.query(
          `select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation
            where c.relname = 'mrp_runs' and not l.granted`,
        );
        return r.rows[0].n > 0;
      });
      expect(waiting).toBe(true);
      const second = await run('admin');
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('MRP_RUNNING');
      await blocker.query('commit');
      expect((await first).status).toBe(201);
    } finally {
      blocker.release();
    }
  });

  it('answers per role: view for viewers, run for PPIC admins, release for PPIC managers only', async () => {
    const created = await run('ppic_admin');
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await call('viewer', 'GET', `/planning/mrp/runs/${id}/planned-orders`)).status).toBe(200);
    expect((await call('manager', 'GET', `/planning/mrp/runs/${id}`)).status).toBe(200);
    expect((await call('warehouse', 'GET', '/planning/mrp/runs/latest')).status).toBe(403);
    expect((await call('engineer', 'GET', `/planning/mrp/runs/${id}`)).status).toBe(403);
    expect((await run('viewer')).status).toBe(403);
    const any = (await call('ppic', 'GET', `/planning/mrp/runs/${id}/planned-orders?type=MAKE&limit=1`)).body
      .items;
    const ids = any.map((o: PlannedOrder) => o.id);
    expect(
      (await call('ppic_admin', 'POST', `/planning/mrp/runs/${id}/release`, { plannedOrderIds: ids })).status,
    ).toBe(403);
    expect(
      (await call('viewer', 'POST', `/planning/mrp/runs/${id}/release`, { plannedOrderIds: ids })).status,
    ).toBe(403);
  });

  it('refuses bad input in the error shape', async () => {
    const bad = await call('ppic', 'POST', '/planning/mrp/runs', { horizonWeeks: 0 });
    expect(bad.status).toBe(422);
    const latest = (await run()).body.id;
    const unknown = await call('ppic', 'POST', `/planning/mrp/runs/${latest}/release`, {
      plannedOrderIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.status).toBe(404);
    const empty = await call('ppic', 'POST', `/planning/mrp/runs/${latest}/release`, { plannedOrderIds: [] });
    expect(empty.status).toBe(422);
    const noGrid = await call(
      'ppic',
      'GET',
      `/planning/mrp/runs/${latest}/grid?productId=00000000-0000-4000-8000-000000000000`,
    );
    expect(noGrid.status).toBe(404);
  });
});
