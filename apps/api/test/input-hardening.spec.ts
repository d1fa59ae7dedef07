import { raw, startTestApp, type TestApp } from './support/test-app.js';
import { warehouseFixtures } from './support/warehouse-fixtures.js';

let t: TestApp;
let token: string;
let f: ReturnType<typeof warehouseFixtures>;
beforeAll(async () => {
  t = await startTestApp();
  token = (await t.as('admin')).accessToken;
  f = warehouseFixtures(t, () => token);
});
afterAll(() => t.close());

const send = (method: string, path: string, body: string, headers: Record<string, string> = {}) =>
  raw(t.baseUrl, `/api/v1${path}`, { method, token, body, headers });

const errorShape = (status: number) => ({
  statusCode: status,
  code: expect.any(String),
  message: expect.any(String),
  requestId: expect.any(String),
});

describe('the text rule', () => {
  it('refuses NUL and other control characters in a body text, a query parameter and a path parameter', async () => {
    for (const name of ['a\u0000b', 'bell\u0007', 'esc\u001b[0m', 'del\u007f']) {
      const res = await send(
        'POST',
        '/warehouse/products',
        JSON.stringify({ code: 'NUL-1', name, type: 'RAW_MATERIAL', uom: 'PCS' }),
      );
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        ...errorShape(422),
        details: [{ field: 'name', messages: [expect.stringMatching(/control/)] }],
      });
    }
    expect((await raw(t.baseUrl, '/api/v1/warehouse/products?search=%00', { token })).status).toBe(422);
    expect(
      (await raw(t.baseUrl, '/api/v1/admin/roles/%00x', { method: 'PUT', token, body: '{}' })).status,
    ).toBe(422);
    // Tabs and line breaks are ordinary text.
    const ok = await send(
      'POST',
      '/warehouse/products',
      JSON.stringify({
        code: 'TAB-1',
        name: 'a\tb\r\nline 2',
        type: 'RAW_MATERIAL',
        uom: 'PCS',
      }),
    );
    expect(ok.status).toBeLessThan(300);
  });

  it('refuses unpaired surrogates but keeps paired ones (emoji)', async () => {
    for (const escaped of ['\\ud800', '\\udc00x', 'a\\ud83d']) {
      const res = await send(
        'POST',
        '/warehouse/products',
        `{"code":"SUR-1","name":"${escaped}","type":"RAW_MATERIAL","uom":"PCS"}`,
      );
      expect(res.status).toBe(422);
      expect(res.body.message).toMatch(/surrogate/);
    }
    const emoji = await send(
      'POST',
      '/warehouse/products',
      JSON.stringify({ code: 'EMO-1', name: 'Bear 🧸', type: 'RAW_MATERIAL', uom: 'PCS' }),
    );
    expect(emoji.status).toBe(201);
    expect(emoji.body.name).toBe('Bear 🧸');
  });

  it('refuses a body that is not UTF-8', async () => {
    const res = await raw(t.baseUrl, '/api/v1/warehouse/products', {
      method: 'POST',
      token,
      body: Buffer.from([0x7b, 0x22, 0x63, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject(errorShape(400));
  });
});

describe('dates', () => {
  it.each([
    '-271821-04-20',
    '+275760-09-13',
    '2026-02-30',
    '1899-12-31',
    '2101-01-01',
    '2026-13-01',
    '1e20',
    '2026-06-01T25:00:00Z',
  ])('refuses %s in a query and a body', async (value) => {
    const query = await raw(t.baseUrl, `/api/v1/admin/audit?from=${encodeURIComponent(value)}`, { token });
    expect(query.status).toBe(422);
    expect(query.body).toMatchObject(errorShape(422));
    const p = await f.product();
    const rack = await f.rack();
    const body = await send(
      'POST',
      '/warehouse/stock/receipts',
      JSON.stringify({
        productId: p.id,
        locationId: rack.id,
        quantity: 1,
        lotNumber: 'L-DATE',
        receivedAt: value,
      }),
    );
    expect(body.status).toBe(422);
    expect(body.body.details).toEqual([
      {
        field: 'receivedAt',
        messages: [expect.stringMatching(/real date between 1900-01-01 and 2100-12-31/)],
      },
    ]);
    const dashboard = await raw(
      t.baseUrl,
      `/api/v1/ppic/dashboard/performance?from=${encodeURIComponent(value)}`,
      { token },
    );
    expect(dashboard.status).toBe(422);
  });

  it('checks the calendar in YYYY-MM-DD fields of orders too', async () => {
    for (const [path, field, body] of [
      ['/purchasing/orders', 'orderDate', { orderDate: '2026-02-30' }],
      ['/purchasing/orders', 'lines.0.expectedDate', { lines: [{ expectedDate: '0000-01-01' }] }],
      ['/sales/orders', 'orderDate', { orderDate: '2100-13-01' }],
    ] as const) {
      const res = await send('POST', path, JSON.stringify(body));
      expect(res.status).toBe(422);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it('refuses a date given as a number and accepts real dates at the edges of the range', async () => {
    const p = await f.product();
    const rack = await f.rack();
    const number = await send(
      'POST',
      '/warehouse/stock/receipts',
      JSON.stringify({
        productId: p.id,
        locationId: rack.id,
        quantity: 1,
        lotNumber: 'L-NUM',
        receivedAt: 8.64e15,
      }),
    );
    expect(number.status).toBe(422);
    for (const [lot, at] of [
      ['L-LEAP', '2028-02-29'],
      ['L-EDGE', '2100-12-31T23:59:59Z'],
      ['L-OLD', '1900-01-01T00:00:00+07:00'],
    ]) {
      const res = await send(
        'POST',
        '/warehouse/stock/receipts',
        JSON.stringify({ productId: p.id, locationId: rack.id, quantity: 1, lotNumber: lot, receivedAt: at }),
      );
      expect(res.status).toBe(201);
    }
  });
});

describe('numbers', () => {
  it.each(['1e20', '100000000000000000000', '1.5', '-1', '0x10', ' 5'])(
    'refuses skip=%s with 422',
    async (skip) => {
      const res = await raw(t.baseUrl, `/api/v1/warehouse/products?skip=${encodeURIComponent(skip)}`, {
        token,
      });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject(errorShape(422));
    },
  );

  it('refuses a number JavaScript cannot hold exactly instead of rounding it', async () => {
    const p = await f.product({ uom: 'METER' });
    const rack = await f.rack();
    for (const quantity of [
      '1.00000000000000000000000000001',
      '12345678901234.5678',
      '1e400',
      '99999999999999999999',
    ]) {
      const res = await send(
        'POST',
        '/warehouse/stock/receipts',
        `{"productId":"${p.id}","locationId":"${rack.id}","quantity":${quantity}}`,
      );
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject(errorShape(422));
    }
    expect(
      (
        await send(
          'POST',
          '/warehouse/stock/receipts',
          JSON.stringify({ productId: p.id, locationId: rack.id, quantity: 1.00001 }),
        )
      ).status,
    ).toBe(422);
    expect((await f.stock(p.id)).onHand).toBe(0);
    expect(
      (
        await send(
          'POST',
          '/warehouse/stock/receipts',
          `{"productId":"${p.id}","locationId":"${rack.id}","quantity":1.2500}`,
        )
      ).status,
    ).toBe(201);
    expect((await f.stock(p.id)).onHand).toBe(1.25);
  });

  it('refuses a quantity that overflows the stock column after unit conversion', async () => {
    const p = await f.product({ uom: 'METER', unitConversions: [{ uom: 'ROLL', factor: 50 }] });
    const rack = await f.rack();
    const res = await send(
      'POST',
      '/warehouse/stock/receipts',
      JSON.stringify({ productId: p.id, locationId: rack.id, quantity: 99_999_999_999_999, uom: 'ROLL' }),
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INVALID_MOVE');
    expect((await f.stock(p.id)).onHand).toBe(0);
  });
});

describe('JSON shape and size', () => {
  it('refuses a 5,000-deep body and deeply nested conversions with 422 before parsing', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const res = await send('POST', '/warehouse/products', deep);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject(errorShape(422));
    let factor = '1';
    for (let i = 0; i < 1000; i++) factor = `{"factor":${factor}}`;
    const nested = await send(
      'POST',
      '/warehouse/products',
      `{"code":"DEEP-1","name":"x","type":"RAW_MATERIAL","uom":"PCS","unitConversions":[{"uom":"ROLL","factor":${factor}}]}`,
    );
    expect(nested.status).toBe(422);
    const shallow = await send(
      'POST',
      '/warehouse/products',
      `{"code":"DEEP-2","name":"x","type":"RAW_MATERIAL","uom":"PCS","unitConversions":[{"uom":"ROLL","factor":{"factor":2}}]}`,
    );
    expect(shallow.status).toBe(422);
    const { rows } = await t.db.query(`select count(*)::int as n from products where code like 'DEEP-%'`);
    expect(rows[0].n).toBe(0);
  });

  it('answers Fastify-level errors in the error shape with a request id: 413, 414, 415, malformed JSON', async () => {
    const big = await send('POST', '/warehouse/products', JSON.stringify({ name: 'x'.repeat(1_100_000) }));
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject(errorShape(413));
    const login = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'admin', password: 'x'.repeat(5000) }),
    });
    expect(login.status).toBe(413);
    expect(login.body).toMatchObject(errorShape(413));
    const long = await raw(t.baseUrl, `/api/v1/warehouse/products/${'a'.repeat(500)}`, { token });
    expect(long.status).toBe(414);
    expect(long.body).toMatchObject(errorShape(414));
    expect(long.headers.get('x-request-id')).toBe(long.body.requestId);
    const text = await send('POST', '/warehouse/products', 'hello', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject(errorShape(415));
    const malformed = await send('POST', '/warehouse/products', '{"code": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ ...errorShape(400), code: 'BAD_REQUEST' });
    const poisoned = await send('POST', '/warehouse/products', '{"__proto__":{"admin":true}}');
    expect(poisoned.status).toBe(400);
    expect(poisoned.body).toMatchObject(errorShape(400));
  });

  it('refuses 20 parallel 1 MB nested bodies from nobody, while health answers', async () => {
    const nested = '{"a":'.repeat(30) + `"${'x'.repeat(1_000_000)}"` + '}'.repeat(30);
    const deep = '['.repeat(400_000) + ']'.repeat(400_000);
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        raw(t.baseUrl, '/api/v1/warehouse/products', { method: 'POST', body: i % 2 ? nested : deep }),
      ),
      raw(t.baseUrl, '/api/v1/health/live'),
    ]);
    const health = answers.pop()!;
    expect(health.status).toBe(200);
    for (const a of answers) {
      expect([401, 413, 422]).toContain(a.status);
      expect(a.body).toMatchObject(errorShape(a.status));
    }
  });
});
