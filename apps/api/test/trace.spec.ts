import { DataSource } from 'typeorm';
import { Transactions } from '../src/core/database/transactions.js';
import { PostingService } from '../src/modules/warehouse/index.js';
import { productionLot } from '../src/modules/warehouse/lots/production-lots.js';
import { checkLedger } from '../src/modules/warehouse/stock/ledger-check.js';
import { virtualLocationId } from '../src/modules/warehouse/warehouse.facts.js';
import { ordersFixtures } from './support/orders-fixtures.js';
import { ppicFixtures } from './support/ppic-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
let p: Awaited<ReturnType<typeof ppicFixtures>>;
let f: ReturnType<typeof ordersFixtures>;

beforeAll(async () => {
  t = await startTestApp({ DB_POOL_SIZE: '20' });
  for (const u of ['warehouse', 'engineer', 'ppic_admin', 'manager', 'qc'])
    tokens[u] = (await t.as(u)).accessToken;
  p = await ppicFixtures(t, tokens);
  f = ordersFixtures(t);
});
afterEach(async () => {
  expect(await checkLedger(t.app.get(DataSource))).toEqual([]);
});
afterAll(() => t.close());

interface Node {
  kind: 'lot' | 'batch';
  depth: number;
  quantity: number | null;
  lot: null | {
    id: string;
    lotNumber: string;
    product: { id: string; code: string };
    onHand: number;
    supplier: null | { id: string; name: string };
    receipts: Array<{
      reference: string;
      quantity: number;
      poNumber: string | null;
      supplier: null | { id: string; name: string };
    }>;
    dispatches: Array<{ reference: string; quantity: number; locationCode: string }>;
  };
  order: null | {
    id: string;
    batchNumber: string;
    product: { id: string } | null;
    producedQuantity: number | null;
  };
  batchNumber: string | null;
  workOrders: Array<{ department: string }>;
  children: Node[];
}

const trace = async (lotId: string, direction: 'backward' | 'forward', user = 'qc') =>
  p.call(user, 'GET', `/quality/trace/${lotId}?direction=${direction}`);
const lotOf = async (productId: string, lotNumber: string) => {
  const page = await p.wh.ok('GET', `/warehouse/lots?productId=${productId}&search=${lotNumber}`);
  return page.items.find((l: { lotNumber: string }) => l.lotNumber === lotNumber) as { id: string };
};
const byLot = (nodes: Node[]) => [...nodes].sort((a, b) => a.lot!.lotNumber.localeCompare(b.lot!.lotNumber));

describe('traceability', () => {
  it('an MO records the lots it consumed and receives its output into the batch lot; the trace follows both ways to the supplier', async () => {
    const supplier = await f.partner('SUPPLIER', { name: 'PT Kain Lembut' });
    const a = await p.article({ label: 20, carton: 10 });
    const po = await f.ok('purchasing', 'POST', '/purchasing/orders', {
      supplierId: supplier.id,
      lines: [{ productId: a.fabric.id, quantity: 42, uom: 'METER', expectedDate: '2026-12-18' }],
    });
    await f.ok('purchasing_mgr', 'POST', `/purchasing/orders/${po.id}/approve`, {});
    const lineId = po.lines[0].id;
    const [rollA, rollB] = [`ROLL-A-${f.suffix()}`, `ROLL-B-${f.suffix()}`];
    const grn1 = await f.ok('wh_operator', 'POST', `/purchasing/orders/${po.id}/receipts`, {
      lines: [{ lineId, quantity: 12, lotNumber: rollA, locationId: a.rack.id }],
    });
    const grn2 = await f.ok('wh_operator', 'POST', `/purchasing/orders/${po.id}/receipts`, {
      lines: [{ lineId, quantity: 30, lotNumber: rollB, locationId: a.rack.id }],
    });

    const mo = await p.mo(a.fg.id, 10);
    expect((await p.transition('manager', mo.id, 'approve')).status).toBe(200);
    expect((await p.transition('ppic_admin', mo.id, 'start')).status).toBe(200);
    const done = await p.transition('ppic_admin', mo.id, 'complete', { actualQuantity: 10 });
    expect(done.status).toBe(200);

    // Every production move names its lot: 20 m of fabric drawn oldest roll first, 10 FG into the batch lot.
    const { rows: moves } = await t.db.query(
      `select m.type, m.quantity::float8 as quantity, l.lot_number from stock_moves m left join lots l on l.id = m.lot_id
        where m.reference = $1 and m.product_id = any($2::uuid[]) order by m.type, l.lot_number`,
      [mo.batchNumber, [a.fabric.id, a.fg.id]],
    );
    expect(moves).toEqual([
      { type: 'PRODUCTION_CONSUME', quantity: 12, lot_number: rollA },
      { type: 'PRODUCTION_CONSUME', quantity: 8, lot_number: rollB },
      { type: 'PRODUCTION_OUTPUT', quantity: 10, lot_number: mo.batchNumber },
    ]);
    const fgLot = await lotOf(a.fg.id, mo.batchNumber);
    const [lotA, lotB] = [await lotOf(a.fabric.id, rollA), await lotOf(a.fabric.id, rollB)];

    const back = await trace(fgLot.id, 'backward');
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ direction: 'backward', lots: 3, batches: 1 });
    const root: Node = back.body.root;
    expect(root).toMatchObject({ kind: 'lot', depth: 0, quantity: null });
    expect(root.lot).toMatchObject({
      id: fgLot.id,
      lotNumber: mo.batchNumber,
      product: { id: a.fg.id },
      onHand: 10,
      supplier: null,
      receipts: [],
      dispatches: [],
    });
    expect(root.children).toHaveLength(1);
    const batch = root.children[0];
    expect(batch).toMatchObject({
      kind: 'batch',
      depth: 1,
      quantity: 10,
      batchNumber: mo.batchNumber,
      order: { id: mo.id, batchNumber: mo.batchNumber, product: { id: a.fg.id }, producedQuantity: 10 },
      lot: null,
    });
    const materials = byLot(batch.children);
    expect(materials.map((n) => [n.lot!.lotNumber, n.quantity, n.depth, n.children.length])).toEqual([
      [rollA, 12, 2, 0],
      [rollB, 8, 2, 0],
    ]);
    expect(materials[0].lot).toMatchObject({
      id: lotA.id,
      onHand: 0,
      supplier: { id: supplier.id, name: 'PT Kain Lembut' },
      receipts: [
        { reference: grn1.number, quantity: 12, poNumber: po.number, supplier: { id: supplier.id } },
      ],
    });
    expect(materials[1].lot).toMatchObject({
      id: lotB.id,
      onHand: 22,
      receipts: [
        { reference: grn2.number, quantity: 30, poNumber: po.number, supplier: { id: supplier.id } },
      ],
    });

    const fwd = await trace(lotB.id, 'forward');
    expect(fwd.status).toBe(200);
    expect(fwd.body).toMatchObject({ direction: 'forward', lots: 2, batches: 1 });
    const from: Node = fwd.body.root;
    expect(from.lot).toMatchObject({ id: lotB.id, lotNumber: rollB });
    expect(from.children.map((n) => [n.kind, n.batchNumber, n.quantity])).toEqual([
      ['batch', mo.batchNumber, 8],
    ]);
    expect(from.children[0].children.map((n) => [n.lot!.id, n.quantity, n.children.length])).toEqual([
      [fgLot.id, 10, 0],
    ]);
  });

  it('walks a hand-built chain of two material lots, one MO, two finished-goods lots and a dispatch, node by node', async () => {
    const a = await p.article();
    const rack = a.rack;
    const [m1, m2] = [`M1-${f.suffix()}`, `M2-${f.suffix()}`];
    await p.wh.receive(a.fabric.id, rack.id, 5, { lotNumber: m1, receivedAt: '2026-11-01T00:00:00Z' });
    await p.wh.receive(a.fabric.id, rack.id, 7, { lotNumber: m2, receivedAt: '2026-11-02T00:00:00Z' });
    const mo = await p.mo(a.fg.id, 6);
    const [lot1, lot2] = [await lotOf(a.fabric.id, m1), await lotOf(a.fabric.id, m2)];

    const posting = t.app.get(PostingService);
    const ds = t.app.get(DataSource);
    const tx = t.app.get(Transactions);
    const production = await virtualLocationId(ds.manager, 'PRODUCTION');
    const customer = await virtualLocationId(ds.manager, 'CUSTOMER');
    const [fg1, fg2] = await tx.run(async (m) => {
      const x = await productionLot(m, a.fg.id, `${mo.batchNumber}-A`, new Date('2026-11-05T00:00:00Z'));
      const y = await productionLot(m, a.fg.id, `${mo.batchNumber}-B`, new Date('2026-11-06T00:00:00Z'));
      const doc = { type: 'manufacturing_order', id: mo.id };
      await posting.post(
        m,
        [
          {
            kind: 'move',
            type: 'PRODUCTION_CONSUME',
            productId: a.fabric.id,
            fromLocationId: rack.id,
            toLocationId: production,
            quantity: 9,
          },
          {
            kind: 'move',
            type: 'PRODUCTION_OUTPUT',
            productId: a.fg.id,
            fromLocationId: production,
            toLocationId: rack.id,
            quantity: 4,
            lotId: x,
          },
          {
            kind: 'move',
            type: 'PRODUCTION_OUTPUT',
            productId: a.fg.id,
            fromLocationId: production,
            toLocationId: rack.id,
            quantity: 2,
            lotId: y,
          },
        ],
        { reference: mo.batchNumber, document: doc },
      );
      await posting.post(
        m,
        [
          {
            kind: 'move',
            type: 'ISSUE',
            productId: a.fg.id,
            fromLocationId: rack.id,
            toLocationId: customer,
            quantity: 3,
            lotId: x,
          },
        ],
        { reference: 'SH-TEST-0001', document: { type: 'shipment', id: mo.id } },
      );
      return [x, y];
    });

    // Backward from each finished-goods lot: lot → MO batch → both material lots (5 + 4 by FIFO).
    for (const [fgLot, made] of [
      [fg1, 4],
      [fg2, 2],
    ] as const) {
      const res = await trace(fgLot, 'backward');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ lots: 3, batches: 1 });
      const root: Node = res.body.root;
      expect(root.lot!.id).toBe(fgLot);
      expect(root.children.map((n) => [n.kind, n.batchNumber, n.quantity, n.order?.id])).toEqual([
        ['batch', mo.batchNumber, made, mo.id],
      ]);
      expect(
        byLot(root.children[0].children).map((n) => [
          n.kind,
          n.depth,
          n.lot!.id,
          n.quantity,
          n.children.length,
        ]),
      ).toEqual([
        ['lot', 2, lot1.id, 5, 0],
        ['lot', 2, lot2.id, 4, 0],
      ]);
    }

    // Forward from each material lot: lot → MO batch → both finished-goods lots, with the dispatch.
    for (const [lot, used] of [
      [lot1.id, 5],
      [lot2.id, 4],
    ] as const) {
      const res = await trace(lot, 'forward');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ lots: 3, batches: 1 });
      const root: Node = res.body.root;
      expect(root.lot!.id).toBe(lot);
      expect(root.children.map((n) => [n.kind, n.batchNumber, n.quantity])).toEqual([
        ['batch', mo.batchNumber, used],
      ]);
      const outputs = byLot(root.children[0].children);
      expect(outputs.map((n) => [n.lot!.id, n.quantity, n.lot!.onHand, n.children.length])).toEqual([
        [fg1, 4, 1, 0],
        [fg2, 2, 2, 0],
      ]);
      expect(outputs[0].lot!.dispatches).toEqual([
        expect.objectContaining({ reference: 'SH-TEST-0001', quantity: 3, locationCode: expect.any(String) }),
      ]);
      expect(outputs[1].lot!.dispatches).toEqual([]);
    }
  });

  it('answers 404 for an unknown lot, 422 for an unknown direction, 403 without the permission', async () => {
    const a = await p.article();
    const number = `L-${f.suffix()}`;
    await p.wh.receive(a.label.id, a.rack.id, 1, { lotNumber: number });
    const lot = await lotOf(a.label.id, number);
    expect((await trace('00000000-0000-4000-8000-000000000000', 'backward')).status).toBe(404);
    expect((await p.call('qc', 'GET', `/quality/trace/${lot.id}?direction=sideways`)).status).toBe(422);
    expect((await trace(lot.id, 'backward', 'warehouse')).status).toBe(403);
    const alone = await trace(lot.id, 'forward');
    expect(alone.body).toMatchObject({ lots: 1, batches: 0, root: { kind: 'lot', children: [] } });
  });
});
