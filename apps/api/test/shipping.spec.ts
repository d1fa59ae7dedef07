import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFParse } from 'pdf-parse';
import { DataSource } from 'typeorm';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { checkLedger } from '../src/modules/warehouse/stock/ledger-check.js';
import { ordersFixtures } from './support/orders-fixtures.js';
import { raw, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let f: ReturnType<typeof ordersFixtures>;
let customer: { id: string; code: string };
let other: { id: string; code: string };
let fgRack: { id: string };
let article: { id: string; code: string };

const require = createRequire(import.meta.url);
const run = promisify(execFile);

beforeAll(async () => {
  t = await startTestApp();
  f = ordersFixtures(t);
  customer = await f.partner('CUSTOMER', { name: 'IKEA Supply AG' });
  other = await f.partner('CUSTOMER');
  const locations = await f.ok('admin', 'GET', '/warehouse/locations?search=WH-FG');
  fgRack = locations.items.find((l: { code: string }) => l.code === 'WH-FG');
  article = await fgArticle();
  // The zxing reader's WebAssembly from the package itself, never from the network.
  const wasm = await readFile(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareZXingModule({
    overrides: {
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
    },
    fireImmediately: true,
  });
});
afterEach(async () => {
  expect(await checkLedger(t.app.get(DataSource))).toEqual([]);
});
afterAll(() => t.close());

/** A finished good packed 60 pcs a carton, 8 cartons a pallet; its receipts arrive in QUARANTINE. */
const fgArticle = (over: Record<string, unknown> = {}) =>
  f.product({
    code: `4055${Math.floor(1000 + Math.random() * 8999)}`,
    name: 'AFTONSPARV boneka beruang 28 cm',
    type: 'FINISHED_GOOD',
    uom: 'PCS',
    unitConversions: [{ uom: 'CARTON', factor: 60 }],
    cartonsPerPallet: 8,
    inspectionRequired: true,
    standardWeightGrams: 180,
    ...over,
  });

/** Receives a lot on the finished-goods rack (QUARANTINE), and releases it unless told otherwise. */
async function lot(
  productId: string,
  quantity: number,
  lotNumber: string,
  receivedAt: string,
  release = true,
) {
  await f.ok('warehouse', 'POST', '/warehouse/stock/receipts', {
    productId,
    locationId: fgRack.id,
    quantity,
    lotNumber,
    receivedAt,
  });
  const lots = await f.ok('warehouse', 'GET', `/warehouse/lots?productId=${productId}&search=${lotNumber}`);
  const found = lots.items[0] as { id: string; qualityStatus: string };
  if (release)
    await f.ok('qc_manager', 'POST', `/quality/lots/${found.id}/release`, {
      reason: 'Final inspection passed',
    });
  return found;
}

async function confirmedOrder(customerId: string, lines: Array<Record<string, unknown>>) {
  const so = await f.ok('merchandiser', 'POST', '/sales/orders', {
    customerId,
    customerPo: `4500${f.suffix()}`,
    lines,
  });
  return f.ok('merchandiser', 'POST', `/sales/orders/${so.id}/confirm`, {});
}

const balance = async (productId: string) => {
  const page = await f.ok(
    'warehouse',
    'GET',
    `/warehouse/stock?productId=${productId}&locationId=${fgRack.id}`,
  );
  return page.items.reduce(
    (s: { onHand: number; reserved: number }, b: { onHand: number; reserved: number }) => ({
      onHand: s.onHand + Number(b.onHand),
      reserved: s.reserved + Number(b.reserved),
    }),
    { onHand: 0, reserved: 0 },
  );
};

const pdf = async (user: string, path: string) => {
  const res = await fetch(`${t.baseUrl}/api/v1${path}`, {
    headers: { authorization: `Bearer ${(await t.as(user)).accessToken}` },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  // KAPOK_KEEP_PDF_DIR keeps the documents to look at them (pdftoppm them to PNG).
  if (process.env.KAPOK_KEEP_PDF_DIR && res.status === 200)
    await writeFile(join(process.env.KAPOK_KEEP_PDF_DIR, path.split('/').slice(-1)[0]), bytes);
  return { status: res.status, type: res.headers.get('content-type'), bytes };
};

const textOf = async (bytes: Buffer) => {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return await parser.getText();
  } finally {
    await parser.destroy();
  }
};

/** Renders one page with poppler's pdftoppm and reads every barcode on it with zxing. */
async function barcodesOnPage(bytes: Buffer, page: number, keepAs?: string) {
  const dir = await mkdtemp(join(tmpdir(), 'kapok-pdf-'));
  try {
    await writeFile(join(dir, 'in.pdf'), bytes);
    await run('pdftoppm', [
      '-png',
      '-r',
      '200',
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      join(dir, 'in.pdf'),
      join(dir, 'page'),
    ]);
    const png = await readFile(join(dir, 'page.png'));
    if (keepAs) await writeFile(keepAs, png);
    const found = await readBarcodes(new Uint8Array(png), { formats: ['Code128', 'QRCode'] });
    return found.map((b) => ({ format: b.format, text: b.text }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let order: { id: string; lines: Array<{ id: string; lineNo: number }> };
let first: { id: string; number: string };
let passportCode: string;
let lotOld: { id: string };

describe('shipments', () => {
  it('are created for one customer against open lines; more than open, another customer or an unconfirmed order is 422', async () => {
    lotOld = await lot(article.id, 300, 'FG-W05', '2026-01-27T03:00:00Z');
    await lot(article.id, 300, 'FG-W06', '2026-02-03T03:00:00Z');
    // An older lot QC has not released: FIFO must step over it.
    await lot(article.id, 500, 'FG-W04-Q', '2026-01-20T03:00:00Z', false);
    order = await confirmedOrder(customer.id, [
      { productId: article.id, quantity: 450, deliveryWeek: '2027-W10', destination: 'EU' },
      { productId: article.id, quantity: 120, deliveryWeek: '2027-W10', destination: 'US' },
    ]);
    const draft = await f.ok('merchandiser', 'POST', '/sales/orders', {
      customerId: customer.id,
      customerPo: `4500${f.suffix()}`,
      lines: [{ productId: article.id, quantity: 10, deliveryWeek: '2027-W10', destination: 'EU' }],
    });
    const [eu] = order.lines;

    const tooMuch = await f.call('fg', 'POST', '/shipping/shipments', {
      customerId: customer.id,
      lines: [{ salesOrderLineId: eu.id, quantity: 451 }],
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.details).toEqual([
      { field: 'lines.0.quantity', messages: [expect.stringContaining('450 pcs left to ship')] },
    ]);
    const wrongCustomer = await f.call('fg', 'POST', '/shipping/shipments', {
      customerId: other.id,
      lines: [{ salesOrderLineId: eu.id, quantity: 10 }],
    });
    expect(wrongCustomer.status).toBe(422);
    const unconfirmed = await f.call('fg', 'POST', '/shipping/shipments', {
      customerId: customer.id,
      lines: [{ salesOrderLineId: draft.lines[0].id, quantity: 10 }],
    });
    expect(unconfirmed.status).toBe(422);
    expect(
      (
        await f.call('merchandiser', 'POST', '/shipping/shipments', {
          customerId: customer.id,
          lines: [{ salesOrderLineId: eu.id, quantity: 1 }],
        })
      ).status,
    ).toBe(403);

    const created = await f.call('fg', 'POST', '/shipping/shipments', {
      customerId: customer.id,
      lines: [{ salesOrderLineId: eu.id, quantity: 290 }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      state: 'DRAFT',
      customer: { id: customer.id },
      totalQuantity: 290,
      lines: [
        {
          lineNo: 1,
          salesOrderLineId: eu.id,
          soNumber: expect.any(String),
          quantity: 290,
          destination: 'EU',
          picks: [],
        },
      ],
      cartons: [],
      actions: ['pick', 'cancel'],
      createdBy: { username: 'fg' },
    });
    expect(created.body.number).toMatch(/^SH-\d{8}-\d{4}$/);
    first = created.body;
    // What the draft holds is no longer offered to another shipment.
    const open = await f.ok('fg', 'GET', `/shipping/open-lines?customerId=${customer.id}&destination=EU`);
    expect(open.find((l: { id: string }) => l.id === eu.id)).toMatchObject({
      quantity: 450,
      availableQuantity: 160,
    });
    const twice = await f.call('fg', 'POST', '/shipping/shipments', {
      customerId: customer.id,
      lines: [{ salesOrderLineId: eu.id, quantity: 161 }],
    });
    expect(twice.status).toBe(422);
  });

  it('pick reserves released lots FIFO by production week and fixes the packing plan', async () => {
    const before = await balance(article.id);
    const picked = await f.call('fg', 'POST', `/shipping/shipments/${first.id}/pick`, {});
    expect(picked.status).toBe(200);
    expect(picked.body.state).toBe('PICKED');
    expect(picked.body.lines[0].picks).toEqual([
      { lotId: lotOld.id, lotNumber: 'FG-W05', productionWeek: '2026-W05', quantity: 290 },
    ]);
    expect(
      picked.body.cartons.map((c: { quantity: number; partial: boolean }) => [c.quantity, c.partial]),
    ).toEqual([
      [60, false],
      [60, false],
      [60, false],
      [60, false],
      [50, true],
    ]);
    expect(picked.body.cartons[0].barcode).toBe(`EU05${article.code}000001`);
    expect(picked.body.pallets).toEqual([
      expect.objectContaining({ no: 1, destination: 'EU', week: '2026-W05', cartons: 5, quantity: 290 }),
    ]);
    expect(await balance(article.id)).toEqual({ onHand: before.onHand, reserved: before.reserved + 290 });
    // Picking again is refused: the transition table says DRAFT only.
    expect((await f.call('fg', 'POST', `/shipping/shipments/${first.id}/pick`, {})).body.code).toBe(
      'INVALID_STATE',
    );
  });

  it('refuses a pick of stock QC has not released, naming the shortage per line, and reserves nothing', async () => {
    const held = await fgArticle();
    await lot(held.id, 500, 'Q-ONLY', '2026-01-05T03:00:00Z', false);
    const blocked = await lot(held.id, 100, 'B-LOT', '2026-01-06T03:00:00Z');
    await f.ok('qc_manager', 'POST', `/quality/lots/${blocked.id}/block`, { reason: 'Metal detector alarm' });
    const so = await confirmedOrder(customer.id, [
      { productId: held.id, quantity: 100, deliveryWeek: '2027-W11', destination: 'GB' },
    ]);
    const sh = await f.ok('fg', 'POST', '/shipping/shipments', {
      customerId: customer.id,
      lines: [{ salesOrderLineId: so.lines[0].id, quantity: 100 }],
    });
    const res = await f.call('fg', 'POST', `/shipping/shipments/${sh.id}/pick`, {});
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'SHIPMENT_SHORTAGE',
      details: {
        shortages: [{ lineNo: 1, productCode: held.code, requested: 100, available: 0, missing: 100 }],
      },
    });
    expect(await balance(held.id)).toEqual({ onHand: 600, reserved: 0 });
    expect((await f.ok('fg', 'GET', `/shipping/shipments/${sh.id}`)).state).toBe('DRAFT');
  });

  it('prints the delivery note, carton labels (barcode and passport QR decoded from the rendered page) and pallet labels', async () => {
    passportCode = (await f.ok('qc', 'POST', `/quality/lots/${lotOld.id}/passport`)).code;
    const note = await pdf('fg', `/shipping/shipments/${first.id}/delivery-note.pdf`);
    expect(note.status).toBe(200);
    expect(note.type).toBe('application/pdf');
    expect(note.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const noteText = (await textOf(note.bytes)).text;
    for (const expected of [
      'SURAT JALAN',
      'IKEA Supply AG',
      first.number,
      article.code,
      'AFTONSPARV boneka beruang',
      'Diterima oleh',
      'Tanda tangan',
    ])
      expect(noteText).toContain(expected);
    expect(noteText).toContain((await f.ok('merchandiser', 'GET', `/sales/orders/${order.id}`)).customerPo);

    const labels = await pdf('fg', `/shipping/shipments/${first.id}/carton-labels.pdf`);
    expect(labels.status).toBe(200);
    expect(labels.type).toBe('application/pdf');
    const labelText = await textOf(labels.bytes);
    expect(labelText.total).toBe(5);
    expect(labelText.getPageText(5)).toContain('KARTON SEBAGIAN');
    expect(labelText.getPageText(5)).toContain('5 / 5');
    expect(labelText.getPageText(1)).toContain(`EU05${article.code}000001`);
    const codes = await barcodesOnPage(labels.bytes, 1, process.env.KAPOK_KEEP_LABEL_PNG);
    expect(codes).toEqual(
      expect.arrayContaining([
        { format: 'Code128', text: `EU05${article.code}000001` },
        {
          format: 'QRCode',
          text: expect.stringMatching(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/passport/${passportCode}$`)),
        },
      ]),
    );

    const pallets = await pdf('fg', `/shipping/shipments/${first.id}/pallet-labels.pdf`);
    expect(pallets.status).toBe(200);
    const palletText = (await textOf(pallets.bytes)).text;
    for (const expected of ['ULL', article.code, 'EU', '290 pcs', '52,2 kg'])
      expect(palletText).toContain(expected);

    // Viewers read documents; someone without shipping.view does not.
    expect((await pdf('merchandiser', `/shipping/shipments/${first.id}/delivery-note.pdf`)).status).toBe(200);
    expect((await pdf('cutting', `/shipping/shipments/${first.id}/delivery-note.pdf`)).status).toBe(403);
  });

  it('ships: stock leaves the rack for the customer and the order is partly, then fully shipped; ship is idempotent', async () => {
    const before = await balance(article.id);
    const key = `ship-${f.suffix()}`;
    const shipped = await f.call(
      'fg',
      'POST',
      `/shipping/shipments/${first.id}/ship`,
      {},
      { 'idempotency-key': key },
    );
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({ state: 'SHIPPED', shippedBy: { username: 'fg' }, actions: [] });
    const again = await f.call(
      'fg',
      'POST',
      `/shipping/shipments/${first.id}/ship`,
      {},
      { 'idempotency-key': key },
    );
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(shipped.body.id);
    expect((await f.call('fg', 'POST', `/shipping/shipments/${first.id}/ship`, {})).body.code).toBe(
      'INVALID_STATE',
    );
    expect(await balance(article.id)).toEqual({
      onHand: before.onHand - 290,
      reserved: before.reserved - 290,
    });
    const moves = await t.db.query(
      `select count(*)::int as n, sum(quantity)::int as q from stock_moves where document_type = 'shipment' and document_id = $1`,
      [first.id],
    );
    expect(moves.rows[0]).toEqual({ n: 1, q: 290 });
    let so = await f.ok('merchandiser', 'GET', `/sales/orders/${order.id}`);
    expect(so.state).toBe('PARTIALLY_SHIPPED');
    expect(so.lines.map((l: { shippedQuantity: number }) => l.shippedQuantity)).toEqual([290, 0]);

    // The rest: 160 EU (10 left of week 05, then 150 of week 06) and 120 US, on three pallets.
    const rest = await f.ok('fg', 'POST', '/shipping/shipments', {
      customerId: customer.id,
      lines: [
        { salesOrderLineId: order.lines[0].id, quantity: 160 },
        { salesOrderLineId: order.lines[1].id, quantity: 120 },
      ],
    });
    const picked = await f.ok('fg', 'POST', `/shipping/shipments/${rest.id}/pick`, {});
    expect(
      picked.lines[0].picks.map((p: { productionWeek: string; quantity: number }) => [
        p.productionWeek,
        p.quantity,
      ]),
    ).toEqual([
      ['2026-W05', 10],
      ['2026-W06', 150],
    ]);
    expect(
      picked.pallets.map((p: { destination: string; week: string; cartons: number; quantity: number }) => [
        p.destination,
        p.week,
        p.cartons,
        p.quantity,
      ]),
    ).toEqual([
      ['EU', '2026-W05', 1, 10],
      ['EU', '2026-W06', 3, 150],
      ['US', '2026-W06', 2, 120],
    ]);
    expect(picked.cartons.map((c: { barcode: string }) => c.barcode)).toEqual([
      `EU05${article.code}000001`,
      `EU06${article.code}000002`,
      `EU06${article.code}000003`,
      `EU06${article.code}000004`,
      `US06${article.code}000005`,
      `US06${article.code}000006`,
    ]);
    await f.ok('fg', 'POST', `/shipping/shipments/${rest.id}/ship`, {});
    so = await f.ok('merchandiser', 'GET', `/sales/orders/${order.id}`);
    expect(so.state).toBe('SHIPPED');
    expect(so.lines.map((l: { shippedQuantity: number }) => l.shippedQuantity)).toEqual([450, 120]);
    const list = await f.ok('merchandiser', 'GET', `/shipping/shipments?salesOrderId=${order.id}`);
    expect(list.items.map((s: { state: string }) => s.state)).toEqual(['SHIPPED', 'SHIPPED']);
    const audit = await t.db.query(
      `select action from audit_log where entity_id = $1 and action like 'sales_order.%' order by at`,
      [order.id],
    );
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual([
      'sales_order.created',
      'sales_order.confirmed',
      'sales_order.partially_shipped',
      'sales_order.shipped',
    ]);
  });

  it('cancel releases what the pick reserved and frees the order line again', async () => {
    const item = await fgArticle();
    await lot(item.id, 120, 'C-LOT', '2026-03-02T03:00:00Z');
    const so = await confirmedOrder(customer.id, [
      { productId: item.id, quantity: 100, deliveryWeek: '2027-W12', destination: 'AP' },
    ]);
    const sh = await f.ok('fg', 'POST', '/shipping/shipments', {
      customerId: customer.id,
      lines: [{ salesOrderLineId: so.lines[0].id, quantity: 100 }],
    });
    await f.ok('fg', 'POST', `/shipping/shipments/${sh.id}/pick`, {});
    expect(await balance(item.id)).toEqual({ onHand: 120, reserved: 100 });
    const cancelled = await f.call('fg', 'POST', `/shipping/shipments/${sh.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ state: 'CANCELLED', cancelledBy: { username: 'fg' } });
    expect(await balance(item.id)).toEqual({ onHand: 120, reserved: 0 });
    const open = await f.ok(
      'fg',
      'GET',
      `/shipping/open-lines?customerId=${customer.id}&salesOrderId=${so.id}`,
    );
    expect(open[0]).toMatchObject({ availableQuantity: 100 });
    expect((await f.call('fg', 'POST', `/shipping/shipments/${sh.id}/ship`, {})).body.code).toBe(
      'INVALID_STATE',
    );
    expect((await f.ok('merchandiser', 'GET', `/sales/orders/${so.id}`)).state).toBe('CONFIRMED');
  });
});

describe('shipping documents and permissions', () => {
  it('labels wait for the pick; the routes answer 404 for an unknown shipment', async () => {
    const so = await confirmedOrder(customer.id, [
      { productId: article.id, quantity: 5, deliveryWeek: '2027-W13', destination: 'CA' },
    ]);
    const sh = await f.ok('fg', 'POST', '/shipping/shipments', {
      customerId: customer.id,
      lines: [{ salesOrderLineId: so.lines[0].id, quantity: 5 }],
    });
    expect((await pdf('fg', `/shipping/shipments/${sh.id}/carton-labels.pdf`)).status).toBe(409);
    expect((await pdf('fg', `/shipping/shipments/${sh.id}/delivery-note.pdf`)).status).toBe(200);
    const missing = await raw(t.baseUrl, '/api/v1/shipping/shipments/00000000-0000-4000-8000-000000000000', {
      token: (await t.as('fg')).accessToken,
    });
    expect(missing.status).toBe(404);
  });
});

describe('the demo factory', () => {
  it('has one shipped and one picked IKEA shipment, its stock and its order to match', async () => {
    const ikea = (await f.ok('fg', 'GET', '/partners?search=IKEA')).items.find(
      (p: { code: string }) => p.code === 'IKEA',
    );
    const list = await f.ok('fg', 'GET', `/shipping/shipments?customerId=${ikea.id}`);
    expect(list.items.map((s: { state: string }) => s.state).sort()).toEqual(['PICKED', 'SHIPPED']);
    const shipped = await f.ok(
      'fg',
      'GET',
      `/shipping/shipments/${list.items.find((s: { state: string }) => s.state === 'SHIPPED').id}`,
    );
    const picked = await f.ok(
      'fg',
      'GET',
      `/shipping/shipments/${list.items.find((s: { state: string }) => s.state === 'PICKED').id}`,
    );
    for (const s of [shipped, picked]) {
      expect(s.cartons.length).toBeGreaterThan(0);
      expect(s.pallets.length).toBeGreaterThan(0);
      for (const l of s.lines)
        expect(l.picks.reduce((sum: number, p: { quantity: number }) => sum + p.quantity, 0)).toBe(
          l.quantity,
        );
    }
    // The picked one takes the rest of the older batch first, then the newer one (FIFO by week).
    expect(new Set(picked.lines[0].picks.map((p: { lotId: string }) => p.lotId)).size).toBe(2);
    // The shipped lines are on the order; the picked lots are RELEASED and reserved on the rack.
    const { rows: lines } = await t.db.query(
      `select l.shipped_quantity::float as shipped, l.quantity::float as quantity, o.state
         from sales_order_lines l join sales_orders o on o.id = l.sales_order_id where l.id = any($1)`,
      [shipped.lines.map((l: { salesOrderLineId: string }) => l.salesOrderLineId)],
    );
    expect(lines).toHaveLength(shipped.lines.length);
    for (const l of lines)
      expect(l).toEqual({ shipped: l.quantity, quantity: l.quantity, state: 'PARTIALLY_SHIPPED' });
    const { rows: lots } = await t.db.query(
      `select distinct lo.quality_status from lots lo where lo.id = any($1)`,
      [picked.lines.flatMap((l: { picks: Array<{ lotId: string }> }) => l.picks.map((p) => p.lotId))],
    );
    expect(lots).toEqual([{ quality_status: 'RELEASED' }]);
  });
});
