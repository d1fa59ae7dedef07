import { parse } from 'csv-parse/sync';
import { request } from 'node:http';
import { raw, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await startTestApp();
  token = (await t.as('admin')).accessToken;
});
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  raw(t.baseUrl, `/api/v1${path}`, { token, headers });

/** Reads a CSV answer chunk by chunk, noting the heap at each chunk. */
function download(path: string) {
  return new Promise<{
    status: number;
    headers: Record<string, unknown>;
    text: string;
    chunks: number;
    heapGrowth: number;
  }>((resolve, reject) => {
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const req = request(
      new URL(`/api/v1${path}`, t.baseUrl),
      { headers: { authorization: `Bearer ${token}`, accept: 'text/csv' } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => {
          parts.push(c);
          peak = Math.max(peak, process.memoryUsage().heapUsed);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            text: Buffer.concat(parts).toString('utf8'),
            chunks: parts.length,
            heapGrowth: peak - before,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function createProduct(code: string): Promise<{ id: string; updatedAt: string; version: number }> {
  const res = await raw(t.baseUrl, '/api/v1/warehouse/products', {
    token,
    method: 'POST',
    body: JSON.stringify({ code, name: `Sync ${code}`, type: 'RAW_MATERIAL', uom: 'PCS' }),
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('updatedSince and sort on lists', () => {
  it('returns only products changed strictly after the instant given', async () => {
    const first = await createProduct('SYNC-A');
    const second = await createProduct('SYNC-B');
    const since = encodeURIComponent(first.updatedAt);
    const page = await get(`/warehouse/products?search=SYNC-&updatedSince=${since}`);
    expect(page.status).toBe(200);
    // The row whose updatedAt was sent is not newer than itself.
    expect(page.body.items.map((p: { code: string }) => p.code)).toEqual(
      second.updatedAt > first.updatedAt ? ['SYNC-B'] : [],
    );

    const renamed = await raw(t.baseUrl, `/api/v1/warehouse/products/${first.id}`, {
      token,
      method: 'PUT',
      body: JSON.stringify({
        code: 'SYNC-A',
        name: 'Sync A renamed',
        type: 'RAW_MATERIAL',
        uom: 'PCS',
        version: first.version,
      }),
    });
    expect(renamed.status).toBe(200);
    const after = await get(
      `/warehouse/products?search=SYNC-&updatedSince=${encodeURIComponent(second.updatedAt)}`,
    );
    expect(after.body.items.map((p: { code: string }) => p.code)).toEqual(['SYNC-A']);
    expect(after.body.total).toBe(1);
  });

  it('sorts by a whitelisted field, descending with a minus', async () => {
    await createProduct('SORT-1');
    await createProduct('SORT-2');
    await createProduct('SORT-3');
    const down = await get('/warehouse/products?search=SORT-&sort=-code');
    expect(down.body.items.map((p: { code: string }) => p.code)).toEqual(['SORT-3', 'SORT-2', 'SORT-1']);
    const up = await get('/warehouse/products?search=SORT-&sort=createdAt');
    expect(up.body.items.map((p: { code: string }) => p.code)).toEqual(['SORT-1', 'SORT-2', 'SORT-3']);
  });

  it.each([
    ['sort=price', 'sort'],
    ['sort=-', 'sort'],
    ['sort=code;drop table products', 'sort'],
    ['updatedSince=yesterday', 'updatedSince'],
    ['updatedSince=2026-03-02', 'updatedSince'],
    ['updatedSince=2026-02-30T08:00:00Z', 'updatedSince'],
    ['updatedSince=2026-03-02T08:00:00', 'updatedSince'],
  ])('refuses %s with 422 naming the field', async (query, field) => {
    const res = await get(`/warehouse/products?${query.replace(/ /g, '%20')}`);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });
});

describe('CSV export', () => {
  beforeAll(async () => {
    // 10,000 products in one statement: the export, not the creation, is under test.
    await t.db.query(
      `insert into products (code, name, type, uom)
       select 'BULK-' || lpad(n::text, 5, '0'),
              case when n = 2 then '=HYPERLINK("http://evil")' else 'Bulk product, "quoted" ' || n end,
              'RAW_MATERIAL', 'PCS'
         from generate_series(1, 10000) n`,
    );
  });

  it('streams 10,000 rows from a cursor: chunked, in many pieces, without holding the table', async () => {
    const res = await download('/warehouse/products?search=BULK-&sort=code');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="products.csv"');
    // Streamed: no length known up front, and the rows arrive batch by batch.
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.chunks).toBeGreaterThan(10);
    expect(res.heapGrowth).toBeLessThan(50 * 1024 * 1024);

    const rows: Array<Record<string, string>> = parse(res.text, { columns: true });
    expect(rows).toHaveLength(10_000);
    expect(rows[0]).toMatchObject({
      code: 'BULK-00001',
      name: 'Bulk product, "quoted" 1',
      uom: 'PCS',
      active: 'true',
    });
    expect(rows[9_999].code).toBe('BULK-10000');
    // A spreadsheet would run this name as a formula: exported with a leading apostrophe.
    expect(rows[1].name).toBe(`'=HYPERLINK("http://evil")`);
    expect(Object.keys(rows[0])).toEqual([
      'id',
      'code',
      'name',
      'type',
      'uom',
      'active',
      'productionLeadDays',
      'createdAt',
      'updatedAt',
    ]);
  });

  it('keeps the filters, updatedSince and sort of the JSON list', async () => {
    const res = await download('/warehouse/products?search=BULK-0000&sort=-code');
    const rows: Array<Record<string, string>> = parse(res.text, { columns: true });
    expect(rows.map((r) => r.code)).toEqual([
      'BULK-00009',
      'BULK-00008',
      'BULK-00007',
      'BULK-00006',
      'BULK-00005',
      'BULK-00004',
      'BULK-00003',
      'BULK-00002',
      'BULK-00001',
    ]);
    const none = await download(
      `/warehouse/products?search=BULK-&updatedSince=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(none.text.trim()).toBe('id,code,name,type,uom,active,productionLeadDays,createdAt,updatedAt');
  });

  it('answers JSON when CSV is not asked for, and refuses a bad sort before streaming', async () => {
    const json = await get('/warehouse/products?search=BULK-&limit=2');
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(json.body.total).toBe(10_000);
    const bad = await get('/warehouse/products?sort=nope', { accept: 'text/csv' });
    expect(bad.status).toBe(422);
  });
});

describe('sales orders', () => {
  it('sort, updatedSince and the CSV export agree with the JSON list', async () => {
    const all = await get('/sales/orders?limit=500&sort=-number');
    expect(all.status).toBe(200);
    const numbers: string[] = all.body.items.map((o: { number: string }) => o.number);
    expect(numbers.length).toBeGreaterThan(1);
    expect(numbers).toEqual([...numbers].sort().reverse());

    const stamps: string[] = all.body.items.map((o: { updatedAt: string }) => o.updatedAt).sort();
    const newest = stamps[stamps.length - 1];
    const older = stamps.filter((s) => s < newest);
    const since = older[older.length - 1];
    if (since) {
      const newer = await get(`/sales/orders?limit=500&updatedSince=${encodeURIComponent(since)}`);
      expect(newer.body.items.every((o: { updatedAt: string }) => o.updatedAt > since)).toBe(true);
      expect(newer.body.total).toBe(stamps.filter((s) => s > since).length);
    }
    expect((await get(`/sales/orders?updatedSince=${encodeURIComponent(newest)}`)).body.total).toBe(0);

    const csv = await download('/sales/orders?sort=-number');
    expect(csv.status).toBe(200);
    const rows: Array<Record<string, string>> = parse(csv.text, { columns: true });
    expect(rows.map((r) => r.number)).toEqual(numbers);
    expect(rows[0].customerCode).toBe(all.body.items[0].customer.code);
    expect(rows[0].totalQuantity).toBe(String(all.body.items[0].totalQuantity));

    const bad = await get('/sales/orders?sort=customerPo');
    expect(bad.status).toBe(422);
    expect(bad.body.details[0].field).toBe('sort');
  });
});

/** Every list other programs sync from: its path, a field it sorts by, and whether it is paged. */
const LISTS = [
  { path: '/warehouse/stock/moves', sort: 'productCode', paged: true },
  { path: '/ppic/tasks', sort: 'batchNumber', paged: true },
  { path: '/production/work-orders', sort: 'batchNumber', paged: false },
  { path: '/ppic/kanban/cards', sort: 'number', paged: true },
  { path: '/purchasing/orders', sort: 'number', paged: true },
  { path: '/sales/orders', sort: 'number', paged: true },
] as const;

/** Every row of a list for a query: all its pages (`limit=500`), or the one answer of an unpaged list. */
async function everything(path: string, paged: boolean, query: string) {
  const rows: Array<Record<string, string>> = [];
  for (let skip = 0; ; skip += 500) {
    const res = await get(`${path}?${query}${paged ? `&limit=500&skip=${skip}` : ''}`);
    expect(res.status).toBe(200);
    rows.push(...res.body.items);
    if (!paged || rows.length >= res.body.total) return { rows, total: res.body.total as number };
  }
}

describe.each(LISTS)('$path', ({ path, sort, paged }) => {
  it('updatedSince answers only the rows changed strictly after the instant', async () => {
    const { rows } = await everything(path, paged, 'sort=updatedAt');
    const stamps = rows.map((r) => r.updatedAt);
    expect(stamps).toEqual([...stamps].sort());
    const distinct = [...new Set(stamps)];
    expect(distinct.length).toBeGreaterThan(1);
    const since = distinct[Math.floor(distinct.length / 2) - 1];

    const newer = await everything(path, paged, `updatedSince=${encodeURIComponent(since)}`);
    const got = newer.rows.map((r) => r.updatedAt);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((s) => s > since)).toBe(true);
    expect(newer.total).toBe(stamps.filter((s) => s > since).length);
    const latest = distinct[distinct.length - 1];
    expect((await get(`${path}?updatedSince=${encodeURIComponent(latest)}`)).body.total).toBe(0);
  });

  it('sorts by a whitelisted field both ways, refuses any other with 422', async () => {
    const up = (await everything(path, paged, `sort=${sort}`)).rows.map((r) => r.id);
    const down = (await everything(path, paged, `sort=-${sort}`)).rows.map((r) => r.id);
    expect(up.length).toBeGreaterThan(1);
    expect(down).toEqual([...up].reverse());

    for (const bad of ['nope', `${sort}%20desc`, '--createdAt']) {
      const res = await get(`${path}?sort=${bad}`);
      expect(res.status).toBe(422);
      expect(res.body.details[0].field).toBe('sort');
    }
    const since = await get(`${path}?updatedSince=2026-03-02`, { accept: 'text/csv' });
    expect(since.status).toBe(422);
  });

  it('answers the same rows as CSV when asked', async () => {
    const json = await everything(path, paged, 'sort=-updatedAt');
    const csv = await download(`${path}?sort=-updatedAt`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows: Array<Record<string, string>> = parse(csv.text, { columns: true });
    expect(rows.map((r) => r.id)).toEqual(json.rows.map((r) => r.id));
    expect(rows.map((r) => r.updatedAt ?? r.createdAt)).toEqual(json.rows.map((r) => r.updatedAt));
  });
});

describe('kanban card history', () => {
  it('pages through every card, closed ones too, and streams 10,000 of them as CSV', async () => {
    const { rows } = await t.db.query<{ id: string }>(
      `select id from products where code not like 'BULK-%' limit 1`,
    );
    const productId = rows[0].id;
    await t.db.query(
      `insert into kanban_cards (number, department, product_id, quantity, status, position)
       select 'KB-BULK-' || lpad(n::text, 5, '0'), 'SEWING', $1, n, 'CANCELLED', n
         from generate_series(1, 10000) n`,
      [productId],
    );
    const page = await get('/ppic/kanban/cards?status=CANCELLED&sort=number&limit=3&skip=1');
    expect(page.status).toBe(200);
    expect(page.body.total).toBeGreaterThanOrEqual(10_000);
    expect(page.body.items).toHaveLength(3);

    const res = await download('/ppic/kanban/cards?status=CANCELLED&sort=-number');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="kanban-cards.csv"');
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.chunks).toBeGreaterThan(10);
    expect(res.heapGrowth).toBeLessThan(50 * 1024 * 1024);
    const csv: Array<Record<string, string>> = parse(res.text, { columns: true });
    const bulk = csv.filter((r) => r.number.startsWith('KB-BULK-'));
    expect(bulk).toHaveLength(10_000);
    expect(bulk[0]).toMatchObject({ number: 'KB-BULK-10000', quantity: '10000', status: 'CANCELLED' });
    expect(bulk[9_999].number).toBe('KB-BULK-00001');
  });
});
