import type { ApiErrorBody, Schemas } from '@kapok/api-client';
import { ppicSuite, type PpicFixtures, type PpicSuite } from './support/ppic-suite.js';
import type { TestApp } from './support/test-app.js';

let t: TestApp;
let tokens: PpicSuite['tokens'];
let p: PpicFixtures;
ppicSuite(['finishing', 'qc', 'qc_manager', 'viewer'], (suite) => ({ t, tokens, p } = suite), {
  DB_POOL_SIZE: '30',
});

const wh = () => p.wh;

/** Makes a product inspected on receipt, then receives a lot of it (which arrives in QUARANTINE). */
async function inspectedProduct(over: Record<string, unknown> = {}) {
  return wh().product({ uom: 'METER', inspectionRequired: true, ...over });
}
async function receiveLot(
  productId: string,
  rackId: string,
  quantity: number,
  lotNumber: string,
  receivedAt: string,
) {
  await wh().receive(productId, rackId, quantity, { lotNumber, receivedAt });
  const lots = await wh().ok('GET', `/warehouse/lots?productId=${productId}&search=${lotNumber}`);
  return lots.items[0] as { id: string; lotNumber: string; qualityStatus: string };
}
const inspect = (user: string, body: Record<string, unknown>) =>
  p.call(user, 'POST', '/quality/inspections', body);

describe('sampling plan route', () => {
  it('answers the ISO 2859-1 plan for a lot size and AQL, and refuses an AQL not in the table', async () => {
    const res = await p.call('qc', 'GET', '/quality/sampling-plan?lotSize=1000&aql=2.5');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      lotSize: 1000,
      aql: 2.5,
      codeLetter: 'J',
      planLetter: 'J',
      sampleSize: 80,
      accept: 5,
      reject: 6,
      inspectAll: false,
    });
    expect((await p.call('qc', 'GET', '/quality/sampling-plan?lotSize=1000')).body.aql).toBe(2.5);
    expect((await p.call('qc', 'GET', '/quality/sampling-plan?lotSize=1000&aql=3')).status).toBe(422);
    expect((await p.call('qc', 'GET', '/quality/sampling-plan?lotSize=0')).status).toBe(422);
    expect((await p.call('cutting', 'GET', '/quality/sampling-plan?lotSize=10')).status).toBe(403);
  });
});

describe('the quality gate in the posting service', () => {
  it('a QUARANTINE lot cannot be issued or picked by FIFO, but moves between racks; inspection releases it', async () => {
    const fabric = await inspectedProduct();
    const rackA = await wh().rack();
    const rackB = await wh().rack();
    const line = await wh().location('LINE-CUTTING');
    const old = await receiveLot(fabric.id, rackA.id, 100, 'Q-OLD', '2026-11-01T00:00:00Z');
    const fresh = await receiveLot(fabric.id, rackA.id, 60, 'Q-NEW', '2026-11-20T00:00:00Z');
    expect(old.qualityStatus).toBe('QUARANTINE');
    expect(
      (
        await wh().call('POST', '/warehouse/stock/receipts', {
          productId: fabric.id,
          locationId: rackA.id,
          quantity: 5,
        })
      ).status,
    ).toBe(422);

    // Issued by name: refused, naming the lot.
    const named = await wh().call('POST', '/warehouse/stock/issues', {
      productId: fabric.id,
      fromLocationId: rackA.id,
      toLocationId: line.id,
      lotId: old.id,
      quantity: 10,
    });
    expect(named.status).toBe(409);
    expect(named.body).toMatchObject({
      code: 'LOT_NOT_RELEASED',
      details: { lotNumber: 'Q-OLD', qualityStatus: 'QUARANTINE' },
    });
    // FIFO finds nothing released.
    const fifo = await wh().call('POST', '/warehouse/stock/issues', {
      productId: fabric.id,
      fromLocationId: rackA.id,
      toLocationId: line.id,
      quantity: 10,
    });
    expect(fifo.status).toBe(409);
    expect(fifo.body.code).toBe('INSUFFICIENT_STOCK');
    // Between racks (to a quarantine rack) it may move.
    const moved = await wh().call('POST', '/warehouse/stock/transfers', {
      productId: fabric.id,
      fromLocationId: rackA.id,
      toLocationId: rackB.id,
      lotId: old.id,
      quantity: 40,
    });
    expect(moved.status).toBe(201);
    const stock = await wh().stock(fabric.id);
    expect(stock).toMatchObject({ onHand: 160, available: 0, onHold: 160 });
    expect(stock.balances.every((b: { qualityStatus: string }) => b.qualityStatus === 'QUARANTINE')).toBe(
      true,
    );

    // The station lists both with their plans; QC inspects the newer lot: 2 defects of 13 at AQL 2.5 → released.
    const waiting = (await p.call('qc', 'GET', '/quality/lots')).body.items.filter(
      (l: { productId: string }) => l.productId === fabric.id,
    );
    expect(waiting.map((l: { lotNumber: string }) => l.lotNumber)).toEqual(['Q-OLD', 'Q-NEW']);
    // 60 m: letter E, whose AQL 2.5 cell points down to F (sample 20, accept 1).
    expect(waiting[1].samplingPlan).toMatchObject({
      codeLetter: 'E',
      planLetter: 'F',
      sampleSize: 20,
      accept: 1,
      reject: 2,
    });
    expect((await inspect('qc', { type: 'INCOMING', lotId: fresh.id, defects: 21 })).status).toBe(422);
    const passed = await inspect('qc', { type: 'INCOMING', lotId: fresh.id, defects: 1 });
    expect(passed.status).toBe(201);
    expect(passed.body).toMatchObject({
      verdict: 'PASSED',
      lotStatus: 'RELEASED',
      sampleSize: 20,
      inspectorName: 'Nur Aisyah',
    });
    expect((await inspect('qc', { type: 'INCOMING', lotId: fresh.id, defects: 0 })).status).toBe(409);

    // FIFO now skips the older quarantined lot and draws the released one.
    const picked = await wh().call('POST', '/warehouse/stock/issues', {
      productId: fabric.id,
      fromLocationId: rackA.id,
      toLocationId: line.id,
      quantity: 10,
    });
    expect(picked.status).toBe(201);
    const moves = await wh().ok('GET', `/warehouse/stock/moves?productId=${fabric.id}&type=ISSUE`);
    expect(moves.items.map((mv: { lotNumber: string }) => mv.lotNumber)).toEqual(['Q-NEW']);

    // The release is audited and published as quality.lot.released.
    const audit = await t.db.query(
      `select action, after from audit_log where entity_type = 'quality.lot' and entity_id = $1`,
      [fresh.id],
    );
    expect(audit.rows).toEqual([
      expect.objectContaining({
        action: 'quality.lot.released',
        after: expect.objectContaining({ state: 'RELEASED', defects: 1 }),
      }),
    ]);
  });

  it('a rejected lot goes back to the supplier; the planner’s MO starts only on released material', async () => {
    const a = await p.article({ label: 50, carton: 50 });
    await wh().ok('PUT', `/warehouse/products/${a.fabric.id}`, {
      code: a.fabric.code,
      name: a.fabric.name,
      type: a.fabric.type,
      uom: a.fabric.uom,
      inspectionRequired: true,
      version: a.fabric.version,
    });
    const bad = await receiveLot(a.fabric.id, a.rack.id, 30, 'R-BAD', '2026-11-02T00:00:00Z');
    const good = await receiveLot(a.fabric.id, a.rack.id, 40, 'R-GOOD', '2026-11-03T00:00:00Z');
    const mo = await p.mo(a.fg.id, 10);
    expect((await p.transition('manager', mo.id, 'approve')).status).toBe(200);
    // The explosion sees no released fabric, and the start (which reserves) is refused.
    const start = await p.transition('ppic_admin', mo.id, 'start');
    expect(start.status).toBe(409);
    expect(start.body.code).toBe('INSUFFICIENT_STOCK');

    // 30 m: letter D, whose AQL 2.5 cell points up to C (sample 5, accept 0, reject 1).
    const rejected = await inspect('qc', { type: 'INCOMING', lotId: bad.id, defects: 1 });
    expect(rejected.body).toMatchObject({
      verdict: 'FAILED',
      lotStatus: 'REJECTED',
      plan: { codeLetter: 'D', planLetter: 'C', sampleSize: 5, accept: 0, reject: 1 },
    });
    const back = await p.call('qc_manager', 'POST', `/quality/lots/${bad.id}/return`, {});
    expect(back.status).toBe(200);
    expect(back.body.onHand).toBe(0);
    expect((await p.call('qc', 'POST', `/quality/lots/${bad.id}/return`, {})).status).toBe(403);

    expect((await inspect('qc', { type: 'INCOMING', lotId: good.id, defects: 0 })).body.lotStatus).toBe(
      'RELEASED',
    );
    const started = await p.transition('ppic_admin', mo.id, 'start');
    expect(started.status).toBe(200);

    // Blocked after the start: its reserved stock can no longer be consumed.
    const cutting = (await p.call('cutting', 'GET', `/production/work-orders?moId=${mo.id}`)).body.items[0];
    expect((await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/start`)).status).toBe(200);
    expect(
      (await p.call('qc', 'POST', `/quality/lots/${good.id}/block`, { reason: 'Smell of solvent' })).status,
    ).toBe(403);
    expect(
      (await p.call('qc_manager', 'POST', `/quality/lots/${good.id}/block`, { reason: 'Smell of solvent' }))
        .status,
    ).toBe(200);
    const consume = await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/output`, {
      goodQuantity: 2,
    });
    expect(consume.status).toBe(409);
    expect(consume.body).toMatchObject({
      code: 'LOT_NOT_RELEASED',
      details: { lotNumber: 'R-GOOD', qualityStatus: 'BLOCKED' },
    });
    expect((await p.call('qc_manager', 'POST', `/quality/lots/${good.id}/release`, {})).status).toBe(422);
    const released = await p.call('qc_manager', 'POST', `/quality/lots/${good.id}/release`, {
      reason: 'Lab found no solvent',
    });
    expect(released.body.qualityStatus).toBe('RELEASED');
    expect(
      (await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/output`, { goodQuantity: 2 }))
        .status,
    ).toBe(200);
    const override = await t.db.query(
      `select after from audit_log where entity_type = 'quality.lot' and entity_id = $1 and action = 'quality.lot.released'`,
      [good.id],
    );
    expect(override.rows.at(-1).after).toMatchObject({ reason: 'Lab found no solvent', override: true });
  });
});

/** A lab-test answer: the recorded test on 201, the error body otherwise. */
type LabTestAnswer = Partial<Schemas['LabTestResponse']> & Partial<ApiErrorBody>;

describe('test plans and lab tests', () => {
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(64, 1),
  ]);
  const labTest = (
    user: string,
    fields: Record<string, string>,
    file?: { data: Buffer; name: string; type: string },
  ) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append('evidence', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
    return fetch(`${t.baseUrl}/api/v1/quality/lab-tests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[user]}` },
      body: form,
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as LabTestAnswer }));
  };

  it('releases a batch when every planned test passes, blocks it on a failure; evidence is checked by its bytes', async () => {
    const toy = await wh().product({ type: 'FINISHED_GOOD', uom: 'PCS', inspectionRequired: true });
    const rack = await wh().rack();
    const plan = {
      items: [
        { testType: 'SEAM_STRENGTH', standard: 'EN 71-1', unit: 'N', limitKind: 'MIN', limitValue: 90 },
        { testType: 'SMALL_PARTS', standard: 'EN 71-1', unit: 'PCS', limitKind: 'MAX', limitValue: 0 },
      ],
    };
    expect((await p.call('qc', 'PUT', `/quality/test-plans/${toy.id}`, plan)).status).toBe(403);
    const put = await p.call('qc_manager', 'PUT', `/quality/test-plans/${toy.id}`, plan);
    expect(put.status).toBe(200);
    expect((await p.call('qc', 'GET', `/quality/test-plans/${toy.id}`)).body.items).toHaveLength(2);
    expect((await wh().ok('GET', `/warehouse/products/${toy.id}`)).batchReleaseRequired).toBe(true);

    const lot1 = await receiveLot(toy.id, rack.id, 100, 'B-1', '2026-11-05T00:00:00Z');
    const lot2 = await receiveLot(toy.id, rack.id, 100, 'B-2', '2026-11-06T00:00:00Z');
    const seam = {
      lotId: lot1.id,
      testType: 'SEAM_STRENGTH',
      measuredValue: '112.5',
      unit: 'N',
      lab: 'SGS Jakarta',
    };
    expect((await labTest('qc', { ...seam, unit: 'kgf' })).status).toBe(422);
    expect((await labTest('qc', { ...seam, testType: 'DROP' })).body.code).toBe('NOT_IN_TEST_PLAN');
    const text = await labTest('qc', seam, {
      data: Buffer.from('not a report'),
      name: 'r.pdf',
      type: 'application/pdf',
    });
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await labTest('qc', seam, {
      data: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * 1024 * 1024)]),
      name: 'big.pdf',
      type: 'application/pdf',
    });
    expect(big.status).toBe(413);

    const first = await labTest('qc', seam, { data: png, name: 'seam.png', type: 'image/png' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      verdict: 'PASSED',
      lotStatus: 'QUARANTINE',
      evidenceContentType: 'image/png',
      standard: 'EN 71-1',
    });
    const file = await fetch(`${t.baseUrl}/api/v1/quality/lab-tests/${first.body.id}/evidence`, {
      headers: { authorization: `Bearer ${tokens.qc}` },
    });
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
    const second = await labTest('qc', {
      lotId: lot1.id,
      testType: 'SMALL_PARTS',
      measuredValue: '0',
      unit: 'PCS',
      lab: 'SGS Jakarta',
    });
    expect(second.body).toMatchObject({ verdict: 'PASSED', lotStatus: 'RELEASED' });

    const failed = await labTest('qc', { ...seam, lotId: lot2.id, measuredValue: '71' });
    expect(failed.body).toMatchObject({ verdict: 'FAILED', lotStatus: 'BLOCKED' });
    expect((await p.call('qc', 'GET', `/quality/lab-tests?lotId=${lot2.id}`)).body.items).toHaveLength(1);

    // Released by its lab tests: the batch got its passport in the same transaction, once.
    const passport = await p.call('qc', 'GET', `/quality/lots/${lot1.id}/passport`);
    expect(passport.status).toBe(200);
    const again = await p.call('qc', 'POST', `/quality/lots/${lot1.id}/passport`);
    expect(again.body.code).toBe(passport.body.code);
    const open = await fetch(`${t.baseUrl}/api/v1/public/passports/${passport.body.code}`);
    expect(open.status).toBe(200);
    const body = (await open.json()) as { labTests: Array<{ type: string; result: string }> };
    expect(body.labTests.map((l) => l.type).sort()).toEqual(['SEAM_STRENGTH', 'SMALL_PARTS']);
    // A blocked batch has none, and cannot be given one by hand.
    expect((await p.call('qc', 'GET', `/quality/lots/${lot2.id}/passport`)).status).toBe(404);
    const refused = await p.call('qc', 'POST', `/quality/lots/${lot2.id}/passport`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('LOT_NOT_RELEASED');
    // The manager's override releases it, and the passport follows.
    expect(
      (
        await p.call('qc_manager', 'POST', `/quality/lots/${lot2.id}/release`, {
          reason: 'Retest by SGS passed',
        })
      ).body.qualityStatus,
    ).toBe('RELEASED');
    const secondPassport = await p.call('qc', 'GET', `/quality/lots/${lot2.id}/passport`);
    expect(secondPassport.status).toBe(200);
    const rows = await t.db.query(`select count(*)::int as n from passports where lot_id = any($1)`, [
      [lot1.id, lot2.id],
    ]);
    expect(rows.rows[0].n).toBe(2);
    // Blocked again later: its public page is gone.
    expect(
      (await p.call('qc_manager', 'POST', `/quality/lots/${lot2.id}/block`, { reason: 'Customer complaint' }))
        .status,
    ).toBe(200);
    expect((await fetch(`${t.baseUrl}/api/v1/public/passports/${secondPassport.body.code}`)).status).toBe(
      404,
    );
  });
});

describe('metal detection on a finishing work order', () => {
  /** An order of 10 run through cutting and sewing: its finishing work order has 10 pieces, started. */
  async function atFinishing() {
    const a = await p.article({ fabric: 100, label: 50, carton: 50 });
    const mo = await p.mo(a.fg.id, 10);
    await p.transition('manager', mo.id, 'approve');
    await p.transition('ppic_admin', mo.id, 'start');
    const wos = (await p.call('ppic_admin', 'GET', `/production/work-orders?moId=${mo.id}`)).body
      .items as Array<{
      id: string;
      department: string;
    }>;
    const wo = (d: string) => wos.find((w) => w.department === d)!.id;
    // The demo leaves other articles' orders on the sewing and finishing lines: clear them, or the
    // handovers are refused as LINE_NOT_CLEAR (line clearance, issue 17).
    const lines = (await p.call('ppic_admin', 'GET', '/production/lines')).body;
    for (const [user, department] of [
      ['sewing', 'SEWING'],
      ['finishing', 'FINISHING'],
    ]) {
      const line = (Array.isArray(lines) ? lines : lines.items).find(
        (l: { department: string }) => l.department === department,
      ) as { batches: Array<{ moId: string }> };
      for (const b of line.batches)
        expect(
          (
            await p.call(user, 'POST', `/production/lines/${department}/scrap`, {
              moId: b.moId,
              reason: 'Cleared for the test batch',
            })
          ).status,
        ).toBe(201);
    }
    for (const [user, department] of [
      ['cutting', 'CUTTING'],
      ['sewing', 'SEWING'],
    ]) {
      expect((await p.call(user, 'POST', `/production/work-orders/${wo(department)}/start`)).status).toBe(
        200,
      );
      const out = await p.call(user, 'POST', `/production/work-orders/${wo(department)}/output`, {
        goodQuantity: 10,
      });
      expect(out.status).toBe(200);
      const sent = await p.call(user, 'POST', `/production/work-orders/${wo(department)}/handover`, {
        quantity: 10,
      });
      expect(sent.status).toBe(201);
      const next = department === 'CUTTING' ? 'sewing' : 'finishing';
      expect(
        (await p.call(next, 'POST', `/production/handovers/${sent.body.id}/accept`, { receivedQuantity: 10 }))
          .status,
      ).toBe(200);
    }
    expect(
      (await p.call('finishing', 'POST', `/production/work-orders/${wo('FINISHING')}/start`)).status,
    ).toBe(200);
    return { a, mo, finishing: wo('FINISHING') };
  }
  const workOrder = async (id: string) =>
    (
      await t.db.query(
        `select good_qty::int as good, reject_qty::int as reject, state from work_orders where id = $1`,
        [id],
      )
    ).rows[0] as { good: number; reject: number; state: string };
  const scrapped = async (id: string) =>
    Number(
      (
        await t.db.query(
          `select coalesce(sum(m.quantity), 0)::int as q from stock_moves m join locations l on l.id = m.to_location_id
            where m.document_id = $1 and m.type = 'SCRAP' and m.note = 'METAL_DETECTED' and l.type = 'LOSS'`,
          [id],
        )
      ).rows[0].q,
    );
  const alertsOf = async (woId: string) =>
    (await t.db.query(`select * from quality_alerts where work_order_id = $1`, [woId])).rows as Array<{
      id: string;
      pieces: number;
      status: string;
    }>;

  it('caps the recordable output by the pieces passed, scraps failed pieces and opens a CRITICAL alert', async () => {
    const { finishing } = await atFinishing();
    const metal = (user: string, passedQuantity: number, failedQuantity: number) =>
      inspect(user, { type: 'METAL_DETECTION', workOrderId: finishing, passedQuantity, failedQuantity });
    expect((await metal('finishing', 10, 0)).status).toBe(403);
    const tooMany = await metal('qc', 8, 3);
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.code).toBe('VALIDATION_FAILED');

    const found = await metal('qc', 6, 2);
    expect(found.status).toBe(201);
    expect(found.body).toMatchObject({
      verdict: 'FAILED',
      passedQuantity: 6,
      failedQuantity: 2,
      sampleSize: 8,
    });
    expect(await workOrder(finishing)).toEqual({ good: 0, reject: 2, state: 'IN_PROGRESS' });
    expect(await scrapped(finishing)).toBe(2);
    const [alert] = await alertsOf(finishing);
    expect(alert).toMatchObject({ pieces: 2, status: 'OPEN', reason: 'METAL_DETECTED' });
    const listed = (await p.call('qc', 'GET', '/quality/alerts?status=OPEN')).body.items;
    expect(listed.find((x: { id: string }) => x.id === alert.id)).toMatchObject({
      level: 'CRITICAL',
      reason: 'METAL_DETECTED',
      pieces: 2,
    });
    const work = (await p.call('qc', 'GET', '/me/work')).body.sections;
    expect(work.find((s: { key: string }) => s.key === 'quality_alerts').items).toContainEqual(
      expect.objectContaining({ id: alert.id, kind: 'quality_alert', state: 'CRITICAL' }),
    );
    const audit = await t.db.query(
      `select 1 from audit_log where entity_id = $1 and action = 'quality_alert.opened'`,
      [alert.id],
    );
    expect(audit.rowCount).toBe(1);

    // Only what passed becomes output: 7 good pieces after 6 passed is refused.
    const over = await p.call('finishing', 'POST', `/production/work-orders/${finishing}/output`, {
      goodQuantity: 7,
    });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'NOT_METAL_DETECTED', details: { passed: 6 } });
    expect(
      (await p.call('finishing', 'POST', `/production/work-orders/${finishing}/output`, { goodQuantity: 6 }))
        .status,
    ).toBe(200);
    // The last two pass; the order's finishing is then done (6 + 2 good, 2 scrapped).
    expect((await metal('qc', 2, 0)).body.verdict).toBe('PASSED');
    expect((await metal('qc', 1, 0)).status).toBe(422);
    expect(
      (await p.call('finishing', 'POST', `/production/work-orders/${finishing}/output`, { goodQuantity: 2 }))
        .status,
    ).toBe(200);
    expect(await workOrder(finishing)).toEqual({ good: 8, reject: 2, state: 'DONE' });

    expect((await p.call('finishing', 'POST', `/quality/alerts/${alert.id}/acknowledge`, {})).status).toBe(
      403,
    );
    const ack = await p.call('qc', 'POST', `/quality/alerts/${alert.id}/acknowledge`, {
      note: 'Needle found',
    });
    expect(ack.body).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedByName: 'Nur Aisyah' });
    expect((await p.call('qc', 'POST', `/quality/alerts/${alert.id}/acknowledge`, {})).status).toBe(409);
  });

  it('rolls everything back when the scrap cannot be posted: no inspection, move, reject or alert', async () => {
    const { a, finishing } = await atFinishing();
    const line = await wh().location('LINE-FINISHING');
    const skinAtLine = async () =>
      Number(
        (
          await t.db.query(
            `select coalesce(sum(on_hand), 0)::int as q from stock_balances where product_id = $1 and location_id = $2`,
            [a.skin.id, line.id],
          )
        ).rows[0].q,
      );
    const before = await skinAtLine();
    expect(before).toBe(10);
    // Nine of the ten pieces leave the line by hand: the scrap of two then lacks its input.
    await t.db.query(`update stock_balances set on_hand = 1 where product_id = $1 and location_id = $2`, [
      a.skin.id,
      line.id,
    ]);
    const refused = await inspect('qc', {
      type: 'METAL_DETECTION',
      workOrderId: finishing,
      passedQuantity: 0,
      failedQuantity: 2,
    });
    await t.db.query(`update stock_balances set on_hand = 10 where product_id = $1 and location_id = $2`, [
      a.skin.id,
      line.id,
    ]);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('INSUFFICIENT_STOCK');
    expect(await workOrder(finishing)).toEqual({ good: 0, reject: 0, state: 'IN_PROGRESS' });
    expect(await scrapped(finishing)).toBe(0);
    expect(await alertsOf(finishing)).toEqual([]);
    const inspections = await t.db.query(`select 1 from quality_inspections where work_order_id = $1`, [
      finishing,
    ]);
    expect(inspections.rowCount).toBe(0);
    expect(await skinAtLine()).toBe(10);
  });
});
