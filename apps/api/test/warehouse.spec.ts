import { checkLedger } from '../src/modules/warehouse/stock/ledger-check.js';
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
afterEach(async () => {
  expect(await checkLedger(t.app.get((await import('typeorm')).DataSource))).toEqual([]);
});
afterAll(() => t.close());

describe('products', () => {
  it('creates (201), reads, lists with search and type filter, and refuses a duplicate code (409)', async () => {
    const p = await f.product({
      code: 'FAB-VEL-WHT',
      name: 'Velboa white',
      uom: 'METER',
      unitConversions: [{ uom: 'ROLL', factor: 45.72 }],
    });
    expect(p).toMatchObject({
      code: 'FAB-VEL-WHT',
      uom: 'METER',
      unitConversions: [{ uom: 'ROLL', factor: 45.72 }],
      active: true,
      version: 1,
    });
    expect((await f.call('GET', `/warehouse/products/${p.id}`)).body.name).toBe('Velboa white');
    const found = await f.ok('GET', '/warehouse/products?search=velboa%20white&type=RAW_MATERIAL');
    expect(found.items.map((x: { code: string }) => x.code)).toContain('FAB-VEL-WHT');
    expect((await f.ok('GET', '/warehouse/products?code=FAB-VEL-WHT')).total).toBe(1);
    const dup = await f.call('POST', '/warehouse/products', {
      code: 'FAB-VEL-WHT',
      name: 'x',
      type: 'RAW_MATERIAL',
      uom: 'PCS',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('DUPLICATE_CODE');
  });

  it('answers 422 for an unknown enum, a missing field, a bad conversion; 404 for an unknown id', async () => {
    expect(
      (await f.call('POST', '/warehouse/products', { code: 'X1', name: 'x', type: 'TOY', uom: 'PCS' }))
        .status,
    ).toBe(422);
    expect(
      (await f.call('POST', '/warehouse/products', { code: 'X1', type: 'ACCESSORY', uom: 'PCS' })).status,
    ).toBe(422);
    expect(
      (
        await f.call('POST', '/warehouse/products', {
          code: 'X1',
          name: 'x',
          type: 'ACCESSORY',
          uom: 'PCS',
          unitConversions: [{ uom: 'CARTON', factor: 0 }],
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await f.call('POST', '/warehouse/products', {
          code: 'X1',
          name: 'x',
          type: 'ACCESSORY',
          uom: 'PCS',
          unitConversions: [{ uom: 'PCS', factor: 2 }],
        })
      ).status,
    ).toBe(422);
    expect((await f.call('GET', '/warehouse/products/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
    expect((await f.call('GET', '/warehouse/products?type=TOY')).status).toBe(422);
  });

  it('updates with a version (409 when stale) and refuses a new stock unit once stock moved', async () => {
    const p = await f.product();
    const updated = await f.call('PUT', `/warehouse/products/${p.id}`, {
      code: p.code,
      name: 'Renamed',
      type: 'ACCESSORY',
      uom: 'PCS',
      version: 1,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Renamed', type: 'ACCESSORY', version: 2 });
    const stale = await f.call('PUT', `/warehouse/products/${p.id}`, {
      code: p.code,
      name: 'Lost',
      type: 'ACCESSORY',
      uom: 'PCS',
      version: 1,
    });
    expect(stale.body.code).toBe('STALE_VERSION');
    const rack = await f.rack();
    await f.receive(p.id, rack.id, 5);
    const unit = await f.call('PUT', `/warehouse/products/${p.id}`, {
      code: p.code,
      name: 'Renamed',
      type: 'ACCESSORY',
      uom: 'KG',
    });
    expect(unit.status).toBe(409);
    expect(unit.body.code).toBe('PRODUCT_HAS_STOCK');
  });
});

describe('locations and lots', () => {
  it('creates racks and lines, keeps the department rules and one line per department', async () => {
    const rack = await f.rack({ code: 'WH-TEST-Z9' });
    expect(rack).toMatchObject({ type: 'WAREHOUSE', department: null, internal: true });
    expect(
      (await f.call('POST', '/warehouse/locations', { code: 'WH-TEST-Z9', name: 'dup', type: 'WAREHOUSE' }))
        .status,
    ).toBe(409);
    expect(
      (await f.call('POST', '/warehouse/locations', { code: 'LINE-X', name: 'Line', type: 'LINE' })).status,
    ).toBe(422);
    expect(
      (
        await f.call('POST', '/warehouse/locations', {
          code: 'RACK-X',
          name: 'Rack',
          type: 'WAREHOUSE',
          department: 'SEWING',
        })
      ).status,
    ).toBe(422);
    const secondLine = await f.call('POST', '/warehouse/locations', {
      code: 'LINE-SEWING-2',
      name: 'Another',
      type: 'LINE',
      department: 'SEWING',
    });
    expect(secondLine.status).toBe(409);
    const lines = await f.ok('GET', '/warehouse/locations?type=LINE&department=SEWING');
    expect(lines.items).toHaveLength(1);
    expect(
      (await f.call('POST', '/warehouse/locations', { code: 'SUPPLIER-2', name: 'x', type: 'SUPPLIER' }))
        .status,
    ).toBe(409);
  });

  it('renames and deactivates a rack (audited); virtual locations stay active; 404 for an unknown one', async () => {
    const rack = await f.rack();
    const res = await f.call('PUT', `/warehouse/locations/${rack.id}`, {
      name: 'Rak Z9 — returns',
      active: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: rack.id, code: rack.code, name: 'Rak Z9 — returns', active: false });
    expect((await f.call('PUT', `/warehouse/locations/${rack.id}`, { code: 'NEW' })).status).toBe(422);
    const supplier = await f.location('SUPPLIER');
    expect((await f.call('PUT', `/warehouse/locations/${supplier.id}`, { active: false })).body.code).toBe(
      'VIRTUAL_LOCATION',
    );
    expect(
      (await f.call('PUT', '/warehouse/locations/00000000-0000-4000-8000-000000000000', { name: 'x' }))
        .status,
    ).toBe(404);
    const operator = await t.as('wh_operator');
    expect(
      (
        await raw(t.baseUrl, `/api/v1/warehouse/locations/${rack.id}`, {
          method: 'PUT',
          token: operator.accessToken,
          body: '{}',
        })
      ).status,
    ).toBe(403);
  });

  it('creates lots, refuses a duplicate number for the product, lists them with stock', async () => {
    const p = await f.product();
    const lot = await f.ok('POST', '/warehouse/lots', {
      productId: p.id,
      lotNumber: 'ROLL-001',
      receivedAt: '2026-10-01T00:00:00.000Z',
    });
    expect(lot).toMatchObject({ lotNumber: 'ROLL-001', receivedAt: '2026-10-01T00:00:00.000Z', onHand: 0 });
    expect((await f.call('POST', '/warehouse/lots', { productId: p.id, lotNumber: 'ROLL-001' })).status).toBe(
      409,
    );
    expect(
      (
        await f.call('POST', '/warehouse/lots', {
          productId: '00000000-0000-4000-8000-000000000000',
          lotNumber: 'R',
        })
      ).status,
    ).toBe(404);
    const rack = await f.rack();
    await f.receive(p.id, rack.id, 7, { lotNumber: 'ROLL-001' });
    const lots = await f.ok('GET', `/warehouse/lots?productId=${p.id}&inStock=true`);
    expect(lots.items.map((l: { lotNumber: string; onHand: number }) => [l.lotNumber, l.onHand])).toEqual([
      ['ROLL-001', 7],
    ]);
  });
});

describe('receipts, issues, transfers, adjustments', () => {
  it('receives yards of fabric into metres (stock unit) and cartons into pieces', async () => {
    const fabric = await f.product({ uom: 'METER' });
    const rack = await f.rack();
    const res = await f.call('POST', '/warehouse/stock/receipts', {
      productId: fabric.id,
      locationId: rack.id,
      quantity: 100,
      uom: 'YARD',
      lotNumber: 'R-1',
      reference: 'PO-2611-001',
    });
    expect(res.status).toBe(201);
    expect(res.body.moves).toHaveLength(1);
    expect(res.body.moves[0]).toMatchObject({
      quantity: 91.44,
      uom: 'METER',
      enteredQuantity: 100,
      enteredUom: 'YARD',
      type: 'RECEIPT',
      fromLocationCode: 'SUPPLIER',
      lotNumber: 'R-1',
      reference: 'PO-2611-001',
      actor: { username: 'warehouse' },
    });
    const carton = await f.product({ unitConversions: [{ uom: 'CARTON', factor: 60 }] });
    const boxes = await f.receive(carton.id, rack.id, 3, { uom: 'CARTON' });
    expect(boxes.moves[0].quantity).toBe(180);
    expect((await f.stock(carton.id)).onHand).toBe(180);
    const wrong = await f.call('POST', '/warehouse/stock/receipts', {
      productId: carton.id,
      locationId: rack.id,
      quantity: 1,
      uom: 'KG',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('UNIT_NOT_CONVERTIBLE');
  });

  it('refuses receipts into virtual locations, zero and negative quantities, unknown products', async () => {
    const p = await f.product();
    const supplier = await f.location('SUPPLIER');
    const rack = await f.rack();
    expect(
      (
        await f.call('POST', '/warehouse/stock/receipts', {
          productId: p.id,
          locationId: supplier.id,
          quantity: 1,
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await f.call('POST', '/warehouse/stock/receipts', {
          productId: p.id,
          locationId: rack.id,
          quantity: 0,
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await f.call('POST', '/warehouse/stock/receipts', {
          productId: p.id,
          locationId: rack.id,
          quantity: -3,
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await f.call('POST', '/warehouse/stock/receipts', {
          productId: p.id,
          locationId: rack.id,
          quantity: 1.23456,
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await f.call('POST', '/warehouse/stock/receipts', {
          productId: '00000000-0000-4000-8000-000000000000',
          locationId: rack.id,
          quantity: 1,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await f.call('POST', '/warehouse/stock/receipts', {
          productId: p.id,
          locationId: '00000000-0000-4000-8000-000000000000',
          quantity: 1,
        })
      ).status,
    ).toBe(404);
  });

  it('issues FIFO: the oldest received lot first, across lots, and a named lot when asked', async () => {
    const p = await f.product({ uom: 'METER' });
    const rack = await f.rack();
    await f.receive(p.id, rack.id, 10, { lotNumber: 'NEW', receivedAt: '2026-11-20T00:00:00.000Z' });
    await f.receive(p.id, rack.id, 10, { lotNumber: 'OLD', receivedAt: '2026-09-01T00:00:00.000Z' });
    await f.receive(p.id, rack.id, 10, { lotNumber: 'MID', receivedAt: '2026-10-15T00:00:00.000Z' });
    const issue = await f.ok('POST', '/warehouse/stock/issues', {
      productId: p.id,
      fromLocationId: rack.id,
      quantity: 15,
      reference: 'SPK-CUT-1',
    });
    expect(
      issue.moves.map((m: { lotNumber: string; quantity: number; toLocationCode: string }) => [
        m.lotNumber,
        m.quantity,
        m.toLocationCode,
      ]),
    ).toEqual([
      ['OLD', 10, 'PRODUCTION'],
      ['MID', 5, 'PRODUCTION'],
    ]);
    const lots = await f.ok('GET', `/warehouse/lots?productId=${p.id}`);
    const newLot = lots.items.find((l: { lotNumber: string }) => l.lotNumber === 'NEW');
    const named = await f.ok('POST', '/warehouse/stock/issues', {
      productId: p.id,
      fromLocationId: rack.id,
      quantity: 2,
      lotId: newLot.id,
    });
    expect(named.moves[0].lotNumber).toBe('NEW');
    const stock = await f.stock(p.id);
    expect(stock.balances.map((b: { lotNumber: string; onHand: number }) => [b.lotNumber, b.onHand])).toEqual(
      [
        ['MID', 5],
        ['NEW', 8],
      ],
    );
  });

  it('answers 409 INSUFFICIENT_STOCK naming what is missing, and writes nothing', async () => {
    const p = await f.product();
    const rack = await f.rack();
    await f.receive(p.id, rack.id, 4);
    const before = await f.ok('GET', `/warehouse/stock/moves?productId=${p.id}`);
    const res = await f.call('POST', '/warehouse/stock/issues', {
      productId: p.id,
      fromLocationId: rack.id,
      quantity: 6,
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INSUFFICIENT_STOCK');
    expect(res.body.details.shortages[0]).toMatchObject({
      productId: p.id,
      productCode: p.code,
      locationCode: rack.code,
      requested: 6,
      available: 4,
      missing: 2,
    });
    expect(res.body.message).toContain(p.code);
    expect((await f.ok('GET', `/warehouse/stock/moves?productId=${p.id}`)).total).toBe(before.total);
    expect((await f.stock(p.id)).onHand).toBe(4);
  });

  it('transfers carry the lot to the new location and stay inside internal locations', async () => {
    const p = await f.product();
    const rack = await f.rack();
    const line = await f.location('LINE-SEWING');
    await f.receive(p.id, rack.id, 9, { lotNumber: 'L-7' });
    const res = await f.ok('POST', '/warehouse/stock/transfers', {
      productId: p.id,
      fromLocationId: rack.id,
      toLocationId: line.id,
      quantity: 4,
    });
    expect(res.moves[0]).toMatchObject({
      type: 'TRANSFER',
      lotNumber: 'L-7',
      toLocationCode: 'LINE-SEWING',
      quantity: 4,
    });
    expect(await f.balance(p.id, line.id)).toBe(4);
    expect(await f.balance(p.id, rack.id)).toBe(5);
    const loss = await f.location('LOSS');
    expect(
      (
        await f.call('POST', '/warehouse/stock/transfers', {
          productId: p.id,
          fromLocationId: rack.id,
          toLocationId: loss.id,
          quantity: 1,
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await f.call('POST', '/warehouse/stock/transfers', {
          productId: p.id,
          fromLocationId: rack.id,
          toLocationId: rack.id,
          quantity: 1,
        })
      ).status,
    ).toBe(422);
  });

  it('adjusts to a count: a loss and a gain move to and from LOSS; a zero difference posts nothing', async () => {
    const p = await f.product({ uom: 'METER' });
    const rack = await f.rack();
    await f.receive(p.id, rack.id, 10);
    const down = await f.ok('POST', '/warehouse/stock/adjustments', {
      productId: p.id,
      locationId: rack.id,
      countedQuantity: 7.5,
      reason: 'Cycle count A1',
    });
    expect(down.moves[0]).toMatchObject({
      type: 'ADJUSTMENT',
      quantity: 2.5,
      toLocationCode: 'LOSS',
      note: 'Cycle count A1',
    });
    const up = await f.ok('POST', '/warehouse/stock/adjustments', {
      productId: p.id,
      locationId: rack.id,
      countedQuantity: 8,
      reason: 'Found a box',
    });
    expect(up.moves[0]).toMatchObject({ quantity: 0.5, fromLocationCode: 'LOSS' });
    expect(
      (
        await f.ok('POST', '/warehouse/stock/adjustments', {
          productId: p.id,
          locationId: rack.id,
          countedQuantity: 8,
          reason: 'Recount',
        })
      ).moves,
    ).toEqual([]);
    expect(
      (
        await f.call('POST', '/warehouse/stock/adjustments', {
          productId: p.id,
          locationId: rack.id,
          countedQuantity: 8,
        })
      ).status,
    ).toBe(422);
    expect((await f.stock(p.id)).onHand).toBe(8);
  });

  it('filters the ledger by product, location, type, reference and time', async () => {
    const p = await f.product();
    const rack = await f.rack();
    await f.receive(p.id, rack.id, 3, { reference: 'PO-A' });
    await f.ok('POST', '/warehouse/stock/issues', {
      productId: p.id,
      fromLocationId: rack.id,
      quantity: 1,
      reference: 'SPK-B',
    });
    const all = await f.ok('GET', `/warehouse/stock/moves?productId=${p.id}`);
    expect(all.items.map((m: { type: string }) => m.type)).toEqual(['ISSUE', 'RECEIPT']);
    expect((await f.ok('GET', `/warehouse/stock/moves?productId=${p.id}&type=RECEIPT`)).total).toBe(1);
    expect((await f.ok('GET', '/warehouse/stock/moves?reference=SPK-B')).items[0].productId).toBe(p.id);
    expect((await f.ok('GET', `/warehouse/stock/moves?locationId=${rack.id}`)).total).toBe(2);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await f.ok('GET', `/warehouse/stock/moves?productId=${p.id}&from=${future}`)).total).toBe(0);
  });

  it('sums a product over internal locations with balances per location and lot', async () => {
    const p = await f.product();
    const [a, b] = [await f.rack(), await f.rack()];
    await f.receive(p.id, a.id, 5, { lotNumber: 'X1' });
    await f.receive(p.id, b.id, 7);
    const stock = await f.stock(p.id);
    expect(stock).toMatchObject({ productId: p.id, onHand: 12, reserved: 0, available: 12 });
    expect(stock.balances).toHaveLength(2);
    expect((await f.call('GET', '/warehouse/stock/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const summary = await f.ok('GET', `/warehouse/stock/summary?search=${p.code}`);
    expect(summary.items[0]).toMatchObject({ code: p.code, onHand: 12, available: 12, alertLevel: null });
  });

  it("a product's stock shows at once a receipt, an issue, a renamed product and rack, and a blocked lot (its read cache drops on those events)", async () => {
    const p = await f.product({ name: 'Zipper 20 cm' });
    const rack = await f.rack({ name: 'Rak A1' });
    expect(await f.stock(p.id)).toMatchObject({ onHand: 0, balances: [] });
    await f.receive(p.id, rack.id, 10, { lotNumber: 'Z-1' });
    const received = await f.stock(p.id);
    expect(received).toMatchObject({ onHand: 10, available: 10, onHold: 0 });
    expect(received.balances[0]).toMatchObject({ locationName: 'Rak A1', lotNumber: 'Z-1' });
    await f.ok('POST', '/warehouse/stock/issues', {
      productId: p.id,
      fromLocationId: rack.id,
      quantity: 4,
      reference: 'SPK-1',
    });
    expect((await f.stock(p.id)).onHand).toBe(6);
    await f.ok('PUT', `/warehouse/products/${p.id}`, {
      code: p.code,
      name: 'Zipper 22 cm',
      type: p.type,
      uom: p.uom,
      version: p.version,
    });
    expect((await f.stock(p.id)).name).toBe('Zipper 22 cm');
    await f.ok('PUT', `/warehouse/locations/${rack.id}`, { name: 'Rak A2' });
    expect((await f.stock(p.id)).balances[0].locationName).toBe('Rak A2');
    const qc = await t.as('qc_manager');
    const blocked = await raw(t.baseUrl, `/api/v1/quality/lots/${received.balances[0].lotId}/block`, {
      method: 'POST',
      token: qc.accessToken,
      body: JSON.stringify({ reason: 'Teeth misaligned' }),
    });
    expect(blocked.status).toBe(200);
    expect(await f.stock(p.id)).toMatchObject({ onHand: 6, onHold: 6 });
  });

  it('keeps the ledger append-only in the database itself', async () => {
    await expect(t.db.query('update stock_moves set quantity = quantity + 1')).rejects.toThrow(/append-only/);
    await expect(t.db.query('delete from stock_moves')).rejects.toThrow(/append-only/);
  });

  it('audits every stock command with the request id', async () => {
    const p = await f.product();
    const rack = await f.rack();
    const res = await f.receive(p.id, rack.id, 2);
    const admin = await t.as('admin');
    const audit = await f.call('GET', `/admin/audit?entityType=stock_move&entityId=${res.moves[0].id}`);
    expect(audit.status).toBe(403); // warehouse staff cannot read the audit log
    const viaAdmin = await raw(
      t.baseUrl,
      `/api/v1/admin/audit?entityType=stock_move&entityId=${res.moves[0].id}`,
      {
        token: admin.accessToken,
      },
    );
    expect(viaAdmin.body.items[0]).toMatchObject({
      action: 'stock.receipt',
      actor: { username: 'warehouse' },
    });
  });
});
