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
      if (item[method] && !path.startsWith('/api/v1/auth/'))
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
        'receivedQty',
        'goodQty',
        'position',
        'minQty',
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
        fc.record({ componentId: fc.string(), qtyNeeded: fc.anything(), department: fc.string() }),
      ),
    }),
  );
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
      fc.asyncProperty(fc.constantFrom(...writes), idLike, junk, async (route, id, body) => {
        const path = route.path.replace(/\{\w+\}/g, encodeURIComponent(String(id)));
        const res = await raw(t.baseUrl, path, {
          method: route.method,
          token: tokens.admin,
          body: JSON.stringify(body ?? null),
        });
        if (res.status >= 500)
          throw new Error(
            `${route.method} ${path} answered ${res.status}: ${JSON.stringify(res.body)} for ${JSON.stringify(body)}`,
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
      { numRuns: 500 },
    );
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
          fc.string({ maxLength: 30 }),
        ),
        async (route, id, query) => {
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
      { numRuns: 300 },
    );
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
