import { raw } from './support/test-app.js';
import { ordersFixtures } from './support/orders-fixtures.js';
import { ppicFixtures } from './support/ppic-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
let p: Awaited<ReturnType<typeof ppicFixtures>>;
let f: ReturnType<typeof ordersFixtures>;

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['admin', 'warehouse', 'engineer', 'ppic_admin', 'manager', 'viewer', 'wh_operator', 'qc'])
    tokens[u] = (await t.as(u)).accessToken;
  p = await ppicFixtures(t, tokens);
  f = ordersFixtures(t);
});
afterAll(() => t.close());

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const upload = (productId: string, body: Buffer, type: string, user = 'warehouse') =>
  fetch(`${t.baseUrl}/api/v1/warehouse/products/${productId}/image`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': type },
    body,
  });

const company = {
  legalName: 'PT Boneka Kapok Indonesia',
  address: 'Jl. Industri Raya 12, Cikarang, Bekasi 17530, Indonesia',
  operatorId: 'ID0123456789000',
  contactEmail: 'compliance@kapok.example',
  contactPhone: '+62 21 555 0100',
  website: 'https://kapok.example',
};

describe('company settings', () => {
  it('are kept with a version; admin only; invalid fields are 422', async () => {
    // The demo may already have saved them: every number below is counted from what is there now.
    const before = await p.call('admin', 'GET', '/admin/company');
    expect(before.status).toBe(200);
    const v: number = before.body.version;
    const audit = async () =>
      (await t.db.query(`select count(*)::int as n from audit_log where action = 'company.updated'`)).rows[0]
        .n as number;
    const audited = await audit();
    expect((await p.call('warehouse', 'GET', '/admin/company')).status).toBe(403);
    expect((await p.call('warehouse', 'PUT', '/admin/company', company)).status).toBe(403);
    const bad = await p.call('admin', 'PUT', '/admin/company', {
      ...company,
      contactEmail: 'not-an-address',
    });
    expect(bad.status).toBe(422);
    const saved = await p.call('admin', 'PUT', '/admin/company', { ...company, version: v });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...company, version: v + 1 });
    expect((await p.call('admin', 'PUT', '/admin/company', { ...company, version: v })).body.code).toBe(
      'STALE_VERSION',
    );
    const again = await p.call('admin', 'PUT', '/admin/company', {
      ...company,
      contactPhone: null,
      version: v + 1,
    });
    expect(again.body).toMatchObject({ contactPhone: null, version: v + 2 });
    expect((await p.call('admin', 'GET', '/admin/company')).body).toMatchObject({ version: v + 2 });
    expect(await audit()).toBe(audited + 2);
    await p.call('admin', 'PUT', '/admin/company', { ...company, version: v + 2 });
  });
});

describe('article passport fields and image', () => {
  it('keeps passport fields on products: absent keeps, null clears, a bad HS code is 422', async () => {
    const fields = {
      hsCode: '9503.00',
      ageGrade: '3+',
      warnings: ['Not suitable for children under 36 months: small parts.'],
      legislation: ['Regulation (EC) No 1907/2006 (REACH)'],
      harmonisedStandards: ['EN 71-1:2014+A1:2018', 'EN 71-2:2020'],
    };
    const fg = await p.wh.product({ type: 'FINISHED_GOOD', ...fields });
    expect(fg).toMatchObject({ ...fields, fibre: null, fibreOrigin: null });
    const kept = await p.wh.ok('PUT', `/warehouse/products/${fg.id}`, {
      code: fg.code,
      name: 'Renamed bear',
      type: 'FINISHED_GOOD',
      uom: 'PCS',
      ageGrade: null,
    });
    expect(kept).toMatchObject({ ...fields, ageGrade: null, name: 'Renamed bear' });
    const bad = await p.wh.call('POST', '/warehouse/products', {
      code: `T-${f.suffix()}`,
      name: 'x',
      type: 'FINISHED_GOOD',
      uom: 'PCS',
      hsCode: 'toy',
    });
    expect(bad.status).toBe(422);
    const fibre = await p.wh.call('POST', '/warehouse/products', {
      code: `T-${f.suffix()}`,
      name: 'x',
      type: 'RAW_MATERIAL',
      uom: 'METER',
      fibreOrigin: 'REUSED',
    });
    expect(fibre.status).toBe(422);
  });

  it('stores an image of at most 2 MB whose bytes match its type; serves it with an ETag', async () => {
    const fg = await p.wh.product({ type: 'FINISHED_GOOD' });
    expect((await p.wh.call('GET', `/warehouse/products/${fg.id}/image`)).status).toBe(404);
    const put = await upload(fg.id, PNG, 'image/png');
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ contentType: 'image/png', size: PNG.length });
    const got = await fetch(`${t.baseUrl}/api/v1/warehouse/products/${fg.id}/image`, {
      headers: { authorization: `Bearer ${tokens.warehouse}` },
    });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);
    const etag = got.headers.get('etag')!;
    const cached = await fetch(`${t.baseUrl}/api/v1/warehouse/products/${fg.id}/image`, {
      headers: { authorization: `Bearer ${tokens.warehouse}`, 'if-none-match': etag },
    });
    expect(cached.status).toBe(304);

    const mismatch = await upload(fg.id, PNG, 'image/jpeg');
    expect(mismatch.status).toBe(422);
    expect(((await mismatch.json()) as { code: string }).code).toBe('IMAGE_TYPE_MISMATCH');
    expect((await upload(fg.id, Buffer.from('hello'), 'text/plain')).status).toBe(415);
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = await upload(fg.id, big, 'image/png');
    expect(tooBig.status).toBe(422);
    expect(((await tooBig.json()) as { code: string }).code).toBe('IMAGE_TOO_LARGE');
    expect((await upload(fg.id, PNG, 'image/png', 'viewer')).status).toBe(403);
    // The refused uploads changed nothing.
    const still = await fetch(`${t.baseUrl}/api/v1/warehouse/products/${fg.id}/image`, {
      headers: { authorization: `Bearer ${tokens.warehouse}` },
    });
    expect(Buffer.from(await still.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await p.wh.call('DELETE', `/warehouse/products/${fg.id}/image`)).status).toBe(204);
    expect((await p.wh.call('GET', `/warehouse/products/${fg.id}/image`)).status).toBe(404);
  });
});

describe('the Digital Product Passport', () => {
  it('is issued once per finished-goods batch and shows only that batch, without login', async () => {
    const supplier = await f.partner('SUPPLIER', { name: 'PT Rahasia Pemasok' });
    const a = await p.article({ label: 20, carton: 10 });
    await p.wh.ok('PUT', `/warehouse/products/${a.fabric.id}`, {
      code: a.fabric.code,
      name: 'Plush fabric 7 mm',
      type: 'RAW_MATERIAL',
      uom: 'METER',
      fibre: 'Polyester',
      fibreOrigin: 'RECYCLED',
    });
    await p.wh.ok('PUT', `/warehouse/products/${a.fg.id}`, {
      code: a.fg.code,
      name: 'Teddy bear 30 cm',
      type: 'FINISHED_GOOD',
      uom: 'PCS',
      hsCode: '9503.00',
      ageGrade: '0+',
      warnings: ['Remove all packaging before giving the toy to a child.'],
      harmonisedStandards: ['EN 71-1:2014+A1:2018'],
    });
    expect((await upload(a.fg.id, PNG, 'image/png')).status).toBe(200);
    const po = await f.ok('purchasing', 'POST', '/purchasing/orders', {
      supplierId: supplier.id,
      lines: [
        { productId: a.fabric.id, quantity: 40, uom: 'METER', unitPrice: 777001, expectedDate: '2026-12-18' },
      ],
    });
    await f.ok('purchasing_mgr', 'POST', `/purchasing/orders/${po.id}/approve`, {});
    const roll = `ROLL-${f.suffix()}`;
    await f.ok('wh_operator', 'POST', `/purchasing/orders/${po.id}/receipts`, {
      lines: [{ lineId: po.lines[0].id, quantity: 40, lotNumber: roll, locationId: a.rack.id }],
    });
    const runBatch = async () => {
      const mo = await p.mo(a.fg.id, 5);
      await p.transition('manager', mo.id, 'approve');
      await p.transition('ppic_admin', mo.id, 'start');
      await p.transition('ppic_admin', mo.id, 'complete', { actualQuantity: 5 });
      const lots = await p.wh.ok('GET', `/warehouse/lots?productId=${a.fg.id}&search=${mo.batchNumber}`);
      return { mo, lotId: lots.items[0].id as string };
    };
    const one = await runBatch();
    const two = await runBatch();

    expect((await p.call('qc', 'GET', `/quality/lots/${one.lotId}/passport`)).status).toBe(404);
    const issued = await p.call('qc', 'POST', `/quality/lots/${one.lotId}/passport`);
    expect(issued.status).toBe(200);
    expect(issued.body.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(issued.body.path).toBe(`/passport/${issued.body.code}`);
    const again = await p.call('qc', 'POST', `/quality/lots/${one.lotId}/passport`);
    expect(again.body.code).toBe(issued.body.code);
    expect((await p.call('qc', 'GET', `/quality/lots/${one.lotId}/passport`)).body.code).toBe(
      issued.body.code,
    );
    const other = await p.call('qc', 'POST', `/quality/lots/${two.lotId}/passport`);
    expect(other.body.code).not.toBe(issued.body.code);
    const rollLot = (await p.wh.ok('GET', `/warehouse/lots?productId=${a.fabric.id}&search=${roll}`))
      .items[0];
    expect((await p.call('qc', 'POST', `/quality/lots/${rollLot.id}/passport`)).body.code).toBe(
      'NOT_FINISHED_GOODS',
    );
    expect((await p.call('viewer', 'POST', `/quality/lots/${one.lotId}/passport`)).status).toBe(403);

    const res = await raw(t.baseUrl, `/api/v1/public/passports/${issued.body.code}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.body).toEqual({
      code: issued.body.code,
      product: {
        code: a.fg.code,
        name: 'Teddy bear 30 cm',
        imageUrl: `/api/v1/public/passports/${issued.body.code}/image`,
      },
      manufacturer: company,
      batch: { lotNumber: one.mo.batchNumber, productionWeek: expect.stringMatching(/^\d{4}-W\d{2}$/) },
      hsCode: '9503.00',
      ageGrade: '0+',
      warnings: ['Remove all packaging before giving the toy to a child.'],
      legislation: ['Regulation (EU) 2025/2509 on the safety of toys'],
      standards: ['EN 71-1:2014+A1:2018'],
      labTests: [],
      composition: [{ component: 'Plush fabric 7 mm', fibre: 'Polyester', origin: 'RECYCLED' }],
      issuedAt: issued.body.issuedAt,
    });
    // Nothing beyond the passport: no other batch, no supplier, no material lot, no price, no person.
    const text = JSON.stringify(res.body);
    for (const secret of [
      two.mo.batchNumber,
      roll,
      'PT Rahasia Pemasok',
      po.number,
      '777001',
      'ppic_admin',
      'manager',
    ])
      expect(text).not.toContain(secret);

    const image = await fetch(`${t.baseUrl}${res.body.product.imageUrl}`);
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);

    expect((await raw(t.baseUrl, `/api/v1/public/passports/${'A'.repeat(22)}`)).status).toBe(404);
    expect((await raw(t.baseUrl, '/api/v1/public/passports/short')).status).toBe(404);
    expect((await raw(t.baseUrl, `/api/v1/public/passports/${'A'.repeat(22)}/image`)).status).toBe(404);
  });

  it('limits how fast one client may ask', async () => {
    const codes = Array.from({ length: 130 }, (_, i) => `${String(i).padStart(22, 'B')}`);
    const statuses: number[] = [];
    for (const code of codes)
      statuses.push((await raw(t.baseUrl, `/api/v1/public/passports/${code}`)).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([]);
  });
});
