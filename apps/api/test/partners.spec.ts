import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PartnersFacts } from '../src/modules/partners/partners.facts.js';
import { ordersFixtures } from './support/orders-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let f: ReturnType<typeof ordersFixtures>;

beforeAll(async () => {
  t = await startTestApp();
  f = ordersFixtures(t);
});
afterAll(() => t.close());

describe('partners', () => {
  it('creates, lists by type and search, reads and updates a partner with an optimistic version', async () => {
    const code = `CUST-${f.suffix()}`;
    const created = await f.call('merchandiser', 'POST', '/partners', {
      code,
      name: 'Toy Buyer GmbH',
      type: 'CUSTOMER',
      transitDays: 21,
      email: 'buying@toybuyer.example',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code,
      type: 'CUSTOMER',
      transitDays: 21,
      leadTimeDays: 14,
      active: true,
      version: 1,
    });
    const id = created.body.id;

    const customers = await f.ok('merchandiser', 'GET', `/partners?type=CUSTOMER&search=${code}`);
    expect(customers.items.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await f.ok('merchandiser', 'GET', `/partners?type=SUPPLIER&search=${code}`)).total).toBe(0);
    expect((await f.ok('viewer', 'GET', `/partners/${id}`)).name).toBe('Toy Buyer GmbH');

    const put = await f.call('merchandiser', 'PUT', `/partners/${id}`, {
      name: 'Toy Buyer AG',
      type: 'CUSTOMER',
      transitDays: 28,
      version: 1,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: 'Toy Buyer AG', transitDays: 28, version: 2 });
    const stale = await f.call('merchandiser', 'PUT', `/partners/${id}`, {
      name: 'Late edit',
      type: 'CUSTOMER',
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });

    const audit = await t.db.query(
      `select action from audit_log where entity_type = 'partner' and entity_id = $1 order by at`,
      [id],
    );
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual([
      'partner.created',
      'partner.updated',
    ]);
  });

  it('refuses a duplicate code (any case), bad fields, unknown ids and roles without the permission', async () => {
    const code = `DUP-${f.suffix()}`;
    await f.partner('SUPPLIER', { code });
    const dup = await f.call('admin', 'POST', '/partners', {
      code: code.toLowerCase(),
      name: 'Again',
      type: 'SUPPLIER',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('DUPLICATE_CODE');
    for (const bad of [
      { code: 'X1', name: 'Bad email', type: 'SUPPLIER', email: 'not-an-email' },
      { code: 'X2', name: 'Bad type', type: 'BROKER' },
      { code: 'X3', name: 'Negative transit', type: 'CUSTOMER', transitDays: -1 },
      { code: 'X 4', name: 'Space in code', type: 'CUSTOMER' },
    ]) {
      const res = await f.call('admin', 'POST', '/partners', bad);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await f.call('admin', 'GET', `/partners/${randomUUID()}`)).status).toBe(404);
    expect(
      (await f.call('viewer', 'POST', '/partners', { code: 'V1', name: 'x', type: 'CUSTOMER' })).status,
    ).toBe(403);
    expect((await f.call('wh_operator', 'GET', '/partners')).status).toBe(403);
    // purchasing_admin keeps its suppliers up to date
    expect(
      (
        await f.call('purchasing', 'POST', '/partners', {
          code: `PA-${f.suffix()}`,
          name: 'Mill',
          type: 'SUPPLIER',
        })
      ).status,
    ).toBe(201);
  });
});

describe('supplier items', () => {
  it('buys fabric stocked in METER by the YARD in rolls of 50, with one preferred supplier per product', async () => {
    const fabric = await f.product({ uom: 'METER', unitConversions: [{ uom: 'ROLL', factor: 45.72 }] });
    const mill = await f.partner('SUPPLIER', { leadTimeDays: 21 });
    const other = await f.partner('SUPPLIER');
    const first = await f.call('purchasing', 'POST', '/purchasing/supplier-items', {
      supplierId: mill.id,
      productId: fabric.id,
      uom: 'YARD',
      packSize: 50,
      minimumQuantity: 100,
      preferred: true,
      supplierCode: 'VB-7MM',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      supplier: { id: mill.id },
      product: { id: fabric.id, uom: 'METER' },
      uom: 'YARD',
      packSize: 50,
      minimumQuantity: 100,
      leadTimeDays: null,
      effectiveLeadTimeDays: 21,
      preferred: true,
    });
    const second = await f.ok('purchasing', 'POST', '/purchasing/supplier-items', {
      supplierId: other.id,
      productId: fabric.id,
      uom: 'ROLL',
      leadTimeDays: 7,
      preferred: true,
    });
    expect(second).toMatchObject({ uom: 'ROLL', effectiveLeadTimeDays: 7, preferred: true });
    const items = await f.ok('purchasing', 'GET', `/purchasing/supplier-items?productId=${fabric.id}`);
    expect(items.items.map((i: { id: string; preferred: boolean }) => [i.id, i.preferred])).toEqual([
      [second.id, true],
      [first.body.id, false],
    ]);
    expect((await f.ok('purchasing', 'GET', `/purchasing/supplier-items?supplierId=${mill.id}`)).total).toBe(
      1,
    );

    const facts = await t.app.get(PartnersFacts).preferredSupplierItems(t.app.get(DataSource).manager);
    expect(facts.filter((p) => p.productId === fabric.id)).toEqual([
      expect.objectContaining({ supplierId: other.id, purchaseUom: 'ROLL', leadTimeDays: 7, packSize: null }),
    ]);

    // Making another item preferred changed this one: its version moved on.
    const current = items.items.find((i: { id: string }) => i.id === first.body.id);
    expect(current.version).toBe(first.body.version + 1);
    const updated = await f.call('purchasing', 'PUT', `/purchasing/supplier-items/${first.body.id}`, {
      uom: 'YARD',
      packSize: 50,
      preferred: true,
      version: current.version,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ preferred: true, minimumQuantity: null });
    const after = await f.ok('purchasing', 'GET', `/purchasing/supplier-items?productId=${fabric.id}`);
    expect(after.items.filter((i: { preferred: boolean }) => i.preferred)).toHaveLength(1);
    const stale = await f.call('purchasing', 'PUT', `/purchasing/supplier-items/${first.body.id}`, {
      uom: 'YARD',
      version: first.body.version,
    });
    expect(stale.body.code).toBe('STALE_VERSION');

    expect((await f.call('purchasing', 'DELETE', `/purchasing/supplier-items/${second.id}`)).status).toBe(
      204,
    );
    expect((await f.call('purchasing', 'DELETE', `/purchasing/supplier-items/${second.id}`)).status).toBe(
      404,
    );
  });

  it('refuses units that do not convert, non-suppliers, finished goods, duplicates and roles without purchasing', async () => {
    const cones = await f.product({ uom: 'METER' });
    const supplier = await f.partner('SUPPLIER');
    const customer = await f.partner('CUSTOMER');
    const article = await f.product({ type: 'FINISHED_GOOD' });
    const post = (user: string, body: Record<string, unknown>) =>
      f.call(user, 'POST', '/purchasing/supplier-items', body);

    const unit = await post('purchasing', { supplierId: supplier.id, productId: cones.id, uom: 'KG' });
    expect(unit.status).toBe(422);
    expect(unit.body).toMatchObject({
      code: 'UNIT_NOT_CONVERTIBLE',
      details: { uom: 'KG', stockUnit: 'METER' },
    });
    expect(
      (await post('purchasing', { supplierId: customer.id, productId: cones.id, uom: 'METER' })).status,
    ).toBe(422);
    expect(
      (await post('purchasing', { supplierId: supplier.id, productId: article.id, uom: 'PCS' })).status,
    ).toBe(422);
    expect(
      (await post('purchasing', { supplierId: supplier.id, productId: cones.id, uom: 'METER', packSize: 0 }))
        .status,
    ).toBe(422);
    expect(
      (await post('purchasing', { supplierId: randomUUID(), productId: cones.id, uom: 'METER' })).status,
    ).toBe(404);
    expect(
      (await post('purchasing', { supplierId: supplier.id, productId: cones.id, uom: 'METER' })).status,
    ).toBe(201);
    const dup = await post('purchasing', { supplierId: supplier.id, productId: cones.id, uom: 'YARD' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('DUPLICATE_SUPPLIER_ITEM');

    expect((await f.call('merchandiser', 'GET', '/purchasing/supplier-items')).status).toBe(403);
    expect(
      (await post('viewer', { supplierId: supplier.id, productId: cones.id, uom: 'METER' })).status,
    ).toBe(403);
  });
});

describe('the demo orders', () => {
  it('seeds IKEA with confirmed orders, suppliers with an item for every material but one, and open purchase orders, one partly received', async () => {
    const { rows: partners } = await t.db.query(
      `select code, type from partners where code in ('IKEA', 'SUP-MILL', 'SUP-DACRON', 'SUP-ACC', 'SUP-CARTON', 'SUB-SEWING') order by code`,
    );
    expect(partners).toHaveLength(6);
    const { rows: unsourced } = await t.db.query(
      `select p.code from products p where p.type in ('RAW_MATERIAL', 'ACCESSORY') and p.active and p.code not like 'T-%'
          and not exists (select 1 from supplier_items s where s.product_id = p.id and s.preferred)`,
    );
    expect(unsourced.map((r: { code: string }) => r.code)).toEqual(['WBT-6MM']);
    const { rows: orders } = await t.db.query(
      `select o.state, count(l.id)::int as lines from sales_orders o join partners c on c.id = o.customer_id and c.code = 'IKEA'
         join sales_order_lines l on l.sales_order_id = o.id group by o.id, o.state order by o.state::text`,
    );
    // The first order's first week left in the demo shipment (the shipping seed).
    expect(orders).toEqual([
      { state: 'CONFIRMED', lines: 15 },
      { state: 'CONFIRMED', lines: 15 },
      { state: 'PARTIALLY_SHIPPED', lines: 15 },
    ]);
    const { rows: pos } = await t.db.query(`select state from purchase_orders order by state`);
    // The quality seed adds the mill's fabric order, received in full.
    expect(pos.map((r: { state: string }) => r.state)).toEqual([
      'DRAFT',
      'APPROVED',
      'PARTIALLY_RECEIVED',
      'RECEIVED',
    ]);
    // The receipt's lot has a fixed number (two fresh starts seed the same factory).
    const { rows: lots } = await t.db.query(
      `select l.lot_number, b.on_hand::float as on_hand from lots l join stock_balances b on b.lot_id = l.id
        where l.lot_number = 'GRN-DEMO-FABRIC-1'`,
    );
    expect(lots).toHaveLength(1);
    expect(lots[0].on_hand).toBeGreaterThan(0);
  });
});
