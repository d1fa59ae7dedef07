import { randomUUID } from 'node:crypto';
import { ppicSuite, type PpicFixtures } from './support/ppic-suite.js';

let p: PpicFixtures;
ppicSuite(['ppic', 'spv_sewing', 'packing', 'viewer', 'admin'], (suite) => ({ p } = suite), {
  DB_POOL_SIZE: '30',
});

const balance = (productId: string, locationId: string) => p.wh.balance(productId, locationId);

describe('manufacturing orders', () => {
  it('creates a DRAFT with a batch number; refuses products without an active BOM or of the wrong type', async () => {
    const a = await p.article();
    const mo = await p.mo(a.fg.id, 10);
    expect(mo).toMatchObject({
      state: 'DRAFT',
      plannedQuantity: 10,
      route: 'ROUTE_2',
      dueDate: '2026-12-31',
      week: '52-2026',
      destination: 'Belgium',
      bomRevision: null,
      createdBy: { username: 'ppic_admin' },
    });
    expect(mo.batchNumber).toMatch(/^MO-\d{8}-\d{3}$/);
    expect(mo.actions).toEqual(['cancel']);
    const bare = await p.wh.product({ type: 'FINISHED_GOOD' });
    expect(
      (
        await p.call('ppic_admin', 'POST', '/ppic/tasks', {
          productId: bare.id,
          plannedQuantity: 1,
          route: 'ROUTE_2',
        })
      ).body.code,
    ).toBe('NO_ACTIVE_BOM');
    expect(
      (
        await p.call('ppic_admin', 'POST', '/ppic/tasks', {
          productId: a.fabric.id,
          plannedQuantity: 1,
          route: 'ROUTE_2',
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await p.call('ppic_admin', 'POST', '/ppic/tasks', {
          productId: a.fg.id,
          plannedQuantity: 0,
          route: 'ROUTE_2',
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await p.call('ppic_admin', 'POST', '/ppic/tasks', {
          productId: a.fg.id,
          plannedQuantity: 1,
          route: 'ROUTE_9',
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await p.call('ppic_admin', 'POST', '/ppic/tasks', {
          productId: a.fg.id,
          plannedQuantity: 1,
          route: 'ROUTE_2',
          week: 'W5',
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await p.call('ppic_admin', 'POST', '/ppic/tasks', {
          productId: randomUUID(),
          plannedQuantity: 1,
          route: 'ROUTE_2',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await p.call('viewer', 'POST', '/ppic/tasks', {
          productId: a.fg.id,
          plannedQuantity: 1,
          route: 'ROUTE_2',
        })
      ).status,
    ).toBe(403);
    const list = await p.call('ppic', 'GET', `/ppic/tasks?productId=${a.fg.id}&state=DRAFT`);
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(mo.id);
    expect((await p.call('ppic', 'GET', `/ppic/tasks?search=${mo.batchNumber}`)).body.total).toBe(1);
    expect((await p.call('ppic', 'GET', `/ppic/tasks/${randomUUID()}`)).status).toBe(404);
  });

  it('refuses self-approval (403 SELF_APPROVAL); another approver freezes the BOM revision; a repeat is 409', async () => {
    const a = await p.article();
    const mo = await p.mo(a.fg.id, 10, {}, 'ppic');
    const self = await p.transition('ppic', mo.id, 'approve');
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('SELF_APPROVAL');
    const ok = await p.transition('manager', mo.id, 'approve', { notes: 'Week 52 plan' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      state: 'APPROVED',
      bomId: a.fgBom.id,
      bomRevision: 1,
      approvedBy: { username: 'manager' },
      approveNotes: 'Week 52 plan',
    });
    const again = await p.transition('manager', mo.id, 'approve');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE', details: { currentState: 'APPROVED' } });
    expect((await p.transition('ppic_admin', mo.id, 'approve')).status).toBe(403);
  });

  it('30 parallel approvals of one order: exactly one wins', async () => {
    const a = await p.article();
    const mo = await p.mo(a.fg.id, 5);
    const results = await Promise.all(
      Array.from({ length: 30 }, () => p.transition('manager', mo.id, 'approve')),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(29);
  });

  it('start with short stock answers 409 with the shortages and leaves nothing reserved or created', async () => {
    const a = await p.article({ fabric: 5 });
    const mo = await p.mo(a.fg.id, 10);
    await p.transition('manager', mo.id, 'approve');
    const res = await p.transition('ppic_admin', mo.id, 'start');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INSUFFICIENT_STOCK');
    expect(res.body.details.shortages[0]).toMatchObject({
      productId: a.fabric.id,
      requested: 20,
      available: 5,
      missing: 15,
    });
    const detail = (await p.call('ppic', 'GET', `/ppic/tasks/${mo.id}`)).body;
    expect(detail.state).toBe('APPROVED');
    expect(detail.workOrders).toEqual([]);
    expect((await p.wh.stock(a.fabric.id)).reserved).toBe(0);
  });

  it("start creates the route's work orders (first READY) and reserves the first department's materials", async () => {
    const a = await p.article({ fabric: 100, label: 50, carton: 50 });
    const mo = await p.mo(a.fg.id, 10);
    await p.transition('manager', mo.id, 'approve');
    const started = await p.transition('ppic_admin', mo.id, 'start', { notes: 'Line 2' });
    expect(started.body).toMatchObject({ state: 'IN_PROGRESS', startNotes: 'Line 2' });
    const detail = (await p.call('ppic', 'GET', `/ppic/tasks/${mo.id}`)).body;
    expect(
      detail.workOrders.map((w: { department: string; state: string; targetQuantity: number }) => [
        w.department,
        w.state,
        w.targetQuantity,
      ]),
    ).toEqual([
      ['CUTTING', 'READY', 10],
      ['SEWING', 'PENDING', 10],
      ['FINISHING', 'PENDING', 10],
      ['PACKING', 'PENDING', 10],
    ]);
    expect(
      detail.materials.map(
        (m: { code: string; department: string; quantity: number; reservedQuantity: number }) => [
          m.code,
          m.department,
          m.quantity,
          m.reservedQuantity,
        ],
      ),
    ).toEqual([
      [a.fabric.code, 'CUTTING', 20, 20],
      [a.label.code, 'SEWING', 10, 0],
      [a.carton.code, 'PACKING', 5, 0],
    ]);
    expect(detail.timeline.map((e: { event: string }) => e.event)).toEqual([
      'created',
      'approved',
      'started',
    ]);
    expect((await p.wh.stock(a.fabric.id)).reserved).toBe(20);
  });

  it('completes: finished goods received, back-flush of what work orders did not consume, reservations released, variance stored', async () => {
    const a = await p.article({ fabric: 100, label: 50, carton: 50 });
    const fgStore = await p.wh.location('WH-FG');
    const mo = await p.mo(a.fg.id, 10);
    await p.transition('manager', mo.id, 'approve');
    await p.transition('ppic_admin', mo.id, 'start');
    const cutting = (await p.call('cutting', 'GET', `/production/work-orders?moId=${mo.id}`)).body.items[0];
    expect((await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/start`)).status).toBe(200);
    const out = await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/output`, {
      goodQuantity: 4,
    });
    expect(out.body).toMatchObject({ goodQuantity: 4, state: 'IN_PROGRESS' });
    // The work order consumed 8 m of fabric (4 × 2) and put 4 cut sets on the cutting line.
    expect(await balance(a.fabric.id, a.rack.id)).toBe(92);
    const cuttingLine = await p.wh.location('LINE-CUTTING');
    expect(await balance(a.cut.id, cuttingLine.id)).toBe(4);

    const done = await p.transition('ppic_admin', mo.id, 'complete', {
      actualQuantity: 10,
      qualityNotes: 'All good',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      state: 'COMPLETED',
      producedQuantity: 10,
      variancePercent: 0,
      varianceWarning: null,
      qualityNotes: 'All good',
    });
    expect(await balance(a.fg.id, fgStore.id)).toBe(10);
    // BOM for 10: 20 m fabric, 10 labels, 5 cartons. Work orders used 8 m; completion takes the other 12, 10 and 5.
    expect(await balance(a.fabric.id, a.rack.id)).toBe(80);
    expect(await balance(a.label.id, a.rack.id)).toBe(40);
    expect(await balance(a.carton.id, a.rack.id)).toBe(45);
    expect(await balance(a.cut.id, cuttingLine.id)).toBe(0);
    for (const id of [a.fabric.id, a.label.id, a.carton.id]) expect((await p.wh.stock(id)).reserved).toBe(0);
    const detail = (await p.call('ppic', 'GET', `/ppic/tasks/${mo.id}`)).body;
    expect(detail.workOrders.map((w: { state: string }) => w.state)).toEqual([
      'DONE',
      'CANCELLED',
      'CANCELLED',
      'CANCELLED',
    ]);
    expect(
      detail.materials.every(
        (m: { quantity: number; consumedQuantity: number }) => m.consumedQuantity === m.quantity,
      ),
    ).toBe(true);
  });

  it('completion needs actualQuantity > 0 (422) and warns, never refuses, beyond 10% variance', async () => {
    const a = await p.article({ fabric: 100, label: 50, carton: 50 });
    const mo = await p.mo(a.fg.id, 10);
    await p.transition('manager', mo.id, 'approve');
    await p.transition('ppic_admin', mo.id, 'start');
    expect((await p.transition('ppic_admin', mo.id, 'complete', { actualQuantity: 0 })).status).toBe(422);
    expect((await p.transition('ppic_admin', mo.id, 'complete', {})).status).toBe(422);
    const res = await p.transition('ppic_admin', mo.id, 'complete', { actualQuantity: 12 });
    expect(res.body).toMatchObject({ state: 'COMPLETED', producedQuantity: 12, variancePercent: 20 });
    expect(res.body.varianceWarning).toMatch(/20%/);
    expect(await balance(a.fabric.id, a.rack.id)).toBe(76);
  });

  it('cancels from DRAFT and APPROVED (reason required), never from IN_PROGRESS', async () => {
    const a = await p.article({ fabric: 100 });
    const draft = await p.mo(a.fg.id, 2);
    expect((await p.transition('ppic_admin', draft.id, 'cancel', {})).status).toBe(422);
    expect(
      (await p.transition('ppic_admin', draft.id, 'cancel', { reason: 'Buyer moved the order' })).body,
    ).toMatchObject({ state: 'CANCELLED', cancelReason: 'Buyer moved the order' });
    const running = await p.mo(a.fg.id, 2);
    await p.transition('manager', running.id, 'approve');
    await p.transition('ppic_admin', running.id, 'start');
    const refused = await p.transition('ppic_admin', running.id, 'cancel', { reason: 'Too late' });
    expect(refused.status).toBe(409);
    expect(refused.body.details.currentState).toBe('IN_PROGRESS');
  });

  it('keeps the frozen BOM: a revision after approval changes neither the materials nor the completion', async () => {
    const a = await p.article({ fabric: 100, label: 50, carton: 50 });
    const mo = await p.mo(a.fg.id, 10);
    await p.transition('manager', mo.id, 'approve');
    const revised = await p.call('engineer', 'PUT', `/warehouse/bom/${a.cutBom.id}`, {
      productId: a.cut.id,
      bomType: 'MANUFACTURING',
      lines: [{ componentId: a.fabric.id, department: 'CUTTING', neededQuantity: 3 }],
      revisionReason: 'Bigger pattern',
      version: a.cutBom.version,
    });
    expect(revised.status).toBe(200);
    const detail = (await p.call('ppic', 'GET', `/ppic/tasks/${mo.id}`)).body;
    expect(detail.materials.find((m: { code: string }) => m.code === a.fabric.code).quantity).toBe(20);
    await p.transition('ppic_admin', mo.id, 'start');
    await p.transition('ppic_admin', mo.id, 'complete', { actualQuantity: 10 });
    expect(await balance(a.fabric.id, a.rack.id)).toBe(80);
  });

  it('refuses to delete a BOM an approved order holds (409 BOM_IN_USE)', async () => {
    const a = await p.article();
    const mo = await p.mo(a.fg.id, 3);
    expect((await p.transition('manager', mo.id, 'approve')).status).toBe(200);
    const res = await p.call('engineer', 'DELETE', `/warehouse/bom/${a.fgBom.id}`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'BOM_IN_USE', details: { orders: [mo.batchNumber] } });
  });
});

describe('batch transitions', () => {
  it('atomic: one impossible id changes nothing and names the first failing id', async () => {
    const a = await p.article();
    const [m1, m2] = [await p.mo(a.fg.id, 1), await p.mo(a.fg.id, 1)];
    const ghost = randomUUID();
    const res = await p.call('manager', 'POST', '/ppic/tasks/batch/approve', { ids: [m1.id, ghost, m2.id] });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'BATCH_FAILED',
      details: { failedId: ghost, error: { code: 'NOT_FOUND' } },
    });
    for (const m of [m1, m2])
      expect((await p.call('ppic', 'GET', `/ppic/tasks/${m.id}`)).body.state).toBe('DRAFT');
    const ok = await p.call('manager', 'POST', '/ppic/tasks/batch/approve', { ids: [m1.id, m2.id] });
    expect(ok.body.results).toEqual([
      { id: m1.id, ok: true, state: 'APPROVED' },
      { id: m2.id, ok: true, state: 'APPROVED' },
    ]);
  });

  it('non-atomic: a result per id', async () => {
    const a = await p.article({ fabric: 100, label: 50, carton: 50 });
    const [m1, m2] = [await p.mo(a.fg.id, 1), await p.mo(a.fg.id, 1)];
    await p.transition('manager', m1.id, 'approve');
    const res = await p.call('ppic_admin', 'POST', '/ppic/tasks/batch/start', {
      ids: [m1.id, m2.id],
      atomic: false,
    });
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toEqual({ id: m1.id, ok: true, state: 'IN_PROGRESS' });
    expect(res.body.results[1]).toMatchObject({ id: m2.id, ok: false, error: { code: 'INVALID_STATE' } });
    const done = await p.call('ppic_admin', 'POST', '/ppic/tasks/batch/complete', { ids: [m1.id] });
    expect(done.body.results[0]).toMatchObject({ ok: true, state: 'COMPLETED' });
    expect((await p.call('ppic_admin', 'POST', '/ppic/tasks/batch/cancel', { ids: [m2.id] })).status).toBe(
      422,
    );
    expect((await p.call('ppic_admin', 'POST', '/ppic/tasks/batch/approve', { ids: [m2.id] })).status).toBe(
      403,
    );
    expect((await p.call('ppic_admin', 'POST', '/ppic/tasks/batch/start', { ids: [] })).status).toBe(422);
  });
});

describe('work orders and handovers', () => {
  async function running(qty = 10) {
    const a = await p.article({ fabric: 100, label: 50, carton: 50 });
    const mo = await p.mo(a.fg.id, qty);
    await p.transition('manager', mo.id, 'approve');
    await p.transition('ppic_admin', mo.id, 'start');
    const wos = (await p.call('ppic', 'GET', `/production/work-orders?moId=${mo.id}`)).body.items;
    return { a, mo, cutting: wos[0], sewing: wos[1] };
  }

  it('department users see and work only their own department', async () => {
    const { cutting, sewing } = await running();
    const seen = (await p.call('sewing', 'GET', '/production/work-orders')).body.items;
    expect(seen.every((w: { department: string }) => w.department === 'SEWING')).toBe(true);
    expect(seen.map((w: { id: string }) => w.id)).toContain(sewing.id);
    expect((await p.call('packing', 'POST', `/production/work-orders/${cutting.id}/start`)).status).toBe(403);
    expect((await p.call('sewing', 'POST', `/production/work-orders/${sewing.id}/start`)).body.code).toBe(
      'INVALID_STATE',
    );
    expect((await p.call('viewer', 'POST', `/production/work-orders/${cutting.id}/start`)).status).toBe(403);
  });

  it('output needs a started order, a reason for rejects and no more than was received', async () => {
    const { cutting } = await running();
    expect(
      (await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/output`, { goodQuantity: 1 }))
        .status,
    ).toBe(409);
    await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/start`);
    expect(
      (
        await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/output`, {
          goodQuantity: 1,
          rejectedQuantity: 1,
        })
      ).status,
    ).toBe(422);
    expect(
      (await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/output`, { goodQuantity: 11 }))
        .status,
    ).toBe(422);
    expect(
      (await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/output`, { goodQuantity: 0 }))
        .status,
    ).toBe(422);
    const partial = await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/output`, {
      goodQuantity: 6,
      rejectedQuantity: 1,
      rejectReason: 'Pile direction wrong',
    });
    expect(partial.body).toMatchObject({
      goodQuantity: 6,
      rejectedQuantity: 1,
      state: 'IN_PROGRESS',
      actions: ['output', 'handover'],
    });
    const last = await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/output`, {
      goodQuantity: 3,
    });
    expect(last.body).toMatchObject({ goodQuantity: 9, state: 'DONE' });
  });

  it('hands WIP over; the next department accepts its count, above 10% difference only with production.approve', async () => {
    const { a, cutting, sewing } = await running();
    // The demo factory's WIP on the sewing line would refuse the handover (line clearance).
    await p.clearLine('SEWING');
    await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/start`);
    await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/output`, { goodQuantity: 10 });
    expect(
      (await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/handover`, { quantity: 11 }))
        .status,
    ).toBe(422);
    const sent = await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/handover`, {
      quantity: 10,
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      state: 'PENDING',
      fromDepartment: 'CUTTING',
      toDepartment: 'SEWING',
      quantity: 10,
    });
    expect(sent.body.number).toMatch(/^HO-\d{8}-\d{4}$/);
    const cuttingLine = await p.wh.location('LINE-CUTTING');
    const sewingLine = await p.wh.location('LINE-SEWING');
    expect((await p.wh.stock(a.cut.id)).reserved).toBe(10);

    expect(
      (
        await p.call('cutting', 'POST', `/production/handovers/${sent.body.id}/accept`, {
          receivedQuantity: 10,
        })
      ).status,
    ).toBe(403);
    const needsSpv = await p.call('sewing', 'POST', `/production/handovers/${sent.body.id}/accept`, {
      receivedQuantity: 8,
    });
    expect(needsSpv.status).toBe(403);
    expect(needsSpv.body.code).toBe('APPROVAL_REQUIRED');
    const accepted = await p.call('spv_sewing', 'POST', `/production/handovers/${sent.body.id}/accept`, {
      receivedQuantity: 8,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      state: 'ACCEPTED',
      receivedQuantity: 8,
      differencePercent: -20,
      acceptedBy: { username: 'spv_sewing' },
    });
    expect(await balance(a.cut.id, cuttingLine.id)).toBe(0);
    expect(await balance(a.cut.id, sewingLine.id)).toBe(8);
    expect(
      (
        await p.call('sewing', 'POST', `/production/handovers/${sent.body.id}/accept`, {
          receivedQuantity: 8,
        })
      ).status,
    ).toBe(409);
    const sewingNow = (await p.call('sewing', 'GET', `/production/work-orders?moId=${sewing.moId}`)).body
      .items[0];
    expect(sewingNow).toMatchObject({ state: 'READY', inputQuantity: 8 });

    // Sewing starts (reserving its labels), makes 8 skins from the 8 cut sets.
    expect((await p.call('sewing', 'POST', `/production/work-orders/${sewing.id}/start`)).status).toBe(200);
    expect((await p.wh.stock(a.label.id)).reserved).toBe(10);
    expect(
      (await p.call('sewing', 'POST', `/production/work-orders/${sewing.id}/output`, { goodQuantity: 8 }))
        .status,
    ).toBe(200);
    expect(await balance(a.cut.id, sewingLine.id)).toBe(0);
    expect(await balance(a.skin.id, sewingLine.id)).toBe(8);
    expect(await balance(a.label.id, a.rack.id)).toBe(42);
    const pending = (await p.call('sewing', 'GET', '/production/handovers?state=ACCEPTED')).body.items;
    expect(pending.map((h: { id: string }) => h.id)).toContain(sent.body.id);
  });
});
