import { ppicFixtures } from './support/ppic-fixtures.js';
import { raw, startTestApp, type TestApp } from './support/test-app.js';

/**
 * SQL statements per command, as `/metrics` reports them (`kapok_http_request_statements`, counted by the
 * data source's logger, transaction control included). The targets are those of quality.md.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
let p: Awaited<ReturnType<typeof ppicFixtures>>;

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['warehouse', 'engineer', 'ppic', 'ppic_admin', 'manager', 'packing'])
    tokens[u] = (await t.as(u)).accessToken;
  p = await ppicFixtures(t, tokens);
});
afterAll(() => t.close());

/** Statements and requests so far, per route template. */
async function statements(): Promise<Map<string, { sum: number; count: number }>> {
  const text = await (await fetch(`${t.baseUrl}/metrics`)).text();
  const out = new Map<string, { sum: number; count: number }>();
  for (const m of text.matchAll(/^kapok_http_request_statements_(sum|count)\{([^}]*)\} (\S+)$/gm)) {
    const route = /route="([^"]*)"/.exec(m[2])![1];
    const entry = out.get(route) ?? { sum: 0, count: 0 };
    entry[m[1] as 'sum' | 'count'] += Number(m[3]);
    out.set(route, entry);
  }
  return out;
}

/** What the requests of `work` cost, per route template: statements per request. */
async function measure(work: () => Promise<void>): Promise<Record<string, number>> {
  const before = await statements();
  await work();
  const after = await statements();
  const cost: Record<string, number> = {};
  for (const [route, a] of after) {
    const b = before.get(route) ?? { sum: 0, count: 0 };
    if (a.count > b.count) cost[route] = (a.sum - b.sum) / (a.count - b.count);
  }
  return cost;
}

const ok = (res: { status: number; body: unknown }, status = 200) => {
  if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
};

describe('statements per command', () => {
  it('counts a request’s statements: who am I is a handful', async () => {
    const cost = await measure(async () => {
      ok(await raw(t.baseUrl, '/api/v1/auth/me', { token: tokens.packing }));
    });
    expect(cost['/api/v1/auth/me']).toBeGreaterThanOrEqual(1);
    expect(cost['/api/v1/auth/me']).toBeLessThanOrEqual(3);
  });

  it('a kanban card goes create → approve → ship → receive in at most 8 statements per transition', async () => {
    const product = await p.wh.product({ type: 'ACCESSORY' });
    await p.wh.receive(product.id, (await p.wh.rack()).id, 100);
    const call = (user: string, path: string, body: unknown = {}) =>
      raw(t.baseUrl, `/api/v1/ppic/kanban${path}`, {
        method: 'POST',
        token: tokens[user],
        body: JSON.stringify(body),
      });
    // Once to warm the caches of a first request (locations, people), then measured.
    for (const round of [0, 1]) {
      let id = '';
      const cost = await measure(async () => {
        id = ok(await call('packing', '/cards', { productId: product.id, quantity: 1 }), 201).id;
        ok(await call('warehouse', `/cards/${id}/approve`));
        ok(await call('warehouse', `/cards/${id}/ship`));
        ok(await call('packing', `/cards/${id}/receive`));
      });
      if (round === 0) continue;
      const perTransition = Object.values(cost).reduce((a, b) => a + b, 0) / 4;
      expect({ cost, perTransition }).toEqual({ cost, perTransition: expect.any(Number) });
      expect(perTransition).toBeLessThanOrEqual(8);
    }
  });

  /**
   * FG (PACKING) ← FIN (FINISHING) ← SKIN (SEWING) ← CUT (CUTTING), six purchased components at each
   * level, 1,000 of each in stock; `thresholds` puts a threshold on every material, half of them above
   * the stock (an alert open, updated by every posting) and half far below it.
   */
  async function article(thresholds: boolean) {
    const rack = await p.wh.rack();
    const all: string[] = [];
    const materials = async () => {
      const list = [];
      for (let i = 0; i < 6; i++) {
        const m = await p.wh.product({ type: 'ACCESSORY' });
        await p.wh.receive(m.id, rack.id, 1000);
        if (thresholds) {
          const minimumQuantity = all.length % 2 === 0 ? 5000 : 10;
          ok(
            await raw(t.baseUrl, '/api/v1/warehouse/alerts/thresholds', {
              method: 'POST',
              token: tokens.warehouse,
              body: JSON.stringify({ productId: m.id, minimumQuantity }),
            }),
            201,
          );
        }
        all.push(m.id);
        list.push(m.id);
      }
      return list;
    };
    const level = async (department: string, inner: string | null) => {
      const product = await p.wh.product({ type: department === 'PACKING' ? 'FINISHED_GOOD' : 'WIP' });
      const lines = (await materials()).map((componentId) => ({
        componentId,
        department,
        neededQuantity: 1,
      }));
      if (inner) lines.unshift({ componentId: inner, department, neededQuantity: 1 });
      await p.bom(product.id, lines);
      return product.id;
    };
    const cut = await level('CUTTING', null);
    const skin = await level('SEWING', cut);
    const fin = await level('FINISHING', skin);
    return { fg: await level('PACKING', fin), materials: all };
  }

  /** Statements of create → approve → start → complete of 2 pieces, the second time (caches warm). */
  async function orderCycle(fg: string) {
    let perOrder = 0;
    let cost: Record<string, number> = {};
    for (const round of [0, 1]) {
      cost = await measure(async () => {
        const mo = await p.mo(fg, 2);
        ok(await p.transition('manager', mo.id, 'approve'));
        ok(await p.transition('ppic', mo.id, 'start'));
        ok(await p.transition('ppic', mo.id, 'complete', { actualQuantity: 2 }));
      });
      if (round === 1) perOrder = Object.values(cost).reduce((a, b) => a + b, 0);
    }
    return { cost, perOrder };
  }

  it('a manufacturing order of 24 purchased components goes create → complete in at most 40 statements', async () => {
    const { fg } = await article(false);
    const { cost, perOrder } = await orderCycle(fg);
    expect({ cost, perOrder }).toEqual({ cost, perOrder: expect.any(Number) });
    expect(perOrder).toBeLessThanOrEqual(40);
  });

  it('with a stock threshold on every material, still at most 40, and every alert shows the stock after the order', async () => {
    const { fg, materials } = await article(true);
    const { cost, perOrder } = await orderCycle(fg);
    expect({ cost, perOrder }).toEqual({ cost, perOrder: expect.any(Number) });
    expect(perOrder).toBeLessThanOrEqual(40);
    // Two orders of 2 consumed 4 of each material: the open alerts (min 5,000) show 996, the others none.
    const { rows } = await t.db.query<{ product_id: string; level: string; available_now: string }>(
      `select product_id, level, available_now::float8::text as available_now from stock_alerts
        where product_id = any($1::uuid[]) and status <> 'RESOLVED'`,
      [materials],
    );
    expect(rows.map((r) => r.product_id).sort()).toEqual(materials.filter((_, i) => i % 2 === 0).sort());
    expect(new Set(rows.map((r) => `${r.level} ${r.available_now}`))).toEqual(new Set(['LOW 996']));
  });
});
