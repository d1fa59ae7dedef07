import { raw, type TestApp } from './test-app.js';
import { warehouseFixtures } from './warehouse-fixtures.js';

/** A small article with a two-stage WIP chain on ROUTE_2 (CUTTING → SEWING → FINISHING → PACKING). */
export async function ppicFixtures(t: TestApp, tokens: Record<string, string>) {
  const wh = warehouseFixtures(t, () => tokens.warehouse);
  const call = (
    user: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    raw(t.baseUrl, `/api/v1${path}`, {
      method,
      token: tokens[user],
      body: body === undefined ? undefined : JSON.stringify(body),
      headers,
    });
  const bom = (productId: string, lines: unknown[], outputQuantity = 1) =>
    call('engineer', 'POST', '/warehouse/bom', {
      productId,
      bomType: 'MANUFACTURING',
      outputQuantity,
      lines,
    }).then((r) => {
      if (r.status !== 201) throw new Error(JSON.stringify(r.body));
      return r.body;
    });

  /** FG ← SKIN (SEWING: 1 CUT + 1 label) ← CUT (CUTTING: 2 m fabric); FG line (PACKING): 1 SKIN + 0.5 carton. */
  async function article(stock: { fabric?: number; label?: number; carton?: number } = {}) {
    const fg = await wh.product({ type: 'FINISHED_GOOD' });
    const skin = await wh.product({ type: 'WIP' });
    const cut = await wh.product({ type: 'WIP' });
    const fabric = await wh.product({ uom: 'METER' });
    const label = await wh.product({ type: 'ACCESSORY' });
    const carton = await wh.product({ type: 'ACCESSORY' });
    const rack = await wh.rack();
    if (stock.fabric) await wh.receive(fabric.id, rack.id, stock.fabric);
    if (stock.label) await wh.receive(label.id, rack.id, stock.label);
    if (stock.carton) await wh.receive(carton.id, rack.id, stock.carton);
    const cutBom = await bom(cut.id, [{ componentId: fabric.id, department: 'CUTTING', neededQuantity: 2 }]);
    await bom(skin.id, [
      { componentId: cut.id, department: 'SEWING', neededQuantity: 1 },
      { componentId: label.id, department: 'SEWING', neededQuantity: 1 },
    ]);
    const fgBom = await bom(fg.id, [
      { componentId: skin.id, department: 'PACKING', neededQuantity: 1 },
      { componentId: carton.id, department: 'PACKING', neededQuantity: 0.5 },
    ]);
    return { fg, skin, cut, fabric, label, carton, rack, cutBom, fgBom };
  }

  async function mo(
    productId: string,
    plannedQuantity: number,
    over: Record<string, unknown> = {},
    user = 'ppic_admin',
  ) {
    const res = await call(user, 'POST', '/ppic/tasks', {
      productId,
      plannedQuantity,
      route: 'ROUTE_2',
      dueDate: '2026-12-31',
      week: '52-2026',
      destination: 'Belgium',
      ...over,
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body;
  }

  const transition = (user: string, id: string, action: string, body: unknown = {}) =>
    call(user, 'POST', `/ppic/tasks/${id}/${action}`, body);

  /**
   * Empties a department line of every order's WIP (scrapped with a reason, as a supervisor would), so a
   * handover onto it meets a clear line whatever the demo factory left there (line clearance, issue 17).
   */
  async function clearLine(department: string, user = 'admin') {
    const lines = await call(user, 'GET', '/production/lines');
    if (lines.status !== 200) throw new Error(JSON.stringify(lines.body));
    const line = lines.body.items.find((l: { department: string }) => l.department === department);
    for (const b of line?.batches ?? []) {
      const res = await call(user, 'POST', `/production/lines/${department}/scrap`, {
        moId: b.moId,
        reason: 'Line cleared for the test batch',
      });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    }
  }

  return { wh, call, bom, article, mo, transition, clearLine };
}
