import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PurchasingFacts } from '../src/modules/purchasing/purchasing.facts.js';
import { checkLedger } from '../src/modules/warehouse/stock/ledger-check.js';
import { ordersFixtures } from './support/orders-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let f: ReturnType<typeof ordersFixtures>;
let supplier: { id: string; code: string };
let rack: { id: string; code: string };

beforeAll(async () => {
  t = await startTestApp({ DB_POOL_SIZE: '30' });
  f = ordersFixtures(t);
  supplier = await f.partner('SUPPLIER');
  rack = await f.rack();
});
afterEach(async () => {
  expect(await checkLedger(t.app.get(DataSource))).toEqual([]);
});
afterAll(() => t.close());

/** Fabric stocked in METER, bought by the YARD (1 YARD = 0.9144 m, a ROLL = 45.72 m). */
const fabric = () => f.product({ uom: 'METER', unitConversions: [{ uom: 'ROLL', factor: 45.72 }] });

const draft = async (lines: Array<Record<string, unknown>>, user = 'purchasing') =>
  f.ok(user, 'POST', '/purchasing/orders', { supplierId: supplier.id, lines });

/** A DRAFT by `purchasing`, approved by `purchasing_mgr`. */
async function approved(lines: Array<Record<string, unknown>>) {
  const po = await draft(lines);
  return f.ok('purchasing_mgr', 'POST', `/purchasing/orders/${po.id}/approve`, {});
}

const receive = (poId: string, lines: Array<Record<string, unknown>>, user = 'wh_operator', key?: string) =>
  f.call(
    user,
    'POST',
    `/purchasing/orders/${poId}/receipts`,
    { lines },
    key ? { 'idempotency-key': key } : {},
  );

const onHand = async (productId: string) => {
  const { rows } = await t.db.query(
    'select coalesce(sum(on_hand), 0)::text as q from stock_balances where product_id = $1',
    [productId],
  );
  return Number(rows[0].q);
};

describe('purchase orders', () => {
  it('creates a DRAFT with a PO number, edits it with its version, and refuses what cannot be bought', async () => {
    const cloth = await fabric();
    const res = await f.call('purchasing', 'POST', '/purchasing/orders', {
      supplierId: supplier.id,
      notes: 'Week 50 cutting',
      lines: [
        { productId: cloth.id, quantity: 500, uom: 'YARD', unitPrice: 32500, expectedDate: '2026-12-18' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.number).toMatch(/^PO-\d{8}-\d{4}$/);
    expect(res.body).toMatchObject({
      state: 'DRAFT',
      supplier: { id: supplier.id },
      totalValue: 16_250_000,
      createdBy: { username: 'purchasing' },
      actions: ['cancel'],
      editable: true,
      receipts: [],
    });
    expect(res.body.lines[0]).toMatchObject({
      lineNo: 1,
      quantity: 500,
      uom: 'YARD',
      stockUom: 'METER',
      expectedDate: '2026-12-18',
      receivedQuantity: 0,
      openQuantity: 500,
      receivableQuantity: 525,
    });
    const put = await f.call('purchasing', 'PUT', `/purchasing/orders/${res.body.id}`, {
      supplierId: supplier.id,
      lines: [
        { productId: cloth.id, quantity: 10, uom: 'ROLL', expectedDate: '2026-12-21' },
        { productId: cloth.id, quantity: 100, uom: 'METER', expectedDate: '2026-12-28' },
      ],
      version: 1,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ version: 2, lineCount: 2, totalValue: null });
    expect(
      (
        await f.call('purchasing', 'PUT', `/purchasing/orders/${res.body.id}`, {
          supplierId: supplier.id,
          lines: [{ productId: cloth.id, quantity: 1, uom: 'ROLL', expectedDate: '2026-12-21' }],
          version: 1,
        })
      ).body.code,
    ).toBe('STALE_VERSION');

    const customer = await f.partner('CUSTOMER');
    const line = { productId: cloth.id, quantity: 1, uom: 'YARD', expectedDate: '2026-12-18' };
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ supplierId: customer.id, lines: [line] }, 'supplierId'],
      [{ supplierId: supplier.id, lines: [{ ...line, uom: 'KG' }] }, 'lines.0.uom'],
      [{ supplierId: supplier.id, lines: [{ ...line, quantity: 0 }] }, 'lines.0.quantity'],
      [{ supplierId: supplier.id, lines: [{ ...line, expectedDate: '2026-02-30' }] }, 'lines.0.expectedDate'],
      [{ supplierId: supplier.id, lines: [] }, 'lines'],
    ];
    for (const [body, field] of bad) {
      const r = await f.call('purchasing', 'POST', '/purchasing/orders', body);
      expect({ field, status: r.status }).toEqual({ field, status: 422 });
      expect(JSON.stringify(r.body.details)).toContain(field);
    }
    expect(
      (await f.call('purchasing', 'POST', '/purchasing/orders', { supplierId: randomUUID(), lines: [line] }))
        .status,
    ).toBe(404);
  });

  it('is approved by another purchasing manager, never by its creator (403 SELF_APPROVAL)', async () => {
    const cloth = await fabric();
    const line = { productId: cloth.id, quantity: 50, uom: 'YARD', expectedDate: '2026-12-18' };
    const own = await draft([line], 'purchasing_mgr');
    expect(own.actions).toEqual(['cancel']); // the creator is not offered approve
    const self = await f.call('purchasing_mgr', 'POST', `/purchasing/orders/${own.id}/approve`, {});
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('SELF_APPROVAL');
    expect((await f.call('admin', 'POST', `/purchasing/orders/${own.id}/approve`, {})).status).toBe(200);

    const po = await draft([line]);
    expect((await f.ok('purchasing_mgr', 'GET', `/purchasing/orders/${po.id}`)).actions).toEqual([
      'approve',
      'cancel',
    ]);
    const forbidden = await f.call('purchasing', 'POST', `/purchasing/orders/${po.id}/approve`, {});
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    const ok = await f.call('purchasing_mgr', 'POST', `/purchasing/orders/${po.id}/approve`, {});
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      state: 'APPROVED',
      approvedBy: { username: 'purchasing_mgr' },
      editable: false,
    });
    const twice = await f.call('purchasing_mgr', 'POST', `/purchasing/orders/${po.id}/approve`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('INVALID_STATE');
    const edit = await f.call('purchasing', 'PUT', `/purchasing/orders/${po.id}`, {
      supplierId: supplier.id,
      lines: [line],
      version: ok.body.version,
    });
    expect(edit.body).toMatchObject({ code: 'INVALID_STATE', details: { currentState: 'APPROVED' } });
    expect((await f.call('purchasing', 'POST', `/purchasing/orders/${po.id}/close`, {})).status).toBe(409);

    const open = await t.app.get(PurchasingFacts).openLines(t.app.get(DataSource).manager);
    expect(open.filter((l) => l.purchaseOrderId === po.id)).toEqual([
      expect.objectContaining({
        productId: cloth.id,
        quantity: '50.0000',
        uom: 'YARD',
        expectedDate: '2026-12-18',
        supplierId: supplier.id,
      }),
    ]);
    const cancelled = await f.ok('purchasing', 'POST', `/purchasing/orders/${po.id}/cancel`, {});
    expect(cancelled.state).toBe('CANCELLED');
    expect(
      (await t.app.get(PurchasingFacts).openLines(t.app.get(DataSource).manager)).some(
        (l) => l.purchaseOrderId === po.id,
      ),
    ).toBe(false);

    const audit = await t.db.query('select action from audit_log where entity_id = $1 order by at', [po.id]);
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual([
      'purchase_order.created',
      'purchase_order.approved',
      'purchase_order.cancelled',
    ]);
  });

  it('keeps purchasing to its roles', async () => {
    expect((await f.call('merchandiser', 'GET', '/purchasing/orders')).status).toBe(403);
    expect((await f.call('wh_operator', 'GET', '/purchasing/orders')).status).toBe(403);
    expect((await f.call('viewer', 'GET', '/purchasing/orders')).status).toBe(200);
    expect(
      (await f.call('viewer', 'POST', '/purchasing/orders', { supplierId: supplier.id, lines: [] })).status,
    ).toBe(403);
  });
});

describe('receipts (GRN)', () => {
  it('receives part of a line in another unit: a lot with supplier and PO line, stock in the stock unit, PARTIALLY_RECEIVED then RECEIVED', async () => {
    const cloth = await fabric();
    const po = await approved([
      { productId: cloth.id, quantity: 100, uom: 'YARD', expectedDate: '2026-12-18' },
      { productId: cloth.id, quantity: 2, uom: 'ROLL', expectedDate: '2026-12-18' },
    ]);
    const [yards, rolls] = po.lines;
    const first = await receive(po.id, [{ lineId: yards.id, quantity: 1, uom: 'ROLL', locationId: rack.id }]);
    expect(first.status).toBe(201);
    expect(first.body.number).toMatch(/^GRN-\d{8}-\d{4}$/);
    expect(first.body).toMatchObject({
      purchaseOrderNumber: po.number,
      purchaseOrderState: 'PARTIALLY_RECEIVED',
      receivedBy: { username: 'wh_operator' },
    });
    // 1 ROLL = 45.72 m = 50 YARD
    expect(first.body.lines).toMatchObject([
      {
        lineNo: 1,
        quantity: 1,
        uom: 'ROLL',
        lineQuantity: 50,
        stockQuantity: 45.72,
        stockUom: 'METER',
        lotNumber: `${po.number}-1`,
        locationId: rack.id,
      },
    ]);
    const { rows: lots } = await t.db.query(
      'select supplier_id, purchase_order_line_id, supplier_reference from lots where id = $1',
      [first.body.lines[0].lotId],
    );
    expect(lots).toEqual([
      { supplier_id: supplier.id, purchase_order_line_id: yards.id, supplier_reference: first.body.number },
    ]);
    const { rows: moves } = await t.db.query(
      `select m.type, m.quantity::text, m.entered_quantity::text, m.entered_uom, m.reference, m.document_type, m.document_id, f.type as from_type
         from stock_moves m join locations f on f.id = m.from_location_id where m.id = $1`,
      [first.body.lines[0].stockMoveId],
    );
    expect(moves[0]).toMatchObject({
      type: 'RECEIPT',
      quantity: '45.7200',
      entered_uom: 'ROLL',
      reference: first.body.number,
      document_type: 'goods_receipt',
      document_id: first.body.id,
      from_type: 'SUPPLIER',
    });
    expect(await onHand(cloth.id)).toBe(45.72);

    const partly = await f.ok('purchasing', 'GET', `/purchasing/orders/${po.id}`);
    expect(partly.state).toBe('PARTIALLY_RECEIVED');
    expect(partly.lines[0]).toMatchObject({
      receivedQuantity: 50,
      openQuantity: 50,
      receivableQuantity: 52.5,
    });
    expect(partly.receipts).toHaveLength(1);
    expect(partly.actions).toEqual(['close']);
    expect((await f.call('purchasing', 'POST', `/purchasing/orders/${po.id}/cancel`, {})).status).toBe(409);

    // the rest: the same default lot of line 1 grows, line 2 arrives as two rolls with their own lots
    const second = await receive(po.id, [
      { lineId: yards.id, quantity: 50, locationId: rack.id },
      { lineId: rolls.id, quantity: 1, lotNumber: `ROLL-A-${f.suffix()}`, locationId: rack.id },
      { lineId: rolls.id, quantity: 1, lotNumber: `ROLL-B-${f.suffix()}`, locationId: rack.id },
    ]);
    expect(second.status).toBe(201);
    expect(second.body.purchaseOrderState).toBe('RECEIVED');
    expect(second.body.lines[0].lotId).toBe(first.body.lines[0].lotId);
    expect(new Set(second.body.lines.map((l: { lotId: string }) => l.lotId)).size).toBe(3);
    expect(await onHand(cloth.id)).toBeCloseTo(45.72 * 4, 4);
    const done = await f.ok('purchasing', 'GET', `/purchasing/orders/${po.id}`);
    expect(done).toMatchObject({ state: 'RECEIVED', actions: ['close'] });
    expect(done.receipts.map((r: { number: string }) => r.number)).toEqual([
      first.body.number,
      second.body.number,
    ]);
    expect((await f.call('purchasing', 'POST', `/purchasing/orders/${po.id}/close`, {})).body.state).toBe(
      'CLOSED',
    );
    expect((await receive(po.id, [{ lineId: yards.id, quantity: 1, locationId: rack.id }])).body.code).toBe(
      'INVALID_STATE',
    );

    const audit = await t.db.query('select action from audit_log where entity_id = $1 order by at', [po.id]);
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual([
      'purchase_order.created',
      'purchase_order.approved',
      'purchase_order.partially_received',
      'purchase_order.received',
      'purchase_order.closed',
    ]);
  });

  it('refuses more than 5 % above the open quantity (409 OVER_RECEIPT), counting every entry of the line', async () => {
    const thread = await f.product({ uom: 'METER' });
    const po = await approved([
      { productId: thread.id, quantity: 100, uom: 'METER', expectedDate: '2026-12-18' },
    ]);
    const line = po.lines[0];
    const over = await receive(po.id, [{ lineId: line.id, quantity: 105.5, locationId: rack.id }]);
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({
      code: 'OVER_RECEIPT',
      details: {
        lineId: line.id,
        lineNo: 1,
        openQuantity: 100,
        uom: 'METER',
        maxReceivable: '105.0000',
        attempted: '105.5000',
      },
    });
    const split = await receive(po.id, [
      { lineId: line.id, quantity: 60, lotNumber: `A-${f.suffix()}`, locationId: rack.id },
      { lineId: line.id, quantity: 46, lotNumber: `B-${f.suffix()}`, locationId: rack.id },
    ]);
    expect(split.body.code).toBe('OVER_RECEIPT');
    expect(await onHand(thread.id)).toBe(0);
    const exact = await receive(po.id, [{ lineId: line.id, quantity: 105, locationId: rack.id }]);
    expect(exact.status).toBe(201);
    expect(exact.body.purchaseOrderState).toBe('RECEIVED');
  });

  it('refuses lines of another order, locations that are not racks, units that do not convert, taken lot numbers and a draft', async () => {
    const thread = await f.product({ uom: 'METER' });
    const po = await approved([
      { productId: thread.id, quantity: 10, uom: 'METER', expectedDate: '2026-12-18' },
    ]);
    const other = await approved([
      { productId: thread.id, quantity: 10, uom: 'METER', expectedDate: '2026-12-18' },
    ]);
    const lineId = po.lines[0].id;
    const line = await receive(po.id, [{ lineId: other.lines[0].id, quantity: 1, locationId: rack.id }]);
    expect(line.status).toBe(422);
    expect(JSON.stringify(line.body.details)).toContain('lines.0.lineId');
    const packing = (await f.ok('admin', 'GET', '/warehouse/locations?search=LINE-PACKING')).items[0];
    const notRack = await receive(po.id, [{ lineId, quantity: 1, locationId: packing.id }]);
    expect(notRack.status).toBe(422);
    expect(JSON.stringify(notRack.body.details)).toContain('lines.0.locationId');
    const unit = await receive(po.id, [{ lineId, quantity: 1, uom: 'KG', locationId: rack.id }]);
    expect(unit.status).toBe(422);
    expect(unit.body.code).toBe('UNIT_NOT_CONVERTIBLE');
    const fraction = await receive(po.id, [{ lineId, quantity: 0.00001, locationId: rack.id }]);
    expect(fraction.status).toBe(422);

    const taken = `TAKEN-${f.suffix()}`;
    await f.ok('admin', 'POST', '/warehouse/stock/receipts', {
      productId: thread.id,
      locationId: rack.id,
      quantity: 1,
      lotNumber: taken,
    });
    const lot = await receive(po.id, [{ lineId, quantity: 1, lotNumber: taken, locationId: rack.id }]);
    expect(lot.status).toBe(409);
    expect(lot.body).toMatchObject({ code: 'LOT_NUMBER_TAKEN', details: { lotNumber: taken } });

    const draftPo = await draft([
      { productId: thread.id, quantity: 10, uom: 'METER', expectedDate: '2026-12-18' },
    ]);
    const early = await receive(draftPo.id, [
      { lineId: draftPo.lines[0].id, quantity: 1, locationId: rack.id },
    ]);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'INVALID_STATE', details: { currentState: 'DRAFT' } });
    expect((await receive(randomUUID(), [{ lineId, quantity: 1, locationId: rack.id }])).status).toBe(404);
    expect(await onHand(thread.id)).toBe(1);
    // receiving needs warehouse.create
    expect((await receive(po.id, [{ lineId, quantity: 1, locationId: rack.id }], 'purchasing')).status).toBe(
      403,
    );
  });

  it('replays a receipt sent twice with the same Idempotency-Key instead of receiving twice', async () => {
    const filling = await f.product({ uom: 'KG', unitConversions: [{ uom: 'PACK', factor: 20 }] });
    const po = await approved([
      { productId: filling.id, quantity: 10, uom: 'PACK', expectedDate: '2026-12-18' },
    ]);
    const key = randomUUID();
    const body = [{ lineId: po.lines[0].id, quantity: 100, uom: 'KG', locationId: rack.id }];
    const first = await receive(po.id, body, 'wh_operator', key);
    const replay = await receive(po.id, body, 'wh_operator', key);
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(first.body.lines[0]).toMatchObject({
      quantity: 100,
      uom: 'KG',
      lineQuantity: 5,
      stockQuantity: 100,
    });
    expect(await onHand(filling.id)).toBe(100);
    expect((await f.ok('purchasing', 'GET', `/purchasing/orders/${po.id}`)).lines[0].receivedQuantity).toBe(
      5,
    );
    const reused = await receive(po.id, [{ ...body[0], quantity: 20 }], 'wh_operator', key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('never over-receives a line under concurrent receipts', async () => {
    const eyes = await f.product({ type: 'ACCESSORY', uom: 'PCS' });
    const po = await approved([
      { productId: eyes.id, quantity: 100, uom: 'PCS', expectedDate: '2026-12-18' },
    ]);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        receive(po.id, [
          { lineId: po.lines[0].id, quantity: 40, lotNumber: `C${i}-${f.suffix()}`, locationId: rack.id },
        ]),
      ),
    );
    // 40 of 100 open, then 40 of 60 (63 allowed), then 40 of 20 (21 allowed) is refused
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'OVER_RECEIPT')).toBe(true);
    const after = await f.ok('purchasing', 'GET', `/purchasing/orders/${po.id}`);
    expect(after.lines[0].receivedQuantity).toBe(80);
    expect(after.state).toBe('PARTIALLY_RECEIVED');
    expect(await onHand(eyes.id)).toBe(80);
  });

  it('lists the receivable lines for the receive screen by scan code, PO number, product or supplier', async () => {
    const mill = await f.partner('SUPPLIER', { name: `Mill ${f.suffix()}` });
    const cloth = await fabric();
    const po = await f.ok('purchasing', 'POST', '/purchasing/orders', {
      supplierId: mill.id,
      lines: [
        { productId: cloth.id, quantity: 100, uom: 'YARD', expectedDate: '2026-12-18' },
        { productId: cloth.id, quantity: 5, uom: 'ROLL', expectedDate: '2026-12-21' },
      ],
    });
    const list = (query: string) => f.ok('wh_operator', 'GET', `/purchasing/receivable-lines?${query}`);
    expect((await list(`search=${po.number}`)).total).toBe(0); // a draft is not receivable
    await f.ok('purchasing_mgr', 'POST', `/purchasing/orders/${po.id}/approve`, {});
    const byNumber = await list(`search=${po.number}`);
    expect(byNumber.items.map((l: { reference: string }) => l.reference)).toEqual([
      `${po.number}-1`,
      `${po.number}-2`,
    ]);
    expect(byNumber.items[0]).toMatchObject({
      purchaseOrderId: po.id,
      supplier: { id: mill.id },
      productCode: cloth.code,
      openQuantity: 100,
      uom: 'YARD',
      stockUom: 'METER',
    });
    const scanned = await list(`search=${po.number}-2`);
    expect(scanned.items.map((l: { lineNo: number }) => l.lineNo)).toEqual([2]);
    expect((await list(`search=${cloth.code}`)).items).toHaveLength(2);
    expect((await list(`search=${encodeURIComponent(mill.name)}`)).items).toHaveLength(2);
    expect((await list(`productId=${cloth.id}`)).items).toHaveLength(2);
    await receive(po.id, [{ lineId: po.lines[1].id, quantity: 5, locationId: rack.id }]);
    expect((await list(`search=${po.number}`)).items.map((l: { lineNo: number }) => l.lineNo)).toEqual([1]);
    expect((await f.call('merchandiser', 'GET', '/purchasing/receivable-lines')).status).toBe(200);
    expect((await f.call('purchasing', 'GET', '/purchasing/receivable-lines')).status).toBe(200);
  });
});
