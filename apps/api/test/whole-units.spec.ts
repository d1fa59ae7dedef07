import { ordersFixtures } from './support/orders-fixtures.js';
import { ppicSuite, type PpicFixtures } from './support/ppic-suite.js';
import type { TestApp } from './support/test-app.js';

/** Whole units (PCS, CARTON, …) are counted in whole numbers on every write route: 422, never rounded. */
let t: TestApp;
let p: PpicFixtures;
ppicSuite(['ppic', 'packing', 'purchasing', 'admin'], (suite) => ({ t, p } = suite));

const refused = (res: { status: number; body: { code: string; details: unknown } }, field: string) => {
  expect(res.status).toBe(422);
  expect(res.body.code).toBe('FRACTIONAL_WHOLE_UNIT');
  expect(res.body.details).toEqual([{ field, messages: [expect.stringMatching(/whole number/)] }]);
};

describe('whole units in the API', () => {
  it('stock receipts, issues, transfers and adjustments: a fraction of PCS or CARTON is 422; METER takes decimals', async () => {
    const pcs = await p.wh.product({ uom: 'PCS', unitConversions: [{ uom: 'CARTON', factor: 60 }] });
    const meter = await p.wh.product({ uom: 'METER' });
    const rack = await p.wh.rack();
    const other = await p.wh.rack();
    refused(
      await p.wh.call('POST', '/warehouse/stock/receipts', {
        productId: pcs.id,
        locationId: rack.id,
        quantity: 2.5,
      }),
      'quantity',
    );
    refused(
      await p.wh.call('POST', '/warehouse/stock/receipts', {
        productId: pcs.id,
        locationId: rack.id,
        quantity: 1.5,
        uom: 'CARTON',
      }),
      'quantity',
    );
    await p.wh.receive(pcs.id, rack.id, 2, { uom: 'CARTON' });
    expect(await p.wh.balance(pcs.id, rack.id)).toBe(120);
    await p.wh.receive(meter.id, rack.id, 12.75);
    refused(
      await p.wh.call('POST', '/warehouse/stock/issues', {
        productId: pcs.id,
        fromLocationId: rack.id,
        quantity: 0.5,
      }),
      'quantity',
    );
    refused(
      await p.wh.call('POST', '/warehouse/stock/transfers', {
        productId: pcs.id,
        fromLocationId: rack.id,
        toLocationId: other.id,
        quantity: 3.25,
      }),
      'quantity',
    );
    refused(
      await p.wh.call('POST', '/warehouse/stock/adjustments', {
        productId: pcs.id,
        locationId: rack.id,
        countedQuantity: 119.5,
        reason: 'Cycle count',
      }),
      'countedQuantity',
    );
    expect(await p.wh.balance(pcs.id, rack.id)).toBe(120);
    expect(
      (
        await p.wh.call('POST', '/warehouse/stock/transfers', {
          productId: meter.id,
          fromLocationId: rack.id,
          toLocationId: other.id,
          quantity: 2.25,
        })
      ).status,
    ).toBe(201);
    expect(await p.wh.balance(meter.id, other.id)).toBe(2.25);
  });

  it('MO planned quantity (create and edit) and completion', async () => {
    const a = await p.article({ fabric: 100, label: 50, carton: 50 });
    refused(
      await p.call('ppic_admin', 'POST', '/ppic/tasks', {
        productId: a.fg.id,
        plannedQuantity: 10.5,
        route: 'ROUTE_2',
      }),
      'plannedQuantity',
    );
    const mo = await p.mo(a.fg.id, 10);
    refused(
      await p.call('ppic_admin', 'PUT', `/ppic/tasks/${mo.id}`, {
        productId: a.fg.id,
        plannedQuantity: 9.5,
        route: 'ROUTE_2',
        version: mo.version,
      }),
      'plannedQuantity',
    );
    await p.transition('manager', mo.id, 'approve');
    await p.transition('ppic_admin', mo.id, 'start');
    refused(await p.transition('ppic_admin', mo.id, 'complete', { actualQuantity: 9.99 }), 'actualQuantity');
    const batch = await p.call('ppic_admin', 'POST', '/ppic/tasks/batch/complete', {
      ids: [mo.id],
      actualQuantity: 9.5,
    });
    expect(batch.status).toBe(409);
    expect(batch.body.details.error.code).toBe('FRACTIONAL_WHOLE_UNIT');
    expect((await p.call('ppic', 'GET', `/ppic/tasks/${mo.id}`)).body.state).toBe('IN_PROGRESS');
  });

  it('work-order output, handover and accept count whole pieces', async () => {
    // The demo factory's WIP on the sewing line would refuse the handover (line clearance).
    await p.clearLine('SEWING');
    const a = await p.article({ fabric: 100, label: 50, carton: 50 });
    const mo = await p.mo(a.fg.id, 10);
    await p.transition('manager', mo.id, 'approve');
    await p.transition('ppic_admin', mo.id, 'start');
    const [cutting] = (await p.call('ppic', 'GET', `/production/work-orders?moId=${mo.id}`)).body.items;
    await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/start`);
    const out = (body: unknown) =>
      p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/output`, body);
    refused(await out({ goodQuantity: 4.5 }), 'goodQuantity');
    refused(await out({ goodQuantity: 4, rejectedQuantity: 0.5, rejectReason: 'Torn' }), 'rejectedQuantity');
    expect((await out({ goodQuantity: 9, rejectedQuantity: 1, rejectReason: 'Torn' })).status).toBe(200);
    refused(
      await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/handover`, { quantity: 4.5 }),
      'quantity',
    );
    const sent = await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/handover`, {
      quantity: 9,
    });
    refused(
      await p.call('sewing', 'POST', `/production/handovers/${sent.body.id}/accept`, {
        receivedQuantity: 8.5,
      }),
      'receivedQuantity',
    );
    expect(
      (
        await p.call('sewing', 'POST', `/production/handovers/${sent.body.id}/accept`, {
          receivedQuantity: 9,
        })
      ).status,
    ).toBe(200);
  });

  it('kanban request and receipt', async () => {
    const pcs = await p.wh.product({ type: 'ACCESSORY' });
    const rack = await p.wh.rack();
    await p.wh.receive(pcs.id, rack.id, 50);
    refused(
      await p.call('packing', 'POST', '/ppic/kanban/cards', { productId: pcs.id, quantity: 2.5 }),
      'quantity',
    );
    const card = await p.call('packing', 'POST', '/ppic/kanban/cards', { productId: pcs.id, quantity: 10 });
    expect(card.status).toBe(201);
    await p.call('warehouse', 'POST', `/ppic/kanban/cards/${card.body.id}/approve`, {});
    await p.call('warehouse', 'POST', `/ppic/kanban/cards/${card.body.id}/ship`, {});
    refused(
      await p.call('packing', 'POST', `/ppic/kanban/cards/${card.body.id}/receive`, {
        receivedQuantity: 9.5,
      }),
      'receivedQuantity',
    );
    refused(
      await p.call('warehouse', 'POST', '/ppic/kanban/rules', {
        department: 'PACKING',
        productId: pcs.id,
        reorderPoint: 10,
        orderQuantity: 12.5,
      }),
      'orderQuantity',
    );
    const meter = await p.wh.product({ uom: 'METER' });
    await p.wh.receive(meter.id, rack.id, 50);
    expect(
      (await p.call('packing', 'POST', '/ppic/kanban/cards', { productId: meter.id, quantity: 2.5 })).status,
    ).toBe(201);
  });

  it('purchase-order lines and goods receipts', async () => {
    const o = ordersFixtures(t);
    const supplier = await o.partner('SUPPLIER');
    const rack = await o.rack();
    const box = await o.product({ type: 'ACCESSORY', unitConversions: [{ uom: 'CARTON', factor: 60 }] });
    const line = { productId: box.id, uom: 'CARTON', expectedDate: '2026-12-18' };
    const po = (quantity: number) =>
      o.call('purchasing', 'POST', '/purchasing/orders', {
        supplierId: supplier.id,
        lines: [{ ...line, quantity }],
      });
    refused(await po(10.5), 'lines.0.quantity');
    const draft = await po(10);
    expect(draft.status).toBe(201);
    const approved = await o.ok('purchasing_mgr', 'POST', `/purchasing/orders/${draft.body.id}/approve`, {});
    const receipt = (quantity: number, uom?: string) =>
      o.call('wh_operator', 'POST', `/purchasing/orders/${draft.body.id}/receipts`, {
        lines: [{ lineId: approved.lines[0].id, quantity, uom, locationId: rack.id }],
      });
    refused(await receipt(2.5), 'lines.0.quantity');
    refused(await receipt(30.5, 'PCS'), 'lines.0.quantity');
    expect((await receipt(30, 'PCS')).status).toBe(201);
  });

  it('the explosion rounds whole units up once per order; outputs consume whole pieces adding up to it', async () => {
    // CUT (CUTTING): 2 m fabric + 0.33 thread cone (PCS) at 3% wastage per piece.
    const fg = await p.wh.product({ type: 'FINISHED_GOOD' });
    const cut = await p.wh.product({ type: 'WIP' });
    const fabric = await p.wh.product({ uom: 'METER' });
    const thread = await p.wh.product({ type: 'ACCESSORY' });
    const carton = await p.wh.product({ type: 'ACCESSORY' });
    const rack = await p.wh.rack();
    await p.wh.receive(fabric.id, rack.id, 100);
    await p.wh.receive(thread.id, rack.id, 50);
    await p.wh.receive(carton.id, rack.id, 50);
    await p.bom(cut.id, [
      { componentId: fabric.id, department: 'CUTTING', neededQuantity: 0.37, wastagePercent: 5 },
      { componentId: thread.id, department: 'CUTTING', neededQuantity: 0.33, wastagePercent: 3 },
    ]);
    const skin = await p.wh.product({ type: 'WIP' });
    await p.bom(skin.id, [{ componentId: cut.id, department: 'SEWING', neededQuantity: 1 }]);
    const fgBom = await p.bom(fg.id, [
      { componentId: skin.id, department: 'PACKING', neededQuantity: 1 },
      { componentId: carton.id, department: 'PACKING', neededQuantity: 0.0625 },
    ]);

    // 10 pieces: 3.399 cones → 4 (per piece it would be 10); 0.625 carton → 1; fabric keeps 3.885 m.
    const explosion = (await p.call('engineer', 'GET', `/warehouse/bom/${fgBom.id}/explode?quantity=10`))
      .body;
    const need = (id: string) =>
      explosion.requirements.find((r: { productId: string }) => r.productId === id);
    expect(need(thread.id)).toMatchObject({ quantity: 4, shortage: 0 });
    expect(need(carton.id)).toMatchObject({ quantity: 1, shortage: 0 });
    expect(need(fabric.id).quantity).toBe(3.885);
    // One order of 1,000: 1000 × 0.0625 = 62.5 cartons → 63, with 13 short of the 50 on the rack.
    const big = (await p.call('engineer', 'GET', `/warehouse/bom/${fgBom.id}/explode?quantity=1000`)).body;
    expect(big.requirements.find((r: { productId: string }) => r.productId === carton.id)).toMatchObject({
      quantity: 63,
      available: 50,
      shortage: 13,
    });

    const mo = await p.mo(fg.id, 10);
    await p.transition('manager', mo.id, 'approve');
    await p.transition('ppic_admin', mo.id, 'start');
    const materials = async () =>
      new Map<string, { quantity: number; consumedQuantity: number }>(
        (await p.call('ppic', 'GET', `/ppic/tasks/${mo.id}`)).body.materials.map(
          (x: { productId: string; quantity: number; consumedQuantity: number }) => [x.productId, x],
        ),
      );
    expect((await materials()).get(thread.id)!.quantity).toBe(4);
    const [cutting] = (await p.call('ppic', 'GET', `/production/work-orders?moId=${mo.id}`)).body.items;
    await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/start`);
    // Uneven outputs (with a reject): every step whole, the total exactly the requirement.
    const steps: number[] = [];
    for (const [good, reject] of [
      [1, 0],
      [2, 1],
      [3, 0],
      [1, 0],
      [2, 0],
    ]) {
      const res = await p.call('cutting', 'POST', `/production/work-orders/${cutting.id}/output`, {
        goodQuantity: good,
        rejectedQuantity: reject,
        rejectReason: reject ? 'Torn' : undefined,
      });
      expect(res.status).toBe(200);
      const now = await materials();
      const threadUsed = now.get(thread.id)!.consumedQuantity;
      expect(Number.isInteger(threadUsed)).toBe(true);
      steps.push(threadUsed);
      expect(now.get(fabric.id)!.consumedQuantity).toBeLessThanOrEqual(3.885);
    }
    // Cumulative ceil(4 × done/10): the cone is opened by the output that first needs it.
    expect(steps).toEqual([1, 2, 3, 4, 4]);
    const end = await materials();
    expect(end.get(fabric.id)!.consumedQuantity).toBe(3.885);
    expect(await p.wh.balance(thread.id, rack.id)).toBe(46);
  });
});
