import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { checkLedger } from '../src/modules/warehouse/stock/ledger-check.js';
import { freePort } from '../src/tools/temporary-postgres.js';
import { eventually } from './support/eventually.js';
import { ppicFixtures } from './support/ppic-fixtures.js';
import { raw, startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['admin', 'warehouse', 'engineer', 'ppic', 'ppic_admin', 'manager'])
    tokens[u] = (await t.as(u)).accessToken;
});
afterAll(() => t.close());

/** Row counts of every business table: a refused request must leave them as they were. */
async function counts(): Promise<Record<string, number>> {
  const { rows } = await t.db.query(`
    select 'products' as t, count(*)::int as n from products union all select 'locations', count(*) from locations
    union all select 'lots', count(*) from lots union all select 'stock_moves', count(*) from stock_moves
    union all select 'stock_balances', count(*) from stock_balances union all select 'stock_reservations', count(*) from stock_reservations
    union all select 'stock_thresholds', count(*) from stock_thresholds union all select 'boms', count(*) from boms
    union all select 'bom_lines', count(*) from bom_lines union all select 'kanban_cards', count(*) from kanban_cards
    union all select 'kanban_rules', count(*) from kanban_rules union all select 'manufacturing_orders', count(*) from manufacturing_orders
    union all select 'work_orders', count(*) from work_orders union all select 'handovers', count(*) from handovers
    union all select 'users', count(*) from users union all select 'audit_log', count(*) from audit_log`);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

describe('bad input, property-based, on every write route of openapi.json', () => {
  const document = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../../libs/api-client/openapi.json'), 'utf8'),
  );
  const writes: Array<{ method: string; path: string }> = [];
  for (const [path, item] of Object.entries(document.paths) as Array<[string, Record<string, unknown>]>) {
    for (const method of ['post', 'put', 'delete']) {
      // Starting an MRP run takes no id and only optional fields: any object is a valid request.
      if (item[method] && !path.startsWith('/api/v1/auth/') && path !== '/api/v1/planning/mrp/runs')
        writes.push({ method: method.toUpperCase(), path });
    }
  }

  const junk = fc.oneof(
    fc.anything(),
    fc.dictionary(
      fc.constantFrom(
        'quantity',
        'productId',
        'ids',
        'lines',
        'code',
        'version',
        'permissions',
        'reason',
        'receivedQuantity',
        'goodQuantity',
        'position',
        'minimumQuantity',
        'status',
        'x',
      ),
      fc.anything(),
    ),
    fc.record({
      quantity: fc.oneof(fc.double(), fc.string(), fc.constant(-1), fc.constant(1e300)),
      productId: fc.oneof(fc.uuid(), fc.string()),
    }),
    fc.record({ ids: fc.array(fc.oneof(fc.uuid(), fc.string(), fc.integer())), atomic: fc.anything() }),
    fc.record({
      lines: fc.array(
        fc.record({ componentId: fc.string(), neededQuantity: fc.anything(), department: fc.string() }),
      ),
    }),
  );
  // What broke the API once: NUL and other control characters, lone surrogates, dates PostgreSQL
  // cannot hold or that do not exist, numbers past what a double or numeric(18,4) keeps.
  const nastyText = fc.oneof(
    fc.string(),
    fc.constantFrom(
      'a\u0000b',
      '\u0000',
      '\u0007',
      '\u001b[31m',
      'x\u007f',
      '\ud800',
      '\udfff',
      'a\ud83d',
      '🧸\udc00',
    ),
    fc.string().map((s) => `${s}\u0000`),
  );
  const nastyDate = fc.oneof(
    fc.constantFrom(
      '-271821-04-20',
      '+275760-09-13',
      '2026-02-30',
      '1899-12-31',
      '2101-01-01',
      '0000-01-01',
      '2026-06-01T24:61:00Z',
    ),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.integer().map((n) => `${n}-01-01`),
  );
  const nastyNumber = fc.oneof(
    fc.constantFrom(1e20, -1e20, 1e308, 99_999_999_999_999, 12_345_678_901_234.57, 1e-7, 0.00001, 4e-323, -0),
    fc.double(),
    fc.integer({ min: -1e15, max: 1e15 }),
  );
  const nastyValue = fc.oneof(nastyText, nastyDate, nastyNumber);
  const nastyBody = fc.oneof(
    fc.dictionary(
      fc.constantFrom(
        'name',
        'code',
        'reason',
        'quantity',
        'receivedAt',
        'neededBy',
        'dueDate',
        'fullName',
        'notes',
        'lotNumber',
        'version',
        'factor',
      ),
      nastyValue,
    ),
    fc.record({
      productId: fc.uuid(),
      locationId: fc.uuid(),
      quantity: nastyNumber,
      uom: fc.constantFrom('ROLL', 'PCS'),
      receivedAt: nastyDate,
    }),
    fc.record({
      unitConversions: fc.array(
        fc.record({ uom: fc.constantFrom('ROLL', 'CARTON'), factor: fc.oneof(nastyNumber, fc.anything()) }),
        { maxLength: 3 },
      ),
    }),
  );
  // Raw JSON texts: numbers a double cannot hold, deep and wide nesting.
  const rawText = fc.oneof(
    fc.constantFrom(
      '{"quantity":1.00000000000000000000000000001}',
      '{"quantity":12345678901234.5678}',
      '{"quantity":1e400}',
      '{"version":99999999999999999999}',
    ),
    fc.integer({ min: 30, max: 6000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
    fc
      .integer({ min: 30, max: 1000 })
      .map((d) => '{"lines":' + '{"x":'.repeat(d) + '1' + '}'.repeat(d) + '}'),
    fc
      .integer({ min: 100, max: 20_000 })
      .map((n) => JSON.stringify({ ids: Array.from({ length: n }, (_, i) => `id-${i}`) })),
    fc
      .integer({ min: 100, max: 5_000 })
      .map((n) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])))),
  );
  const body = fc.oneof(
    { weight: 3, arbitrary: junk.map((b) => JSON.stringify(b ?? null)) },
    { weight: 3, arbitrary: nastyBody.map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: rawText },
  );
  const tried = new Map<string, number>();
  const report = (title: string) => {
    const lines = [...tried.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([r, n]) => `  ${String(n).padStart(4)}  ${r}`);
    console.log(
      `${title}: ${[...tried.values()].reduce((a, b) => a + b, 0)} inputs on ${tried.size} routes\n${lines.join('\n')}`,
    );
    tried.clear();
  };

  const idLike = fc.oneof(
    fc.uuid(),
    fc.constant('00000000-0000-4000-8000-000000000000'),
    fc.string({ maxLength: 40 }),
    fc.constant('%00'),
    fc.constant('..'),
  );

  it(`answers 4xx in the error shape, never 5xx, and writes nothing (${writes.length} routes)`, async () => {
    expect(writes.length).toBeGreaterThan(30);
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), idLike, body, async (route, id, text) => {
        const path = route.path.replace(/\{\w+\}/g, encodeURIComponent(String(id)));
        const name = `${route.method} ${route.path}`;
        tried.set(name, (tried.get(name) ?? 0) + 1);
        const res = await raw(t.baseUrl, path, {
          method: route.method,
          token: tokens.admin,
          body: text,
        });
        if (res.status >= 500)
          throw new Error(
            `${route.method} ${path} answered ${res.status}: ${JSON.stringify(res.body)} for ${text.slice(0, 300)}`,
          );
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.body).toMatchObject({
          statusCode: res.status,
          code: expect.any(String),
          message: expect.any(String),
          requestId: expect.any(String),
        });
        expect(JSON.stringify(res.body)).not.toMatch(/\bat \w+ \(|select .* from|QueryFailedError/i);
      }),
      { numRuns: 1500 },
    );
    report('write routes');
    expect(await counts()).toEqual(before);
    expect(await checkLedger(t.app.get(DataSource))).toEqual([]);
  });

  it('answers 4xx for random query strings and ids on the read routes', async () => {
    const reads = Object.keys(document.paths).filter((p) => document.paths[p].get && !p.includes('/events'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...reads),
        idLike,
        fc.dictionary(
          fc.constantFrom(
            'skip',
            'limit',
            'state',
            'from',
            'to',
            'quantity',
            'productId',
            'type',
            'search',
            'late',
          ),
          fc.oneof(fc.string({ maxLength: 30 }), nastyText, nastyDate, nastyNumber.map(String)),
        ),
        async (route, id, query) => {
          tried.set(`GET ${route}`, (tried.get(`GET ${route}`) ?? 0) + 1);
          const qs = new URLSearchParams(query).toString();
          const res = await raw(
            t.baseUrl,
            `${route.replace(/\{\w+\}/g, encodeURIComponent(String(id)))}?${qs}`,
            { token: tokens.admin },
          );
          if (res.status >= 500)
            throw new Error(`GET ${route}?${qs} answered ${res.status}: ${JSON.stringify(res.body)}`);
        },
      ),
      { numRuns: 800 },
    );
    report('read routes');
  });
});

describe('the API process killed in the middle of a batch', () => {
  it('leaves every order fully started or untouched, and the ledger consistent, after SIGKILL and restart', async () => {
    const p = await ppicFixtures(t, tokens);
    const a = await p.article({ fabric: 100_000, label: 10_000, carton: 10_000 });
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await p.mo(a.fg.id, 10)).id);
    const approved = await p.call('manager', 'POST', '/ppic/tasks/batch/approve', { ids });
    expect(approved.status).toBe(200);

    const main = resolve(import.meta.dirname, '../dist/main.js');
    const start = async () => {
      const port = await freePort();
      const child = spawn(process.execPath, [main], {
        env: {
          PATH: process.env.PATH ?? '',
          PORT: String(port),
          DATABASE_URL: t.databaseUrl,
          JWT_SECRET: TEST_JWT_SECRET,
          KAPOK_SEED_DEMO: 'false',
          LOG_LEVEL: 'silent',
        },
        stdio: 'ignore',
      });
      const url = `http://127.0.0.1:${port}`;
      expect(
        await eventually(
          async () => (await fetch(`${url}/api/v1/health/ready`).catch(() => undefined))?.ok ?? false,
          300,
        ),
      ).toBe(true);
      return { child, url };
    };
    const first = await start();
    const atomic = fetch(`${first.url}/api/v1/ppic/tasks/batch/start`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.ppic_admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ids: ids.slice(0, 20) }),
    }).catch(() => undefined);
    const oneByOne = fetch(`${first.url}/api/v1/ppic/tasks/batch/start`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.ppic_admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ids: ids.slice(20), atomic: false }),
    }).catch(() => undefined);
    // Kill once the non-atomic batch has committed some orders but not all.
    await eventually(
      async () => {
        const { rows } = await t.db.query(
          `select count(*)::int as n from manufacturing_orders where id = any($1) and state = 'IN_PROGRESS'`,
          [ids.slice(20)],
        );
        return rows[0].n > 0;
      },
      400,
      10,
    );
    first.child.kill('SIGKILL');
    await Promise.all([atomic, oneByOne]);

    const second = await start();
    const { rows } = await t.db.query(
      `select mo.id, mo.state,
              (select count(*)::int from work_orders wo where wo.mo_id = mo.id) as work_orders,
              (select count(*)::int from stock_reservations r join work_orders wo on wo.id = r.document_id
                where wo.mo_id = mo.id and r.status = 'OPEN') as reservations
         from manufacturing_orders mo where mo.id = any($1)`,
      [ids],
    );
    for (const r of rows) {
      if (r.state === 'IN_PROGRESS') expect([r.work_orders > 0, r.reservations > 0]).toEqual([true, true]);
      else expect(r).toMatchObject({ state: 'APPROVED', work_orders: 0, reservations: 0 });
    }
    const atomicStates = new Set(rows.filter((r) => ids.slice(0, 20).includes(r.id)).map((r) => r.state));
    expect(atomicStates.size).toBe(1);
    expect(await checkLedger(t.app.get(DataSource))).toEqual([]);
    // The restarted API works on: the untouched orders can still be started.
    const rest = rows.filter((r) => r.state === 'APPROVED').map((r) => r.id);
    if (rest.length) {
      const res = await fetch(`${second.url}/api/v1/ppic/tasks/batch/start`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.ppic_admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ids: rest }),
      });
      expect(res.status).toBe(200);
    }
    second.child.kill('SIGTERM');
    await new Promise((done) => second.child.once('exit', done));
    expect(await checkLedger(t.app.get(DataSource))).toEqual([]);
  });
});
