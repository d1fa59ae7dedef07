import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SalesFacts } from '../src/modules/sales/sales.facts.js';
import { eventually } from './support/eventually.js';
import { openEvents, ordersFixtures } from './support/orders-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let f: ReturnType<typeof ordersFixtures>;
let customer: { id: string; code: string };
let article: { id: string; code: string };

beforeAll(async () => {
  t = await startTestApp();
  f = ordersFixtures(t);
  customer = await f.partner('CUSTOMER', { transitDays: 10 });
  article = await f.product({ type: 'FINISHED_GOOD' });
});
afterAll(() => t.close());

const order = (over: Record<string, unknown> = {}) => ({
  customerId: customer.id,
  customerPo: `PO-${f.suffix()}`,
  lines: [
    { productId: article.id, quantity: 1200, deliveryWeek: '2027-W02', destination: 'EU' },
    { productId: article.id, quantity: 600, deliveryWeek: '2027-W03', destination: 'US' },
  ],
  ...over,
});

describe('sales orders', () => {
  it('creates a DRAFT with an SO number, numbered lines and ex-factory dates from the customer’s transit days', async () => {
    const res = await f.call('merchandiser', 'POST', '/sales/orders', order({ notes: 'Spring range' }));
    expect(res.status).toBe(201);
    expect(res.body.number).toMatch(/^SO-\d{8}-\d{4}$/);
    expect(res.body).toMatchObject({
      state: 'DRAFT',
      customer: { id: customer.id, transitDays: 10 },
      notes: 'Spring range',
      lineCount: 2,
      totalQuantity: 1800,
      firstDeliveryWeek: '2027-W02',
      lastDeliveryWeek: '2027-W03',
      firstExFactoryDate: '2027-01-01',
      createdBy: { username: 'merchandiser' },
      actions: ['confirm', 'cancel'],
      editable: true,
      version: 1,
    });
    expect(res.body.orderDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Monday of 2027-W02 is 11 January; ten days of transit make it 1 January.
    expect(res.body.lines).toMatchObject([
      {
        lineNo: 1,
        quantity: 1200,
        deliveryWeek: '2027-W02',
        destination: 'EU',
        exFactoryDate: '2027-01-01',
        shippedQuantity: 0,
        openQuantity: 1200,
        manufacturingOrders: [],
      },
      { lineNo: 2, quantity: 600, deliveryWeek: '2027-W03', destination: 'US', exFactoryDate: '2027-01-08' },
    ]);
    const viewed = await f.ok('viewer', 'GET', `/sales/orders/${res.body.id}`);
    expect(viewed).toMatchObject({ number: res.body.number, actions: [], editable: false });
  });

  it('refuses a customer PO entered twice for the same customer (409 DUPLICATE_CUSTOMER_PO), even at the same time', async () => {
    const customerPo = `PO-${f.suffix()}`;
    const first = await f.ok('merchandiser', 'POST', '/sales/orders', order({ customerPo }));
    const again = await f.call('merchandiser', 'POST', '/sales/orders', order({ customerPo }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'DUPLICATE_CUSTOMER_PO',
      details: { customerPo, salesOrderNumber: first.number },
    });
    const other = await f.partner('CUSTOMER');
    expect(
      (await f.call('merchandiser', 'POST', '/sales/orders', order({ customerPo, customerId: other.id })))
        .status,
    ).toBe(201);

    const racePo = `PO-${f.suffix()}`;
    const results = await Promise.all(
      [1, 2, 3].map(() => f.call('merchandiser', 'POST', '/sales/orders', order({ customerPo: racePo }))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(
      results.filter((r) => r.status === 409).every((r) => r.body.code === 'DUPLICATE_CUSTOMER_PO'),
    ).toBe(true);
  });

  it('refuses fractions of a piece, materials, non-customers, weeks that do not exist and unknown destinations with 422', async () => {
    const material = await f.product({ type: 'RAW_MATERIAL' });
    const supplier = await f.partner('SUPPLIER');
    const line = { productId: article.id, quantity: 10, deliveryWeek: '2027-W10', destination: 'GB' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [order({ lines: [{ ...line, quantity: 10.5 }] }), 'lines.0.quantity'],
      [order({ lines: [{ ...line, quantity: 0 }] }), 'lines.0.quantity'],
      [order({ lines: [line, { ...line, productId: material.id }] }), 'lines.1.productId'],
      [order({ customerId: supplier.id }), 'customerId'],
      [order({ lines: [{ ...line, deliveryWeek: '2027-W53' }] }), 'lines.0.deliveryWeek'],
      [order({ lines: [{ ...line, deliveryWeek: '2027-22' }] }), 'lines.0.deliveryWeek'],
      [order({ lines: [{ ...line, destination: 'MARS' }] }), 'lines.0.destination'],
      [order({ lines: [] }), 'lines'],
    ];
    for (const [body, field] of cases) {
      const res = await f.call('merchandiser', 'POST', '/sales/orders', body);
      expect({ field, status: res.status, code: res.body.code }).toEqual({
        field,
        status: 422,
        code: 'VALIDATION_FAILED',
      });
      expect(JSON.stringify(res.body.details)).toContain(field);
    }
    expect(
      (await f.call('merchandiser', 'POST', '/sales/orders', order({ customerId: randomUUID() }))).status,
    ).toBe(404);
  });

  it('edits only drafts, with the version read (409 STALE_VERSION, 409 INVALID_STATE once confirmed)', async () => {
    const created = await f.ok('merchandiser', 'POST', '/sales/orders', order());
    const put = await f.call('merchandiser', 'PUT', `/sales/orders/${created.id}`, {
      ...order({ customerPo: created.customerPo }),
      lines: [{ productId: article.id, quantity: 900, deliveryWeek: '2027-W05', destination: 'CA' }],
      version: created.version,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ version: 2, lineCount: 1, totalQuantity: 900 });
    expect(put.body.lines[0]).toMatchObject({ lineNo: 1, destination: 'CA', exFactoryDate: '2027-01-22' });
    const stale = await f.call('merchandiser', 'PUT', `/sales/orders/${created.id}`, {
      ...order(),
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');

    await f.ok('merchandiser', 'POST', `/sales/orders/${created.id}/confirm`, {});
    const confirmed = await f.ok('merchandiser', 'GET', `/sales/orders/${created.id}`);
    const late = await f.call('merchandiser', 'PUT', `/sales/orders/${created.id}`, {
      ...order({ customerPo: created.customerPo }),
      version: confirmed.version,
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'INVALID_STATE', details: { currentState: 'CONFIRMED' } });
  });

  it('confirms into demand, cancels, and answers 409 from a wrong state, with audit rows and events', async () => {
    const so = await f.ok('merchandiser', 'POST', '/sales/orders', order());
    const seller = await openEvents(t, (await t.as('merchandiser')).accessToken);
    const buyer = await openEvents(t, (await t.as('purchasing')).accessToken);
    const confirm = await f.call('merchandiser', 'POST', `/sales/orders/${so.id}/confirm`, {});
    expect(confirm.status).toBe(200);
    expect(confirm.body).toMatchObject({
      state: 'CONFIRMED',
      confirmedBy: { username: 'merchandiser' },
      actions: ['cancel'],
      editable: false,
    });
    const twice = await f.call('merchandiser', 'POST', `/sales/orders/${so.id}/confirm`, {});
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      code: 'INVALID_STATE',
      details: { currentState: 'CONFIRMED', allowedFrom: ['DRAFT'] },
    });
    const close = await f.call('merchandiser', 'POST', `/sales/orders/${so.id}/close`, {});
    expect(close.status).toBe(409);
    await eventually(async () => seller.events.some((e) => e.type === 'sales_order.confirmed'));
    expect(seller.events).toContainEqual(
      expect.objectContaining({ type: 'sales_order.confirmed', ids: [so.id] }),
    );
    await seller.close();
    await buyer.close();
    // purchasing holds no sales.view: the stream never carried it the sales event
    expect(buyer.events.some((e) => e.type.startsWith('sales_order.'))).toBe(false);

    const facts = t.app.get(SalesFacts);
    const demand = await facts.demandLines(t.app.get(DataSource).manager);
    expect(demand.filter((d) => d.salesOrderId === so.id)).toEqual([
      expect.objectContaining({
        soNumber: so.number,
        productId: article.id,
        quantity: 1200,
        exFactoryDate: '2027-01-01',
        deliveryWeek: '2027-W02',
        destination: 'EU',
      }),
      expect.objectContaining({ quantity: 600, destination: 'US' }),
    ]);
    const refs = await facts.linesByIds(t.app.get(DataSource).manager, [so.lines[0].id]);
    expect(refs.get(so.lines[0].id)).toMatchObject({ soNumber: so.number, lineNo: 1, state: 'CONFIRMED' });

    const cancel = await f.call('merchandiser', 'POST', `/sales/orders/${so.id}/cancel`, {});
    expect(cancel.body).toMatchObject({
      state: 'CANCELLED',
      cancelledBy: { username: 'merchandiser' },
      actions: [],
    });
    expect((await f.call('merchandiser', 'POST', `/sales/orders/${so.id}/cancel`, {})).status).toBe(409);
    expect(
      (await facts.demandLines(t.app.get(DataSource).manager)).some((d) => d.salesOrderId === so.id),
    ).toBe(false);

    const audit = await t.db.query(`select action from audit_log where entity_id = $1 order by at`, [so.id]);
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual([
      'sales_order.created',
      'sales_order.confirmed',
      'sales_order.cancelled',
    ]);
    // a draft's lines are no demand
    const draft = await f.ok('merchandiser', 'POST', '/sales/orders', order());
    expect(
      (await facts.demandLines(t.app.get(DataSource).manager)).some((d) => d.salesOrderId === draft.id),
    ).toBe(false);
    expect((await f.call('merchandiser', 'POST', `/sales/orders/${randomUUID()}/confirm`, {})).status).toBe(
      404,
    );
  });

  it('lists with filters by customer, state and delivery week', async () => {
    const buyer = await f.partner('CUSTOMER');
    const a = await f.ok('merchandiser', 'POST', '/sales/orders', order({ customerId: buyer.id }));
    const b = await f.ok(
      'merchandiser',
      'POST',
      '/sales/orders',
      order({
        customerId: buyer.id,
        lines: [{ productId: article.id, quantity: 5, deliveryWeek: '2027-W30', destination: 'ME' }],
      }),
    );
    await f.ok('merchandiser', 'POST', `/sales/orders/${b.id}/confirm`, {});
    const ids = async (query: string) =>
      (await f.ok('viewer', 'GET', `/sales/orders?customerId=${buyer.id}${query}`)).items.map(
        (o: { id: string }) => o.id,
      );
    expect(await ids('')).toEqual([b.id, a.id]);
    expect(await ids('&state=CONFIRMED')).toEqual([b.id]);
    expect(await ids('&week=2027-W30')).toEqual([b.id]);
    expect(await ids('&week=2027-W02')).toEqual([a.id]);
    expect((await f.ok('viewer', 'GET', `/sales/orders?search=${a.customerPo}`)).items[0]).toMatchObject({
      id: a.id,
      totalQuantity: 1800,
    });
    expect((await f.call('viewer', 'GET', '/sales/orders?week=W30')).status).toBe(422);
  });

  it('keeps sales to the roles that hold sales.*', async () => {
    const so = await f.ok('merchandiser', 'POST', '/sales/orders', order());
    expect((await f.call('purchasing', 'GET', '/sales/orders')).status).toBe(403);
    expect((await f.call('viewer', 'POST', '/sales/orders', order())).status).toBe(403);
    expect((await f.call('viewer', 'POST', `/sales/orders/${so.id}/confirm`, {})).status).toBe(403);
    expect((await f.call('ppic', 'GET', `/sales/orders/${so.id}`)).status).toBe(403);
    expect((await f.call('manager', 'GET', `/sales/orders/${so.id}`)).status).toBe(200);
  });
});

describe('MOs pegged to sales-order lines', () => {
  it('creates an MO for a line, shows it on the line, and refuses an unknown line', async () => {
    const demoArticle = (await f.ok('admin', 'GET', '/warehouse/products?code=40551542')).items[0];
    const so = await f.ok('merchandiser', 'POST', '/sales/orders', {
      customerId: customer.id,
      customerPo: `PO-${f.suffix()}`,
      lines: [{ productId: demoArticle.id, quantity: 600, deliveryWeek: '2027-W04', destination: 'EU' }],
    });
    await f.ok('merchandiser', 'POST', `/sales/orders/${so.id}/confirm`, {});
    const lineId = so.lines[0].id;
    const mo = await f.call('ppic_admin', 'POST', '/ppic/tasks', {
      productId: demoArticle.id,
      plannedQuantity: 600,
      route: 'ROUTE_1',
      dueDate: so.lines[0].exFactoryDate,
      salesOrderLineId: lineId,
    });
    expect(mo.status).toBe(201);
    expect(mo.body.salesOrderLineId).toBe(lineId);
    const detail = await f.ok('ppic', 'GET', `/ppic/tasks/${mo.body.id}`);
    expect(detail.salesOrderLineId).toBe(lineId);
    // The MO's page names the line it serves and links its order.
    expect(detail.salesOrderLine).toEqual({
      id: lineId,
      salesOrderId: so.id,
      salesOrderNumber: so.number,
      lineNo: 1,
      quantity: 600,
      deliveryWeek: '2027-W04',
      destination: 'EU',
      exFactoryDate: so.lines[0].exFactoryDate,
    });
    const after = await f.ok('merchandiser', 'GET', `/sales/orders/${so.id}`);
    expect(after.lines[0].manufacturingOrders).toEqual([
      { id: mo.body.id, batchNumber: mo.body.batchNumber, state: 'DRAFT', plannedQuantity: 600 },
    ]);
    const unknown = await f.call('ppic_admin', 'POST', '/ppic/tasks', {
      productId: demoArticle.id,
      plannedQuantity: 1,
      route: 'ROUTE_1',
      salesOrderLineId: randomUUID(),
    });
    expect(unknown.status).toBe(404);
    const plain = await f.ok('ppic_admin', 'POST', '/ppic/tasks', {
      productId: demoArticle.id,
      plannedQuantity: 1,
      route: 'ROUTE_1',
    });
    expect(plain.salesOrderLineId).toBeNull();
  });
});
