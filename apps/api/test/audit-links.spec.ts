import { AUDIT_ENTITY_TYPES } from '@kapok/contracts';
import { raw, startTestApp, type TestApp } from './support/test-app.js';

/** The audit log for people: each entry names its record by document number and links to its page. */
let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = (await t.as('admin')).accessToken;
});
afterAll(() => t.close());

interface Entry {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actor: { id: string; username: string; fullName: string } | null;
  link: { label: string; path: string | null } | null;
}
const api = (path: string) => raw(t.baseUrl, path, { token });
const page = async (query: string): Promise<{ items: Entry[]; total: number }> => {
  const res = await api(`/api/v1/admin/audit?${query}`);
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { items: Entry[]; total: number };
};

/** Statements per request of one route, as `/metrics` counts them. */
async function statementsOf(path: string): Promise<number> {
  const read = async () => {
    const text = await (await fetch(`${t.baseUrl}/metrics`)).text();
    const pick = (kind: string) =>
      [...text.matchAll(new RegExp(`^kapok_http_request_statements_${kind}\\{([^}]*)\\} (\\S+)$`, 'gm'))]
        .filter((m) => m[1].includes('route="/api/v1/admin/audit"'))
        .reduce((sum, m) => sum + Number(m[2]), 0);
    return { sum: pick('sum'), count: pick('count') };
  };
  const before = await read();
  expect((await api(path)).status).toBe(200);
  const after = await read();
  expect(after.count - before.count).toBe(1);
  return after.sum - before.sum;
}

describe('audit log for people', () => {
  it('names manufacturing orders by batch number with a link to the order', async () => {
    const { items } = await page('entityType=manufacturing_order&limit=20');
    expect(items.length).toBeGreaterThan(5);
    for (const e of items)
      expect(e.link).toEqual({
        label: expect.stringMatching(/^MO-\d{8}-\d{3}$/),
        path: `/ppic/orders/${e.entityId}`,
      });
  });

  it('names the records of every entity type the demo audited, and the person who acted by name', async () => {
    const seen = new Set<string>();
    for (const type of AUDIT_ENTITY_TYPES) {
      const { items } = await page(`entityType=${encodeURIComponent(type)}&limit=10`);
      for (const e of items) {
        seen.add(type);
        expect({ type, link: e.link }).toEqual({
          type,
          link: { label: expect.any(String), path: expect.anything() },
        });
        expect(e.link!.label).not.toBe('');
        if (e.actor) expect(e.actor.fullName).not.toBe('');
      }
    }
    // The demo covers the main documents; a type without a lookup would have failed above.
    for (const type of [
      'bom',
      'kanban_card',
      'work_order',
      'handover',
      'partner',
      'sales_order',
      'purchase_order',
    ])
      expect(seen).toContain(type);
    const cards = await page('entityType=kanban_card&limit=5');
    expect(cards.items[0].link!.path).toMatch(/^\/kanban\?department=[A-Z]+$/);
    const users = await page('entityType=user&includeLogins=true&limit=5');
    expect(users.items[0].link).toEqual({ label: expect.any(String), path: '/admin/users' });
  });

  it('filters by module through the entity types it owns; 422 for an unknown module', async () => {
    const production = await page('module=production&limit=100');
    expect(production.total).toBeGreaterThan(0);
    // Work orders and handovers, and the demo's line block and segregation alarm (shop-floor control).
    expect(new Set(production.items.map((e) => e.entityType))).toEqual(
      new Set(['work_order', 'handover', 'line_block', 'segregation_alarm']),
    );
    const ppic = await page('module=ppic&limit=100');
    expect(new Set(ppic.items.map((e) => e.entityType))).toEqual(new Set(['manufacturing_order']));
    const both = await page('module=production&entityType=manufacturing_order');
    expect(both.total).toBe(0);
    expect((await api('/api/v1/admin/audit?module=canteen')).status).toBe(422);
  });

  it('filters by the user who acted, by id', async () => {
    const me = (await api('/api/v1/auth/me')).body as { id: string };
    await t.signIn('admin');
    const mine = await page(`actor=${me.id}&includeLogins=true&limit=50`);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((e) => e.actor?.id === me.id)).toBe(true);
  });

  it('reads the links in one query per entity type, however long the page (no query per row)', async () => {
    // The names of the people who acted are cached; read them once so both pages find them there.
    await page('limit=200');
    await page('entityType=work_order&limit=100');
    const few = await statementsOf('/api/v1/admin/audit?entityType=work_order&limit=2');
    const many = await statementsOf('/api/v1/admin/audit?entityType=work_order&limit=100');
    expect(many).toBe(few);
    const mixed = await statementsOf('/api/v1/admin/audit?limit=200');
    const types = new Set((await page('limit=200')).items.map((e) => e.entityType)).size;
    expect(types).toBeGreaterThan(3);
    // The page and its count, then one lookup per entity type on the page.
    expect(mixed).toBe(few - 1 + types);
  });
});
