import { Jobs } from '../src/core/jobs/jobs.js';
import { escalateLine } from '../src/modules/production-control/escalation.js';
import { ppicSuite, type PpicFixtures, type PpicSuite } from './support/ppic-suite.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let tokens: PpicSuite['tokens'];
let p: PpicFixtures;
ppicSuite(['ppic', 'spv_sewing', 'viewer', 'admin'], (suite) => ({ t, tokens, p } = suite), {
  DB_POOL_SIZE: '30',
});

interface Batch {
  moId: string;
  batchNumber: string;
  articleCode: string;
  destination: string | null;
  week: string | null;
  quantity: number;
}
interface Line {
  department: string;
  status: string;
  batches: Batch[];
  blocks: Array<{ id: string; moId: string; lineCleared: boolean }>;
  alarms: Array<{ id: string }>;
}

const ok = async (user: string, method: string, path: string, body?: unknown, status = 200) => {
  const res = await p.call(user, method, path, body);
  if (res.status !== status) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
const line = async (department: string): Promise<Line> =>
  (await ok('viewer', 'GET', '/production/lines')).items.find((l: Line) => l.department === department);

/** An order of this article started, its cutting work order done: 10 cut sets waiting on the cutting line. */
async function cutReady(fgId: string, over: Record<string, unknown> = {}) {
  const mo = await p.mo(fgId, 10, over);
  await p.transition('manager', mo.id, 'approve');
  await p.transition('ppic_admin', mo.id, 'start');
  const [cutting, sewing] = (await ok('ppic', 'GET', `/production/work-orders?moId=${mo.id}`)).items;
  await ok('cutting', 'POST', `/production/work-orders/${cutting.id}/start`);
  await ok('cutting', 'POST', `/production/work-orders/${cutting.id}/output`, { goodQuantity: 10 });
  return { mo, cutting, sewing };
}

const send = (workOrderId: string, quantity = 10) =>
  p.call('cutting', 'POST', `/production/work-orders/${workOrderId}/handover`, { quantity });

describe('line occupancy', () => {
  it('lists every department line with the WIP the ledger says is on it, whose, and whether it is clear', async () => {
    await p.clearLine('SEWING');
    const a = await p.article({ fabric: 100, label: 50, carton: 50 });
    const { mo, cutting } = await cutReady(a.fg.id, { destination: 'EU', week: '01-2024' });
    const lines: Line[] = (await ok('viewer', 'GET', '/production/lines')).items;
    expect(lines.map((l) => l.department)).toEqual([
      'CUTTING',
      'EMBROIDERY',
      'SUBCON',
      'SEWING',
      'FINISHING',
      'PACKING',
    ]);
    const cuttingLine = lines.find((l) => l.department === 'CUTTING')!;
    expect(cuttingLine.status).toBe('OCCUPIED');
    expect(cuttingLine.batches.find((b) => b.moId === mo.id)).toMatchObject({
      batchNumber: mo.batchNumber,
      articleCode: a.fg.code,
      destination: 'EU',
      week: '01-2024',
      quantity: 10,
    });
    expect(lines.find((l) => l.department === 'SEWING')).toMatchObject({ status: 'CLEAR', batches: [] });

    // Handed over and accepted: the WIP moves line to line, and so does the order on the board.
    const sent = await send(cutting.id);
    expect(sent.status).toBe(201);
    expect((await line('CUTTING')).batches.map((b) => b.moId)).toContain(mo.id);
    await ok('sewing', 'POST', `/production/handovers/${sent.body.id}/accept`, { receivedQuantity: 10 });
    expect((await line('CUTTING')).batches.map((b) => b.moId)).not.toContain(mo.id);
    expect((await line('SEWING')).batches).toMatchObject([{ moId: mo.id, quantity: 10 }]);
  });
});

describe('line clearance', () => {
  it('refuses a handover onto a line holding another article, records the block, and lets it through once the line is cleared', async () => {
    await p.clearLine('SEWING');
    const first = await p.article({ fabric: 100, label: 50, carton: 50 });
    const onLine = await cutReady(first.fg.id);
    const sent = await send(onLine.cutting.id);
    await ok('sewing', 'POST', `/production/handovers/${sent.body.id}/accept`, { receivedQuantity: 10 });

    const other = await p.article({ fabric: 100, label: 50, carton: 50 });
    const { mo, cutting } = await cutReady(other.fg.id);
    const check = await ok('cutting', 'GET', `/production/work-orders/${cutting.id}/handover-check`);
    expect(check).toMatchObject({
      result: 'BLOCKED',
      toDepartment: 'SEWING',
      blocking: [{ moId: onLine.mo.id, batchNumber: onLine.mo.batchNumber, quantity: 10 }],
      overridden: false,
    });

    const refused = await send(cutting.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('LINE_NOT_CLEAR');
    expect(refused.body.message).toContain(onLine.mo.batchNumber);
    expect(refused.body.details.onLine).toMatchObject([{ batchNumber: onLine.mo.batchNumber, quantity: 10 }]);
    // Nothing of the refused handover was written: no handover, nothing reserved.
    expect((await ok('ppic', 'GET', `/production/handovers?moId=${mo.id}`)).items).toEqual([]);
    expect((await p.wh.stock(other.cut.id)).reserved).toBe(0);

    // The block is recorded (once, counting attempts), alerted to the line supervisor, and blocks the line.
    expect((await send(cutting.id)).status).toBe(409);
    // The supervisor's step is due at once (the later ones are not yet).
    await t.app.get(Jobs).runDue();
    const alerts = await ok('viewer', 'GET', '/production/line-alerts');
    const block = alerts.blocks.find((b: { moId: string }) => b.moId === mo.id);
    expect(block).toMatchObject({
      department: 'SEWING',
      fromDepartment: 'CUTTING',
      state: 'OPEN',
      attempts: 2,
      lineCleared: false,
      sentBy: { username: 'cutting' },
      escalations: [{ step: 1, recipient: 'LINE_SUPERVISOR' }],
    });
    expect(alerts.escalations).toContainEqual(
      expect.objectContaining({ subjectId: block.id, step: 1, open: true, batchNumber: mo.batchNumber }),
    );
    expect(await line('SEWING')).toMatchObject({ status: 'BLOCKED', blocks: [{ id: block.id }] });

    // Clearing the line: scrapping needs the line's own people and a reason.
    const scrap = { moId: onLine.mo.id, reason: 'Leftover panels of the previous batch' };
    expect((await p.call('cutting', 'POST', '/production/lines/SEWING/scrap', scrap)).status).toBe(403);
    expect(
      (await p.call('sewing', 'POST', '/production/lines/SEWING/scrap', { moId: onLine.mo.id })).status,
    ).toBe(422);
    const cleared = await ok('sewing', 'POST', '/production/lines/SEWING/scrap', scrap, 201);
    expect(cleared).toMatchObject({
      status: 'CLEAR',
      batches: [],
      blocks: [{ id: block.id, lineCleared: true }],
    });
    expect((await p.call('sewing', 'POST', '/production/lines/SEWING/scrap', scrap)).body.code).toBe(
      'NOTHING_ON_LINE',
    );

    const resent = await send(cutting.id);
    expect(resent.status).toBe(201);
    const [closed] = (
      await t.db.query('select state, handover_id from line_blocks where id = $1', [block.id])
    ).rows;
    expect(closed).toEqual({ state: 'CLEARED', handover_id: resent.body.id });
    expect(
      (await ok('sewing', 'POST', `/production/handovers/${resent.body.id}/accept`, { receivedQuantity: 10 }))
        .state,
    ).toBe('ACCEPTED');
    const timeline = (await ok('ppic', 'GET', `/ppic/tasks/${mo.id}`)).timeline;
    expect(timeline).toContainEqual(
      expect.objectContaining({
        event: 'line_blocked',
        notes: expect.stringContaining(onLine.mo.batchNumber),
      }),
    );
    const scrapped = (await ok('ppic', 'GET', `/ppic/tasks/${onLine.mo.id}`)).timeline;
    expect(scrapped).toContainEqual(
      expect.objectContaining({
        event: 'line_wip_scrapped',
        notes: expect.stringContaining('Leftover panels'),
      }),
    );
  });

  it('lets a supervisor accept despite a block, with production.approve and a reason, once, audited', async () => {
    await p.clearLine('SEWING');
    const first = await p.article({ fabric: 100, label: 50, carton: 50 });
    const onLine = await cutReady(first.fg.id);
    await ok('sewing', 'POST', `/production/handovers/${(await send(onLine.cutting.id)).body.id}/accept`, {
      receivedQuantity: 10,
    });
    const other = await p.article({ fabric: 100, label: 50, carton: 50 });
    const { cutting } = await cutReady(other.fg.id);
    expect((await send(cutting.id, 5)).status).toBe(409);
    const [{ id }] = (
      await t.db.query(`select id from line_blocks where from_work_order_id = $1`, [cutting.id])
    ).rows;

    expect(
      (await p.call('sewing', 'POST', `/production/line-blocks/${id}/override`, { reason: 'Rush order' }))
        .status,
    ).toBe(403);
    expect((await p.call('spv_sewing', 'POST', `/production/line-blocks/${id}/override`, {})).status).toBe(
      422,
    );
    const overridden = await ok('spv_sewing', 'POST', `/production/line-blocks/${id}/override`, {
      reason: 'Separate trolley, buyer rush',
    });
    expect(overridden).toMatchObject({
      state: 'OVERRIDDEN',
      overrideReason: 'Separate trolley, buyer rush',
      resolvedBy: { username: 'spv_sewing' },
    });
    expect(
      (await p.call('spv_sewing', 'POST', `/production/line-blocks/${id}/override`, { reason: 'again' }))
        .status,
    ).toBe(409);
    expect(
      (await ok('cutting', 'GET', `/production/work-orders/${cutting.id}/handover-check`)).overridden,
    ).toBe(true);
    const through = await send(cutting.id, 5);
    expect(through.status).toBe(201);
    // The override is used once: the next handover of the rest meets the line as it is.
    expect((await send(cutting.id, 5)).body.code).toBe('LINE_NOT_CLEAR');
    const [audit] = (
      await t.db.query(
        `select actor_username, after from audit_log where action = 'line_block.overridden' and entity_id = $1`,
        [id],
      )
    ).rows;
    expect(audit).toMatchObject({
      actor_username: 'spv_sewing',
      after: { state: 'OVERRIDDEN', overrideReason: 'Separate trolley, buyer rush' },
    });
  });
});

describe('segregation', () => {
  it('raises an alarm on another destination or week of the same article; accept waits for the acknowledgement', async () => {
    await p.clearLine('SEWING');
    const a = await p.article({ fabric: 200, label: 50, carton: 50 });
    const running = await cutReady(a.fg.id, { destination: 'EU', week: '01-2024' });
    await ok('sewing', 'POST', `/production/handovers/${(await send(running.cutting.id)).body.id}/accept`, {
      receivedQuantity: 10,
    });

    // The same destination and week (a split lot) comes on without an alarm.
    const split = await cutReady(a.fg.id, { destination: 'EU', week: '01-2024' });
    expect(
      (await ok('cutting', 'GET', `/production/work-orders/${split.cutting.id}/handover-check`)).result,
    ).toBe('CLEAR');

    const ap = await cutReady(a.fg.id, { destination: 'AP', week: '01-2024' });
    const check = await ok('cutting', 'GET', `/production/work-orders/${ap.cutting.id}/handover-check`);
    expect(check).toMatchObject({
      result: 'ALARM',
      segregating: [{ moId: running.mo.id, destination: 'EU', reasons: ['DESTINATION'] }],
    });
    const sent = await send(ap.cutting.id);
    expect(sent.status).toBe(201);
    await t.app.get(Jobs).runDue();
    const sewingLine = await line('SEWING');
    expect(sewingLine.status).toBe('ALARM');
    const alarm = (await ok('viewer', 'GET', '/production/line-alerts')).alarms.find(
      (x: { handoverId: string }) => x.handoverId === sent.body.id,
    );
    expect(alarm).toMatchObject({
      state: 'OPEN',
      reasons: ['DESTINATION'],
      destination: 'AP',
      onLine: [{ batchNumber: running.mo.batchNumber, destination: 'EU' }],
      escalations: [{ step: 1, recipient: 'LINE_SUPERVISOR' }],
    });

    const accept = () =>
      p.call('sewing', 'POST', `/production/handovers/${sent.body.id}/accept`, { receivedQuantity: 10 });
    expect((await accept()).body.code).toBe('SEGREGATION_NOT_ACKNOWLEDGED');
    const ack = `/production/segregation-alarms/${alarm.id}/acknowledge`;
    const body = { method: 'PHYSICAL_GAP', notes: '5 m empty gap on the conveyor, Packing told' };
    expect((await p.call('cutting', 'POST', ack, body)).status).toBe(403);
    expect((await p.call('sewing', 'POST', ack, { notes: 'gap' })).status).toBe(422);
    expect((await p.call('sewing', 'POST', ack, { method: 'MAGIC', notes: 'gap' })).status).toBe(422);
    expect(await ok('sewing', 'POST', ack, body)).toMatchObject({
      state: 'ACKNOWLEDGED',
      method: 'PHYSICAL_GAP',
      notes: body.notes,
      acknowledgedBy: { username: 'sewing' },
    });
    expect((await p.call('sewing', 'POST', ack, body)).status).toBe(409);
    expect((await accept()).status).toBe(200);
    const timeline = (await ok('ppic', 'GET', `/ppic/tasks/${ap.mo.id}`)).timeline;
    expect(timeline.map((e: { event: string }) => e.event)).toEqual(
      expect.arrayContaining(['segregation_raised', 'segregation_acknowledged']),
    );
    expect(timeline).toContainEqual(
      expect.objectContaining({
        event: 'segregation_acknowledged',
        notes: expect.stringContaining('PHYSICAL_GAP'),
      }),
    );

    // A week change alone sounds it too.
    const later = await cutReady(a.fg.id, { destination: 'EU', week: '05-2024' });
    expect(
      await ok('cutting', 'GET', `/production/work-orders/${later.cutting.id}/handover-check`),
    ).toMatchObject({
      result: 'ALARM',
      segregating: expect.arrayContaining([
        expect.objectContaining({ moId: running.mo.id, reasons: ['WEEK'] }),
      ]),
    });
  });
});

describe('escalation', () => {
  it('fires each step once with two API instances when it is due, and never for what was resolved', async () => {
    const other = await startTestApp({}, t.databaseUrl);
    try {
      await p.clearLine('SEWING');
      const a = await p.article({ fabric: 200, label: 50, carton: 50 });
      const running = await cutReady(a.fg.id, { destination: 'EU', week: '01-2024' });
      await ok('sewing', 'POST', `/production/handovers/${(await send(running.cutting.id)).body.id}/accept`, {
        receivedQuantity: 10,
      });
      const b = await p.article({ fabric: 100, label: 50, carton: 50 });
      const blocked = await cutReady(b.fg.id);
      expect((await send(blocked.cutting.id)).status).toBe(409);
      const ap = await cutReady(a.fg.id, { destination: 'AP', week: '01-2024' });
      // Through the other instance: both share the database and its queue.
      const sent = await fetch(`${other.baseUrl}/api/v1/production/work-orders/${ap.cutting.id}/handover`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.cutting}`, 'content-type': 'application/json' },
        body: JSON.stringify({ quantity: 10 }),
      });
      expect(sent.status).toBe(201);
      const handover = (await sent.json()) as { id: string };
      const [{ id: blockId }] = (
        await t.db.query(`select id from line_blocks where from_work_order_id = $1`, [blocked.cutting.id])
      ).rows;
      const [{ id: alarmId }] = (
        await t.db.query(`select id from segregation_alarms where handover_id = $1`, [handover.id])
      ).rows;
      const steps = async (id: string) =>
        (
          await t.db.query(
            'select step, recipient from line_escalations where subject_id = $1 order by step',
            [id],
          )
        ).rows;
      const runBoth = (makeDue?: boolean) =>
        Promise.all([t, other].map((x) => x.app.get(Jobs).runDue(makeDue ? [escalateLine] : undefined)));

      await runBoth();
      expect(await steps(blockId)).toEqual([{ step: 1, recipient: 'LINE_SUPERVISOR' }]);
      expect(await steps(alarmId)).toEqual([{ step: 1, recipient: 'LINE_SUPERVISOR' }]);

      // The alarm is acknowledged; the block stays: time passes (the waiting jobs are made due).
      await ok('sewing', 'POST', `/production/segregation-alarms/${alarmId}/acknowledge`, {
        method: 'LINE_STOP',
        notes: 'Line stopped until the EU batch left',
      });
      await runBoth(true);
      await runBoth(true);
      expect(await steps(blockId)).toEqual([
        { step: 1, recipient: 'LINE_SUPERVISOR' },
        { step: 2, recipient: 'PPIC_MANAGER' },
        { step: 3, recipient: 'FACTORY_MANAGER' },
      ]);
      expect(await steps(alarmId)).toEqual([{ step: 1, recipient: 'LINE_SUPERVISOR' }]);
      const fired = (
        await t.db.query(
          `select count(*)::int as n from audit_log where action = 'line_block.escalated' and entity_id = $1`,
          [blockId],
        )
      ).rows[0].n;
      expect(fired).toBe(3);
      const alerts = await ok('viewer', 'GET', '/production/line-alerts');
      expect(
        alerts.escalations
          .filter((e: { subjectId: string }) => e.subjectId === blockId)
          .map((e: { step: number }) => e.step),
      ).toEqual([3, 2, 1]);
      expect(
        Number(
          (
            await t.db.query(`select count(*) n from graphile_worker.jobs where task_identifier = $1`, [
              escalateLine.name,
            ])
          ).rows[0].n,
        ),
      ).toBe(0);
    } finally {
      await other.close();
    }
  });
});
