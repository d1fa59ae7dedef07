import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { checkLedger } from '../src/modules/warehouse/stock/ledger-check.js';
import { ppicFixtures } from './support/ppic-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
let p: Awaited<ReturnType<typeof ppicFixtures>>;

beforeAll(async () => {
  t = await startTestApp({ DB_POOL_SIZE: '30' });
  for (const u of ['warehouse', 'engineer', 'ppic', 'ppic_admin', 'manager', 'viewer', 'cutting'])
    tokens[u] = (await t.as(u)).accessToken;
  p = await ppicFixtures(t, tokens);
});
afterEach(async () => {
  expect(await checkLedger(t.app.get(DataSource))).toEqual([]);
});
afterAll(() => t.close());

const audit = async (id: string) =>
  (
    await t.app
      .get(DataSource)
      .query(`select action, before, after from audit_log where entity_id = $1 order by at, action`, [id])
  ).map((r: { action: string }) => r) as Array<{
    action: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }>;

describe('MO return to draft', () => {
  it('sends an APPROVED order back to DRAFT with a reason: approval and frozen BOM dropped, audited, on the timeline', async () => {
    const a = await p.article();
    const mo = await p.mo(a.fg.id, 10);
    await p.transition('manager', mo.id, 'approve', { notes: 'ok' });
    const approved = await p.call('manager', 'GET', `/ppic/tasks/${mo.id}`);
    expect(approved.body.actions).toContain('return');
    // The shortage stays visible after approval: free rack stock against the frozen needs.
    const fabric = () =>
      p
        .call('manager', 'GET', `/ppic/tasks/${mo.id}`)
        .then((r) => r.body.materials.find((x: { productId: string }) => x.productId === a.fabric.id));
    expect(await fabric()).toMatchObject({ quantity: 20, available: 0, shortage: 20 });
    await p.wh.receive(a.fabric.id, a.rack.id, 15);
    expect(await fabric()).toMatchObject({ quantity: 20, available: 15, shortage: 5 });
    await p.wh.receive(a.fabric.id, a.rack.id, 10);
    expect(await fabric()).toMatchObject({ available: 25, shortage: 0 });

    expect((await p.transition('manager', mo.id, 'return', {})).status).toBe(422);
    expect((await p.transition('manager', mo.id, 'return', { reason: '  ' })).status).toBe(422);
    expect((await p.transition('ppic_admin', mo.id, 'return', { reason: 'Not mine' })).status).toBe(403);
    expect((await p.transition('viewer', mo.id, 'return', { reason: 'Not mine' })).status).toBe(403);

    const back = await p.transition('manager', mo.id, 'return', { reason: 'Buyer revised the forecast' });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({
      state: 'DRAFT',
      approvedBy: null,
      approvedAt: null,
      approveNotes: null,
      bomId: null,
      bomRevision: null,
    });
    const detail = (await p.call('ppic_admin', 'GET', `/ppic/tasks/${mo.id}`)).body;
    expect(detail.materials).toEqual([]);
    expect(detail.timeline.map((e: { event: string }) => e.event)).toEqual([
      'created',
      'approved',
      'returned',
    ]);
    expect(detail.timeline[2]).toMatchObject({
      notes: 'Buyer revised the forecast',
      actor: { username: 'manager' },
    });
    const rows = await audit(mo.id);
    expect(rows.find((r) => r.action === 'manufacturing_order.returned')).toMatchObject({
      before: { state: 'APPROVED' },
      after: { state: 'DRAFT', returnReason: 'Buyer revised the forecast' },
    });
    // It can be approved again (the BOM frozen anew).
    const again = await p.transition('manager', mo.id, 'approve');
    expect(again.body).toMatchObject({ state: 'APPROVED', bomRevision: 1 });
  });

  it('only from APPROVED: a DRAFT, an IN_PROGRESS or a CANCELLED order answers 409 naming its state', async () => {
    const a = await p.article({ fabric: 100, label: 50, carton: 50 });
    const draft = await p.mo(a.fg.id, 5);
    const r1 = await p.transition('manager', draft.id, 'return', { reason: 'Not yet' });
    expect(r1.status).toBe(409);
    expect(r1.body).toMatchObject({ code: 'INVALID_STATE', details: { currentState: 'DRAFT' } });
    const started = await p.mo(a.fg.id, 5);
    await p.transition('manager', started.id, 'approve');
    expect((await p.transition('ppic_admin', started.id, 'start')).status).toBe(200);
    const r2 = await p.transition('manager', started.id, 'return', { reason: 'Too late' });
    expect(r2.body).toMatchObject({ code: 'INVALID_STATE', details: { currentState: 'IN_PROGRESS' } });
    expect((await p.transition('manager', randomUUID(), 'return', { reason: 'Nobody' })).status).toBe(404);
  });

  it('a return racing a start: exactly one wins, and the loser changes nothing', async () => {
    const a = await p.article({ fabric: 100, label: 50, carton: 50 });
    const mo = await p.mo(a.fg.id, 5);
    await p.transition('manager', mo.id, 'approve');
    const [ret, start] = await Promise.all([
      p.transition('manager', mo.id, 'return', { reason: 'Hold it' }),
      p.transition('ppic_admin', mo.id, 'start'),
    ]);
    expect([ret.status, start.status].sort()).toEqual([200, 409]);
    const detail = (await p.call('ppic', 'GET', `/ppic/tasks/${mo.id}`)).body;
    if (ret.status === 200) {
      expect(detail.state).toBe('DRAFT');
      expect(detail.workOrders).toEqual([]);
      expect((await p.wh.stock(a.fabric.id)).reserved).toBe(0);
    } else expect(detail.state).toBe('IN_PROGRESS');
  });
});

describe('MO draft edit', () => {
  const plan = (productId: string, over: Record<string, unknown> = {}) => ({
    productId,
    plannedQuantity: 12,
    route: 'ROUTE_2',
    dueDate: '2027-01-15',
    week: '03-2027',
    destination: 'Japan',
    notes: 'Second lot',
    ...over,
  });

  it('rewrites a draft at its version; a stale version is 409 STALE_VERSION; audited before/after', async () => {
    const a = await p.article();
    const mo = await p.mo(a.fg.id, 10);
    const edited = await p.call('ppic_admin', 'PUT', `/ppic/tasks/${mo.id}`, {
      ...plan(a.fg.id),
      version: mo.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      id: mo.id,
      batchNumber: mo.batchNumber,
      state: 'DRAFT',
      plannedQuantity: 12,
      dueDate: '2027-01-15',
      week: '03-2027',
      destination: 'Japan',
      notes: 'Second lot',
      version: mo.version + 1,
    });
    const stale = await p.call('ppic_admin', 'PUT', `/ppic/tasks/${mo.id}`, {
      ...plan(a.fg.id, { plannedQuantity: 99 }),
      version: mo.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: mo.version + 1 } });
    expect((await p.call('ppic', 'GET', `/ppic/tasks/${mo.id}`)).body.plannedQuantity).toBe(12);
    const row = (await audit(mo.id)).find((r) => r.action === 'manufacturing_order.updated');
    expect(row).toMatchObject({
      before: { plannedQuantity: 10, destination: 'Belgium' },
      after: { plannedQuantity: 12 },
    });
    // Omitted optional fields are cleared (PUT is the whole plan).
    const bare = await p.call('ppic_admin', 'PUT', `/ppic/tasks/${mo.id}`, {
      productId: a.fg.id,
      plannedQuantity: 12,
      route: 'ROUTE_2',
      version: mo.version + 1,
    });
    expect(bare.body).toMatchObject({ dueDate: null, week: null, destination: null, notes: null });
  });

  it('refuses what create refuses, a non-draft (409) and users without ppic.update (403)', async () => {
    const a = await p.article();
    const mo = await p.mo(a.fg.id, 10);
    const bad = (over: Record<string, unknown>) =>
      p.call('ppic_admin', 'PUT', `/ppic/tasks/${mo.id}`, { ...plan(a.fg.id, over), version: mo.version });
    expect((await bad({ plannedQuantity: 0 })).status).toBe(422);
    expect((await bad({ plannedQuantity: -3 })).status).toBe(422);
    expect((await bad({ productId: a.fabric.id })).status).toBe(422);
    expect((await bad({ route: 'ROUTE_9' })).status).toBe(422);
    expect((await bad({ productId: randomUUID() })).status).toBe(404);
    expect((await p.call('ppic_admin', 'PUT', `/ppic/tasks/${mo.id}`, plan(a.fg.id))).status).toBe(422);
    expect(
      (await p.call('viewer', 'PUT', `/ppic/tasks/${mo.id}`, { ...plan(a.fg.id), version: mo.version }))
        .status,
    ).toBe(403);
    expect(
      (await p.call('ppic_admin', 'PUT', `/ppic/tasks/${randomUUID()}`, { ...plan(a.fg.id), version: 1 }))
        .status,
    ).toBe(404);
    expect((await p.call('ppic', 'GET', `/ppic/tasks/${mo.id}`)).body).toMatchObject({
      plannedQuantity: 10,
      version: mo.version,
    });
    const approved = (await p.transition('manager', mo.id, 'approve')).body;
    const late = await p.call('ppic_admin', 'PUT', `/ppic/tasks/${mo.id}`, {
      ...plan(a.fg.id),
      version: approved.version,
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'INVALID_STATE', details: { currentState: 'APPROVED' } });
  });

  it('two concurrent edits at the same version: one wins, the other is STALE_VERSION', async () => {
    const a = await p.article();
    const mo = await p.mo(a.fg.id, 10);
    const results = await Promise.all(
      [20, 30].map((q) =>
        p.call('ppic_admin', 'PUT', `/ppic/tasks/${mo.id}`, {
          ...plan(a.fg.id, { plannedQuantity: q }),
          version: mo.version,
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body.plannedQuantity;
    expect((await p.call('ppic', 'GET', `/ppic/tasks/${mo.id}`)).body.plannedQuantity).toBe(winner);
  });
});
