import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Jobs } from '../src/core/jobs/jobs.js';
import { subconOverdue } from '../src/modules/subcon/overdue.js';
import { checkLedger } from '../src/modules/warehouse/stock/ledger-check.js';
import { ppicFixtures } from './support/ppic-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
let p: Awaited<ReturnType<typeof ppicFixtures>>;

beforeAll(async () => {
  t = await startTestApp({ DB_POOL_SIZE: '30' });
  for (const u of [
    'warehouse',
    'wh_operator',
    'engineer',
    'ppic',
    'ppic_admin',
    'manager',
    'cutting',
    'security',
    'qc',
    'viewer',
    'admin',
  ]) {
    tokens[u] = (await t.as(u)).accessToken;
  }
  p = await ppicFixtures(t, tokens);
});
afterEach(async () => {
  expect(await checkLedger(t.app.get(DataSource))).toEqual([]);
});
afterAll(() => t.close());

const ok = async (user: string, method: string, path: string, body?: unknown, status = 200) => {
  const res = await p.call(user, method, path, body);
  if (res.status !== status) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

let partnerNo = 0;
async function subcontractor(agreedDays = 7) {
  partnerNo += 1;
  return ok(
    'admin',
    'POST',
    '/partners',
    {
      code: `SUBT${Date.now() % 100000}${partnerNo}`,
      name: `CV Jahit Test ${partnerNo}`,
      type: 'SUBCONTRACTOR',
      subcontractAgreedDays: agreedDays,
    },
    201,
  );
}

/**
 * A ROUTE_3 order of 10: FG ← SKIN (SUBCON: 1 CUT + 2 m thread) ← CUT (CUTTING: 2 m fabric); its cut
 * panels made and accepted onto the SUBCON line, the SUBCON work order started (thread reserved).
 */
async function panelsAtSubcon() {
  const fg = await p.wh.product({ type: 'FINISHED_GOOD' });
  const skin = await p.wh.product({ type: 'WIP' });
  const cut = await p.wh.product({ type: 'WIP' });
  const fabric = await p.wh.product({ uom: 'METER' });
  const thread = await p.wh.product({ type: 'ACCESSORY', uom: 'METER' });
  const carton = await p.wh.product({ type: 'ACCESSORY' });
  const rack = await p.wh.rack();
  await p.wh.receive(fabric.id, rack.id, 100);
  await p.wh.receive(thread.id, rack.id, 100);
  await p.wh.receive(carton.id, rack.id, 50);
  await p.bom(cut.id, [{ componentId: fabric.id, department: 'CUTTING', neededQuantity: 2 }]);
  await p.bom(skin.id, [
    { componentId: cut.id, department: 'SUBCON', neededQuantity: 1 },
    { componentId: thread.id, department: 'SUBCON', neededQuantity: 2 },
  ]);
  await p.bom(fg.id, [
    { componentId: skin.id, department: 'PACKING', neededQuantity: 1 },
    { componentId: carton.id, department: 'PACKING', neededQuantity: 0.5 },
  ]);
  const mo = await p.mo(fg.id, 10, { route: 'ROUTE_3' });
  await p.transition('manager', mo.id, 'approve');
  await p.transition('ppic_admin', mo.id, 'start');
  const wos = (await ok('ppic', 'GET', `/production/work-orders?moId=${mo.id}`)).items;
  const cutting = wos.find((w: { department: string }) => w.department === 'CUTTING');
  const subcon = wos.find((w: { department: string }) => w.department === 'SUBCON');
  await ok('cutting', 'POST', `/production/work-orders/${cutting.id}/start`);
  await ok('cutting', 'POST', `/production/work-orders/${cutting.id}/output`, { goodQuantity: 10 });
  await p.clearLine('SUBCON');
  const sent = await ok(
    'cutting',
    'POST',
    `/production/work-orders/${cutting.id}/handover`,
    { quantity: 10 },
    201,
  );
  await ok('admin', 'POST', `/production/handovers/${sent.id}/accept`, { receivedQuantity: 10 });
  await ok('admin', 'POST', `/production/work-orders/${subcon.id}/start`);
  return { fg, skin, cut, fabric, thread, rack, mo, subcon };
}

const lines = async () =>
  (await ok('viewer', 'GET', '/warehouse/locations?type=LINE&limit=50')).items as Array<{
    id: string;
    department: string;
  }>;
const lineOf = async (department: string) => (await lines()).find((l) => l.department === department)!.id;

const passOut = (wo: string, partnerId: string, panels: { id: string }, thread: { id: string }, over = {}) =>
  p.call('warehouse', 'POST', '/subcon/gate-passes', {
    direction: 'OUT',
    workOrderId: wo,
    partnerId,
    vehicleNumber: 'B 9123 KX',
    driverName: 'Slamet',
    customsReference: 'BC261-0001',
    lines: [
      { productId: panels.id, quantity: 10 },
      { productId: thread.id, quantity: 20 },
    ],
    ...over,
  });

const countAll = (
  pass: { id: string; lines: Array<{ id: string; quantity: number }> },
  user = 'security',
  delta = 0,
) =>
  p.call(user, 'POST', `/subcon/gate-passes/${pass.id}/count`, {
    lines: pass.lines.map((l, i) => ({ lineId: l.id, countedQuantity: l.quantity - (i === 0 ? delta : 0) })),
  });

describe('the subcontract route', () => {
  it('sends panels out on a counted gate pass, holds a miscount, brings sewn goods back into quarantine and on to Finishing', async () => {
    const partner = await subcontractor(7);
    const a = await panelsAtSubcon();
    const subconLine = await lineOf('SUBCON');

    // Refusals: bad input (422), no permission (403).
    const fraction = await passOut(a.subcon.id, partner.id, a.cut, a.thread, {
      lines: [{ productId: a.cut.id, quantity: 2.5 }],
    });
    expect(fraction.status).toBe(422);
    expect(fraction.body.code).toBe('FRACTIONAL_WHOLE_UNIT');
    const unknown = await passOut(a.subcon.id, partner.id, a.cut, a.thread, {
      lines: [{ productId: a.fabric.id, quantity: 5 }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.details).toEqual([
      { field: 'lines[0].productId', messages: ['not a line of this work order'] },
    ]);
    const notSubcon = await passOut(
      a.subcon.id,
      (await ok('admin', 'GET', '/partners?type=CUSTOMER')).items[0].id,
      a.cut,
      a.thread,
    );
    expect(notSubcon.status).toBe(422);
    expect(notSubcon.body.code).toBe('NOT_A_SUBCONTRACTOR');
    const bySecurity = await p.call('security', 'POST', '/subcon/gate-passes', {
      direction: 'OUT',
      workOrderId: a.subcon.id,
      partnerId: partner.id,
      vehicleNumber: 'B 1',
      driverName: 'X',
      lines: [{ productId: a.cut.id, quantity: 1 }],
    });
    expect(bySecurity.status).toBe(403);

    const created = await passOut(a.subcon.id, partner.id, a.cut, a.thread);
    expect(created.status).toBe(201);
    const pass = created.body;
    expect(pass).toMatchObject({
      state: 'DRAFT',
      direction: 'OUT',
      customsDocument: 'BC 2.6.1',
      customsReference: 'BC261-0001',
      vehicleNumber: 'B 9123 KX',
      batchNumber: a.mo.batchNumber,
      partner: { id: partner.id },
    });
    expect(pass.number).toMatch(/^GPO-\d{8}-\d{4}$/);
    expect(pass.lines.map((l: { kind: string; quantity: number }) => [l.kind, l.quantity])).toEqual([
      ['WIP', 10],
      ['MATERIAL', 20],
    ]);

    // Only security (warehouse.approve) counts; a warehouse operator or a viewer may not.
    expect((await countAll(pass, 'wh_operator')).status).toBe(403);
    expect((await countAll(pass, 'viewer')).status).toBe(403);
    const fractionalCount = await p.call('security', 'POST', `/subcon/gate-passes/${pass.id}/count`, {
      lines: pass.lines.map((l: { id: string }) => ({ lineId: l.id, countedQuantity: 9.5 })),
    });
    expect(fractionalCount.status).toBe(422);
    const missingLine = await p.call('security', 'POST', `/subcon/gate-passes/${pass.id}/count`, {
      lines: [{ lineId: pass.lines[0].id, countedQuantity: 10 }],
    });
    expect(missingLine.status).toBe(422);

    // A miscount holds the pass; nothing moves.
    const held = await countAll(pass, 'security', 1);
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ state: 'HOLD', mismatches: 1, counts: 1, consignmentLocationId: null });
    expect(held.body.lines[0].countedQuantity).toBe(9);
    expect(await p.wh.balance(a.cut.id, subconLine)).toBe(10);

    // Counted again, right, by two guards at once: it is released once and the stock moves once.
    const [one, two] = await Promise.all([countAll(pass), countAll(pass)]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const released = await ok('viewer', 'GET', `/subcon/gate-passes/${pass.id}`);
    expect(released).toMatchObject({ state: 'RELEASED', counts: 2, mismatches: 0 });
    expect(new Date(released.dueAt).getTime() - new Date(released.releasedAt).getTime()).toBe(7 * 86_400_000);
    const consignment = released.consignmentLocationId;
    expect(consignment).toBeTruthy();
    const location = await ok('viewer', 'GET', `/warehouse/locations/${consignment}`);
    expect(location).toMatchObject({ type: 'SUBCONTRACTOR', partnerId: partner.id, internal: true });
    expect(await p.wh.balance(a.cut.id, subconLine)).toBe(0);
    expect(await p.wh.balance(a.cut.id, consignment)).toBe(10);
    expect(await p.wh.balance(a.thread.id, consignment)).toBe(20);
    expect(await p.wh.balance(a.thread.id, a.rack.id)).toBe(80);
    // The panels left the SUBCON line: line occupancy (from the ledger) no longer shows the order there.
    const board = (await ok('viewer', 'GET', '/production/lines')).items as Array<{
      department: string;
      batches: Array<{ moId: string }>;
    }>;
    expect(board.find((l) => l.department === 'SUBCON')!.batches.map((b) => b.moId)).not.toContain(a.mo.id);
    const audit = (
      await t.db.query(`select action, after from audit_log where entity_id = $1 order by at, id`, [pass.id])
    ).rows;
    expect(audit.map((r: { action: string }) => r.action)).toEqual([
      'gate_pass.created',
      'gate_pass.counted',
      'gate_pass.counted',
    ]);
    expect(audit[1].after).toMatchObject({ state: 'HOLD', mismatches: 1 });

    // A released pass is not counted or cancelled again.
    expect(
      (await p.call('warehouse', 'POST', `/subcon/gate-passes/${pass.id}/cancel`, { reason: 'x' })).status,
    ).toBe(409);

    // Past the agreed days (the queued check made due now, not slept): an overdue alert, once.
    await t.app.get(Jobs).runDue([subconOverdue]);
    const alerts = (await ok('viewer', 'GET', '/subcon/alerts')).items.filter(
      (x: { gatePassId: string }) => x.gatePassId === pass.id,
    );
    expect(alerts).toMatchObject([
      { number: pass.number, outstandingQuantity: 10, agreedDays: 7, status: 'OPEN' },
    ]);

    // Gate pass IN: the vendor's delivery note is required; only what the work order makes comes back.
    const inBody = {
      direction: 'IN',
      workOrderId: a.subcon.id,
      partnerId: partner.id,
      vehicleNumber: 'B 7777 ZZ',
      driverName: 'Budi',
      customsReference: 'BC262-0001',
      lines: [{ productId: a.skin.id, quantity: 10 }],
    };
    const noNote = await p.call('warehouse', 'POST', '/subcon/gate-passes', inBody);
    expect(noNote.status).toBe(422);
    const wrong = await p.call('warehouse', 'POST', '/subcon/gate-passes', {
      ...inBody,
      deliveryNote: 'SJ-1',
      lines: [{ productId: a.cut.id, quantity: 10 }],
    });
    expect(wrong.status).toBe(422);
    const quarantineRack = await p.wh.rack();
    const back = await ok(
      'warehouse',
      'POST',
      '/subcon/gate-passes',
      { ...inBody, deliveryNote: 'SJ-RP-0099', receivingLocationId: quarantineRack.id },
      201,
    );
    expect(back).toMatchObject({
      direction: 'IN',
      customsDocument: 'BC 2.6.2',
      deliveryNote: 'SJ-RP-0099',
      receivingLocationId: quarantineRack.id,
    });
    const received = await ok('security', 'POST', `/subcon/gate-passes/${back.id}/count`, {
      lines: [{ lineId: back.lines[0].id, countedQuantity: 10 }],
    });
    expect(received.state).toBe('RELEASED');
    const lotId = received.lines[0].lotId;
    expect(lotId).toBeTruthy();

    // The panels and the thread they used are gone from the subcontractor; the skins sit on the
    // receiving rack in a QUARANTINE lot waiting for the incoming inspection.
    expect(await p.wh.balance(a.cut.id, consignment)).toBe(0);
    expect(await p.wh.balance(a.thread.id, consignment)).toBe(0);
    expect(await p.wh.balance(a.skin.id, quarantineRack.id)).toBe(10);
    const quarantined = (await ok('qc', 'GET', '/quality/lots')).items.find(
      (l: { id: string }) => l.id === lotId,
    );
    expect(quarantined).toMatchObject({ qualityStatus: 'QUARANTINE', lotNumber: back.number });
    const wo = (await ok('ppic', 'GET', `/production/work-orders?moId=${a.mo.id}`)).items.find(
      (w: { id: string }) => w.id === a.subcon.id,
    );
    expect(wo).toMatchObject({ state: 'DONE', goodQuantity: 10 });
    expect(
      (await ok('viewer', 'GET', '/subcon/alerts')).items.map((x: { gatePassId: string }) => x.gatePassId),
    ).not.toContain(pass.id);

    // Not to the line (so not to Finishing) while quarantined; the incoming inspection releases it.
    const early = await p.call('warehouse', 'POST', `/subcon/gate-passes/${back.id}/to-line`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('LOT_NOT_RELEASED');
    await ok('qc', 'POST', '/quality/inspections', { type: 'INCOMING', lotId, defects: 0 }, 201);
    await p.clearLine('SUBCON');
    const onLine = await ok('warehouse', 'POST', `/subcon/gate-passes/${back.id}/to-line`);
    expect(onLine.onLineAt).toBeTruthy();
    expect((await p.call('warehouse', 'POST', `/subcon/gate-passes/${back.id}/to-line`)).status).toBe(409);
    expect(await p.wh.balance(a.skin.id, subconLine)).toBe(10);
    await p.clearLine('FINISHING');
    const handover = await ok(
      'admin',
      'POST',
      `/production/work-orders/${a.subcon.id}/handover`,
      { quantity: 10 },
      201,
    );
    await ok('admin', 'POST', `/production/handovers/${handover.id}/accept`, { receivedQuantity: 10 });
    expect(await p.wh.balance(a.skin.id, await lineOf('FINISHING'))).toBe(10);

    // Both passes print.
    for (const id of [pass.id, back.id]) {
      const pdf = await fetch(`${t.baseUrl}/api/v1/subcon/gate-passes/${id}/gate-pass.pdf`, {
        headers: { authorization: `Bearer ${tokens.viewer}` },
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    }
  });

  it('cancels a held pass with a reason and moves nothing; a rejected return goes back to the vendor', async () => {
    const partner = await subcontractor();
    const a = await panelsAtSubcon();
    const subconLine = await lineOf('SUBCON');
    const pass = (await passOut(a.subcon.id, partner.id, a.cut, a.thread)).body;
    await countAll(pass, 'security', 2);
    expect(
      (await p.call('warehouse', 'POST', `/subcon/gate-passes/${pass.id}/cancel`, { reason: ' ' })).status,
    ).toBe(422);
    const cancelled = await ok('warehouse', 'POST', `/subcon/gate-passes/${pass.id}/cancel`, {
      reason: 'Truck left without the load',
    });
    expect(cancelled).toMatchObject({ state: 'CANCELLED', cancelReason: 'Truck left without the load' });
    expect(await p.wh.balance(a.cut.id, subconLine)).toBe(10);

    const again = (await passOut(a.subcon.id, partner.id, a.cut, a.thread)).body;
    expect((await countAll(again)).status).toBe(200);
    const back = await ok(
      'warehouse',
      'POST',
      '/subcon/gate-passes',
      {
        direction: 'IN',
        workOrderId: a.subcon.id,
        partnerId: partner.id,
        vehicleNumber: 'B 1',
        driverName: 'Budi',
        deliveryNote: 'SJ-2',
        lines: [{ productId: a.skin.id, quantity: 10 }],
      },
      201,
    );
    // A short count at the gate holds the return too: nothing is received, nothing consumed.
    const short = await countAll(back, 'security', 1);
    expect(short.body).toMatchObject({ state: 'HOLD', mismatches: 1 });
    expect(short.body.lines[0].lotId).toBeNull();
    expect(
      await p.wh.balance(a.cut.id, again.consignmentLocationId ?? short.body.consignmentLocationId),
    ).toBe(10);
    // Counted again with an Idempotency-Key and retried: received once.
    const key = { 'idempotency-key': randomUUID() };
    const body = {
      lines: back.lines.map((l: { id: string; quantity: number }) => ({
        lineId: l.id,
        countedQuantity: l.quantity,
      })),
    };
    const counted = await p.call('security', 'POST', `/subcon/gate-passes/${back.id}/count`, body, key);
    const retried = await p.call('security', 'POST', `/subcon/gate-passes/${back.id}/count`, body, key);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ state: 'RELEASED', counts: 2 });
    expect(counted.body).toMatchObject({ state: 'RELEASED' });
    const lotId = counted.body.lines[0].lotId;
    // AQL 2.5, lot of 10 (code letter B, sample 3, accept 0): one defect rejects the lot.
    await ok('qc', 'POST', '/quality/inspections', { type: 'INCOMING', lotId, defects: 1 }, 201);
    await ok('admin', 'POST', `/quality/lots/${lotId}/return`, {});
    expect(await p.wh.balance(a.skin.id, back.receivingLocationId)).toBe(0);
    expect((await p.call('warehouse', 'POST', `/subcon/gate-passes/${back.id}/to-line`)).status).toBe(409);
  });
});
