import { raw, startTestApp, type TestApp } from './support/test-app.js';
import { ppicFixtures } from './support/ppic-fixtures.js';

/** GET /me/work: what waits for the signed-in user, by permissions and department. */
let t: TestApp;
const tokens: Record<string, string> = {};
let p: Awaited<ReturnType<typeof ppicFixtures>>;

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['warehouse', 'engineer', 'ppic', 'ppic_admin', 'manager', 'packing', 'cutting', 'viewer'])
    tokens[u] = (await t.as(u)).accessToken;
  p = await ppicFixtures(t, tokens);
});
afterAll(() => t.close());

type Section = { key: string; count: number; items: Array<{ id: string; kind: string; number: string }> };
const work = async (user: string): Promise<Section[]> => {
  const res = await p.call(user, 'GET', '/me/work');
  expect(res.status).toBe(200);
  return res.body.sections;
};
const section = (sections: Section[], key: string) => sections.find((s) => s.key === key);

describe('my work', () => {
  it('answers only the sections a role works, in a fixed order; a viewer has none; no token is 401', async () => {
    expect((await work('manager')).map((s) => s.key)).toEqual(['mos_to_approve', 'cards_to_approve']);
    expect((await work('ppic_admin')).map((s) => s.key)).toEqual(['mos_to_start']);
    expect((await work('ppic')).map((s) => s.key)).toEqual(['mos_to_approve', 'mos_to_start']);
    expect((await work('warehouse')).map((s) => s.key)).toEqual([
      'cards_to_approve',
      'cards_to_ship',
      'open_alerts',
    ]);
    expect((await work('packing')).map((s) => s.key)).toEqual([
      'work_orders',
      'incoming_handovers',
      'cards_to_receive',
    ]);
    expect(await work('viewer')).toEqual([]);
    expect((await raw(t.baseUrl, '/api/v1/me/work')).status).toBe(401);
  });

  it('follows the data: an order to approve appears for others but not for its creator, then moves to start', async () => {
    const a = await p.article();
    const before = section(await work('manager'), 'mos_to_approve')!.count;
    const mo = await p.mo(a.fg.id, 10, {}, 'ppic');
    const managerSees = section(await work('manager'), 'mos_to_approve')!;
    expect(managerSees.count).toBe(before + 1);
    expect(managerSees.items.length).toBeLessThanOrEqual(5);
    const mine = section(await work('ppic'), 'mos_to_approve')!;
    expect(mine.items.map((i) => i.id)).not.toContain(mo.id);
    const startsBefore = section(await work('ppic_admin'), 'mos_to_start')!.count;
    await p.transition('manager', mo.id, 'approve');
    expect(section(await work('manager'), 'mos_to_approve')!.count).toBe(before);
    expect(section(await work('ppic_admin'), 'mos_to_start')!.count).toBe(startsBefore + 1);
  });

  it('cards: to approve for the warehouse, then to ship, then to receive for the requesting line', async () => {
    const product = await p.wh.product({ type: 'ACCESSORY' });
    const rack = await p.wh.rack();
    await p.wh.receive(product.id, rack.id, 50);
    const count = async (user: string, key: string) => section(await work(user), key)!.count;
    const [approve, ship, receive] = [
      await count('warehouse', 'cards_to_approve'),
      await count('warehouse', 'cards_to_ship'),
      await count('packing', 'cards_to_receive'),
    ];
    const card = (
      await p.call('packing', 'POST', '/ppic/kanban/cards', { productId: product.id, quantity: 5 })
    ).body;
    expect(await count('warehouse', 'cards_to_approve')).toBe(approve + 1);
    await p.call('warehouse', 'POST', `/ppic/kanban/cards/${card.id}/approve`, {});
    expect(await count('warehouse', 'cards_to_approve')).toBe(approve);
    expect(await count('warehouse', 'cards_to_ship')).toBe(ship + 1);
    await p.call('warehouse', 'POST', `/ppic/kanban/cards/${card.id}/ship`, {});
    expect(await count('packing', 'cards_to_receive')).toBe(receive + 1);
    const items = section(await work('packing'), 'cards_to_receive')!.items;
    if (receive + 1 <= 5) expect(items.map((i) => i.id)).toContain(card.id);
    expect(items.every((i) => i.kind === 'kanban_card')).toBe(true);
  });

  it('a line sees its own work orders and the handovers it must count in', async () => {
    const a = await p.article({ fabric: 100, label: 50, carton: 50 });
    const mo = await p.mo(a.fg.id, 10);
    await p.transition('manager', mo.id, 'approve');
    await p.transition('ppic_admin', mo.id, 'start');
    const cuttingWork = section(await work('cutting'), 'work_orders')!;
    const [cutting] = (await p.call('ppic', 'GET', `/production/work-orders?moId=${mo.id}`)).body.items;
    expect(cuttingWork.count).toBeGreaterThanOrEqual(1);
    expect(
      (await work('packing')).find((s) => s.key === 'work_orders')!.items.map((i) => i.id),
    ).not.toContain(cutting.id);
  });
});
