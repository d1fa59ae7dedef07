import { DataSource } from 'typeorm';
import { BomUsageRegistry } from '../src/modules/bom/bom-usage.registry.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { warehouseFixtures } from './support/warehouse-fixtures.js';

let t: TestApp;
let engineer: string;
let warehouse: string;
let f: ReturnType<typeof warehouseFixtures>;
let stock: ReturnType<typeof warehouseFixtures>;
beforeAll(async () => {
  t = await startTestApp();
  engineer = (await t.as('engineer')).accessToken;
  warehouse = (await t.as('warehouse')).accessToken;
  f = warehouseFixtures(t, () => engineer);
  stock = warehouseFixtures(t, () => warehouse);
});
afterAll(() => t.close());

const product = (over: Record<string, unknown> = {}) => stock.product(over);
const line = (componentId: string, over: Record<string, unknown> = {}) => ({
  componentId,
  department: 'SEWING',
  neededQuantity: 1,
  ...over,
});
const createBom = (productId: string, lines: unknown[], over: Record<string, unknown> = {}) =>
  f.call('POST', '/warehouse/bom', { productId, bomType: 'MANUFACTURING', lines, ...over });

describe('BOM CRUD', () => {
  it('creates (201) with lines and variants, reads it back, and lists it', async () => {
    const [fg, fabric, alt] = [
      await product({ type: 'FINISHED_GOOD' }),
      await product({ uom: 'METER' }),
      await product({ uom: 'METER' }),
    ];
    const res = await createBom(fg.id, [
      line(fabric.id, {
        department: 'CUTTING',
        neededQuantity: 0.1005,
        uom: 'YARD',
        wastagePercent: 5,
        variants: [{ materialId: alt.id, variantType: 'ALTERNATIVE', sequence: 1 }],
      }),
    ]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      productId: fg.id,
      bomType: 'MANUFACTURING',
      outputQuantity: 1,
      active: true,
      revision: 1,
      version: 1,
    });
    expect(res.body.lines[0]).toMatchObject({
      componentId: fabric.id,
      department: 'CUTTING',
      neededQuantity: 0.1005,
      uom: 'YARD',
      wastagePercent: 5,
      componentUom: 'METER',
    });
    expect(res.body.lines[0].variants[0]).toMatchObject({
      materialId: alt.id,
      variantType: 'ALTERNATIVE',
      sequence: 1,
      neededQuantity: null,
    });
    expect((await f.call('GET', `/warehouse/bom/${res.body.id}`)).body).toEqual(res.body);
    const list = await f.ok('GET', `/warehouse/bom?productId=${fg.id}`);
    expect(list.items[0]).toMatchObject({ id: res.body.id, lineCount: 1, departments: ['CUTTING'] });
    const whereUsed = await f.ok('GET', `/warehouse/bom?componentId=${alt.id}`);
    expect(whereUsed.items.map((b: { id: string }) => b.id)).toEqual([res.body.id]);
    expect(
      (await f.ok('GET', '/warehouse/bom?bomType=KIT&activeOnly=true')).items.every(
        (b: { bomType: string }) => b.bomType === 'KIT',
      ),
    ).toBe(true);
  });

  it('answers 404 for an unknown product or component, 409 for a second active BOM, 422 for invalid bodies', async () => {
    const [fg, part] = [await product(), await product()];
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await createBom(unknown, [line(part.id)])).status).toBe(404);
    expect((await createBom(fg.id, [line(unknown)])).status).toBe(404);
    expect((await createBom(fg.id, [line(part.id)])).status).toBe(201);
    const second = await createBom(fg.id, [line(part.id)]);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('BOM_ALREADY_ACTIVE');
    const other = await product();
    expect((await createBom(other.id, [])).status).toBe(422);
    expect((await createBom(other.id, [line(part.id, { neededQuantity: 0 })])).status).toBe(422);
    expect((await createBom(other.id, [line(part.id, { department: 'MOON' })])).status).toBe(422);
    expect((await createBom(other.id, [line(part.id)], { bomType: 'PHANTOM' })).status).toBe(422);
    const unit = await createBom(other.id, [line(part.id, { uom: 'KG' })]);
    expect(unit.status).toBe(422);
    expect(unit.body.details[0].field).toBe('lines.0.uom');
    expect((await f.call('GET', `/warehouse/bom/${unknown}`)).status).toBe(404);
  });

  it('refuses a BOM that would make the graph cyclic, directly or through other BOMs (422)', async () => {
    const [a, b, c] = [
      await product({ type: 'WIP' }),
      await product({ type: 'WIP' }),
      await product({ type: 'WIP' }),
    ];
    expect((await createBom(a.id, [line(a.id)])).body.code).toBe('BOM_CYCLE');
    expect((await createBom(a.id, [line(b.id)])).status).toBe(201);
    const bBom = await createBom(b.id, [line(c.id)]);
    expect(bBom.status).toBe(201);
    const cycle = await createBom(c.id, [line(a.id)]);
    expect(cycle.status).toBe(422);
    expect(cycle.body.code).toBe('BOM_CYCLE');
    const viaVariant = await createBom(c.id, [
      line((await product()).id, {
        variants: [{ materialId: a.id, variantType: 'ALTERNATIVE', sequence: 1 }],
      }),
    ]);
    expect(viaVariant.body.code).toBe('BOM_CYCLE');
    const viaUpdate = await f.call('PUT', `/warehouse/bom/${bBom.body.id}`, {
      productId: b.id,
      bomType: 'MANUFACTURING',
      lines: [line(a.id)],
      revisionReason: 'Try a loop',
      version: bBom.body.version,
    });
    expect(viaUpdate.body.code).toBe('BOM_CYCLE');
  });

  it('saves revisions with a required reason, keeps each as a snapshot, and refuses a stale version', async () => {
    const [fg, filling] = [await product(), await product({ uom: 'KG' })];
    const created = (
      await createBom(fg.id, [line(filling.id, { department: 'FINISHING', neededQuantity: 0.056 })])
    ).body;
    const body = {
      productId: fg.id,
      bomType: 'MANUFACTURING',
      lines: [line(filling.id, { department: 'FINISHING', neededQuantity: 0.054 })],
    };
    expect(
      (await f.call('PUT', `/warehouse/bom/${created.id}`, { ...body, version: created.version })).status,
    ).toBe(422);
    const revised = await f.call('PUT', `/warehouse/bom/${created.id}`, {
      ...body,
      version: created.version,
      revisionReason: 'Filling reduced to 54 g after QC weight check',
    });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ id: created.id, revision: 2, version: created.version + 1 });
    expect(revised.body.lines[0].neededQuantity).toBe(0.054);
    const stale = await f.call('PUT', `/warehouse/bom/${created.id}`, {
      ...body,
      version: created.version,
      revisionReason: 'Late edit',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const history = await f.ok('GET', `/warehouse/bom/${created.id}/revisions`);
    expect(history.items.map((r: { revision: number; reason: string }) => [r.revision, r.reason])).toEqual([
      [2, 'Filling reduced to 54 g after QC weight check'],
      [1, 'Created'],
    ]);
    expect(history.items[0].author).toMatchObject({ username: 'engineer' });
    expect(history.items[1].snapshot.lines[0].neededQuantity).toBe(0.056);
    await expect(t.db.query('update bom_revisions set reason = $1', ['rewritten'])).rejects.toThrow(
      /append-only/,
    );
  });

  it('soft-deletes (204), and refuses while an order holds the BOM (409 BOM_IN_USE)', async () => {
    const [fg, part] = [await product(), await product()];
    const bom = (await createBom(fg.id, [line(part.id)])).body;
    const registry = t.app.get(BomUsageRegistry);
    let holder: string[] = ['MO-20261126-001'];
    registry.register(async (_m, bomId) => (bomId === bom.id ? holder : []));
    const inUse = await f.call('DELETE', `/warehouse/bom/${bom.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body).toMatchObject({ code: 'BOM_IN_USE', details: { orders: ['MO-20261126-001'] } });
    holder = [];
    expect((await f.call('DELETE', `/warehouse/bom/${bom.id}`)).status).toBe(204);
    expect((await f.call('GET', `/warehouse/bom/${bom.id}`)).status).toBe(404);
    expect((await f.call('DELETE', `/warehouse/bom/${bom.id}`)).status).toBe(404);
    expect((await f.ok('GET', `/warehouse/bom?productId=${fg.id}`)).total).toBe(0);
    // The product may get a new active BOM after the old one is deleted.
    expect((await createBom(fg.id, [line(part.id)])).status).toBe(201);
  });

  it('needs bom.* permissions: warehouse staff can read but not write', async () => {
    const [fg, part] = [await product(), await product()];
    const res = await stock.call('POST', '/warehouse/bom', {
      productId: fg.id,
      bomType: 'MANUFACTURING',
      lines: [line(part.id)],
    });
    expect(res.status).toBe(403);
    expect((await stock.call('GET', '/warehouse/bom')).status).toBe(200);
  });
});

describe('BOM explosion', () => {
  /** FG ← SKIN (+thread 10 CM, +filling 50 GRAM at 2%) ← CUT (per 10: 1 YARD fabric at 5%), SKIN line 5% on CUT. */
  async function threeLevels() {
    const fg = await product({ type: 'FINISHED_GOOD' });
    const skin = await product({ type: 'WIP' });
    const cut = await product({ type: 'WIP' });
    const fabric = await product({ uom: 'METER' });
    const thread = await product({ uom: 'METER' });
    const filling = await product({ uom: 'KG' });
    const altFilling = await product({ uom: 'KG' });
    await createBom(
      cut.id,
      [line(fabric.id, { department: 'CUTTING', neededQuantity: 1, uom: 'YARD', wastagePercent: 5 })],
      { outputQuantity: 10 },
    );
    await createBom(skin.id, [
      line(cut.id, { department: 'SEWING', wastagePercent: 5 }),
      line(thread.id, { department: 'SEWING', neededQuantity: 10, uom: 'CM' }),
    ]);
    const bom = (
      await createBom(fg.id, [
        line(skin.id, { department: 'FINISHING' }),
        line(filling.id, {
          department: 'FINISHING',
          neededQuantity: 50,
          uom: 'GRAM',
          wastagePercent: 2,
          variants: [{ materialId: altFilling.id, variantType: 'ALTERNATIVE', sequence: 1 }],
        }),
      ])
    ).body;
    return { fg, skin, cut, fabric, thread, filling, altFilling, bom };
  }

  it('gives the figures worked out by hand for 100 pieces through three levels with wastage and units', async () => {
    const { bom, fabric, thread, filling } = await threeLevels();
    const rack = await stock.rack();
    await stock.receive(fabric.id, rack.id, 8);
    await stock.receive(filling.id, rack.id, 6);
    const x = await f.ok('GET', `/warehouse/bom/${bom.id}/explode?quantity=100`);
    const req = Object.fromEntries(x.requirements.map((r: { productId: string }) => [r.productId, r]));
    // fabric: 100 SKIN × 1.05 = 105 CUT; 105 / 10 × 1 YARD × 0.9144 × 1.05 = 10.08126 m
    expect(req[fabric.id]).toMatchObject({
      department: 'CUTTING',
      quantity: 10.0813,
      uom: 'METER',
      available: 8,
      shortage: 2.0813,
    });
    // thread: 100 × 10 CM = 1000 CM = 10 m
    expect(req[thread.id]).toMatchObject({ department: 'SEWING', quantity: 10, available: 0, shortage: 10 });
    // filling: 100 × 50 g × 1.02 = 5.1 kg
    expect(req[filling.id]).toMatchObject({
      department: 'FINISHING',
      quantity: 5.1,
      uom: 'KG',
      available: 6,
      shortage: 0,
      substitutesFor: null,
    });
    expect(x.hasShortage).toBe(true);
    expect(x.requirements.map((r: { department: string }) => r.department)).toEqual([
      'CUTTING',
      'SEWING',
      'FINISHING',
    ]);
    expect(x.tree.children.map((c: { kind: string; quantity: number }) => [c.kind, c.quantity])).toEqual([
      ['WIP', 100],
      ['MATERIAL', 5.1],
    ]);
    expect(x.tree.children[0].children[0]).toMatchObject({ kind: 'WIP', quantity: 105 });
    expect(x.tree.children[0].children[0].children[0]).toMatchObject({ kind: 'MATERIAL', quantity: 10.0813 });
  });

  it('falls back to the alternative material when the primary is short, and back when it is not', async () => {
    const { bom, filling, altFilling } = await threeLevels();
    const rack = await stock.rack();
    await stock.receive(filling.id, rack.id, 3);
    await stock.receive(altFilling.id, rack.id, 10);
    const x = await f.ok('GET', `/warehouse/bom/${bom.id}/explode?quantity=100`);
    const chosen = x.requirements.find(
      (r: { department: string; productId: string }) => r.department === 'FINISHING',
    );
    expect(chosen).toMatchObject({
      productId: altFilling.id,
      quantity: 5.1,
      shortage: 0,
      substitutesFor: filling.code,
    });
    expect(x.requirements.some((r: { productId: string }) => r.productId === filling.id)).toBe(false);
    await stock.receive(filling.id, rack.id, 5);
    const again = await f.ok('GET', `/warehouse/bom/${bom.id}/explode?quantity=100`);
    expect(
      again.requirements.find((r: { department: string }) => r.department === 'FINISHING').productId,
    ).toBe(filling.id);
  });

  it('explodes KIT BOMs inline and answers 422 for a bad quantity', async () => {
    const [fg, kit, label, tag] = [
      await product(),
      await product({ type: 'ACCESSORY' }),
      await product(),
      await product(),
    ];
    await createBom(
      kit.id,
      [line(label.id, { department: 'PACKING' }), line(tag.id, { department: 'PACKING', neededQuantity: 2 })],
      { bomType: 'KIT' },
    );
    const bom = (await createBom(fg.id, [line(kit.id, { department: 'PACKING' })])).body;
    const x = await f.ok('GET', `/warehouse/bom/${bom.id}/explode?quantity=60`);
    expect(x.tree.children[0].kind).toBe('KIT');
    expect(
      x.requirements.map((r: { productId: string; quantity: number }) => [r.productId, r.quantity]).sort(),
    ).toEqual(
      [
        [label.id, 60],
        [tag.id, 120],
      ].sort(),
    );
    expect((await f.call('GET', `/warehouse/bom/${bom.id}/explode?quantity=0`)).status).toBe(422);
    expect((await f.call('GET', `/warehouse/bom/${bom.id}/explode`)).status).toBe(422);
  });

  it('reads the whole tree in one recursive query, not one per level or line', async () => {
    const { bom } = await threeLevels();
    const ds = t.app.get(DataSource);
    const logged: string[] = [];
    const original = ds.driver.createQueryRunner.bind(ds.driver);
    ds.driver.createQueryRunner = (mode) => {
      const runner = original(mode);
      const query = runner.query.bind(runner);
      runner.query = ((sql: string, ...rest: unknown[]) => {
        logged.push(sql);
        return (query as (...a: unknown[]) => unknown)(sql, ...rest);
      }) as typeof runner.query;
      return runner;
    };
    try {
      await f.ok('GET', `/warehouse/bom/${bom.id}/explode?quantity=450`);
    } finally {
      ds.driver.createQueryRunner = original;
    }
    const treeQueries = logged.filter((q) => q.includes('join bom_lines'));
    expect(treeQueries).toHaveLength(1);
    expect(treeQueries[0]).toContain('with recursive');
  });
});

describe('BOM reads after a change', () => {
  it('a BOM and its explosion show a revision, a renamed component and a new BOM below at once (the read caches drop on bom.* and product.*)', async () => {
    const [fg, wip, part] = [
      await product({ type: 'FINISHED_GOOD' }),
      await product({ type: 'WIP' }),
      await product({ name: 'Cotton tape' }),
    ];
    const bom = (await createBom(fg.id, [line(wip.id, { neededQuantity: 2 })])).body;
    const read = () => f.ok('GET', `/warehouse/bom/${bom.id}`);
    const needs = async () =>
      (await f.ok('GET', `/warehouse/bom/${bom.id}/explode?quantity=10`)).requirements.map(
        (r: { code: string; name: string; quantity: number }) => [r.code, r.name, r.quantity],
      );
    expect((await read()).lines[0].componentBomId).toBeNull();
    expect(await needs()).toEqual([[wip.code, wip.name, 20]]);

    const child = (await createBom(wip.id, [line(part.id, { neededQuantity: 3 })])).body;
    expect((await read()).lines[0].componentBomId).toBe(child.id);
    expect(await needs()).toEqual([[part.code, 'Cotton tape', 60]]);

    await stock.ok('PUT', `/warehouse/products/${part.id}`, {
      code: part.code,
      name: 'Polyester tape',
      type: part.type,
      uom: part.uom,
      version: part.version,
    });
    expect(await needs()).toEqual([[part.code, 'Polyester tape', 60]]);
    expect((await f.ok('GET', `/warehouse/bom/${child.id}`)).lines[0].componentName).toBe('Polyester tape');

    const revised = await f.ok('PUT', `/warehouse/bom/${bom.id}`, {
      productId: fg.id,
      bomType: 'MANUFACTURING',
      lines: [line(wip.id, { neededQuantity: 1 })],
      version: bom.version,
      revisionReason: 'One per piece',
    });
    expect(await read()).toEqual(revised);
    expect(await needs()).toEqual([[part.code, 'Polyester tape', 30]]);

    expect((await f.call('DELETE', `/warehouse/bom/${child.id}`)).status).toBe(204);
    expect((await read()).lines[0].componentBomId).toBeNull();
    expect(await needs()).toEqual([[wip.code, wip.name, 10]]);
  });
});

describe('the demo AFTONSPARV BOM', () => {
  it('explodes 450 pieces into the plan a planner writes by hand', async () => {
    const fg = (await f.ok('GET', '/warehouse/products?code=40551542')).items[0];
    const bom = (await f.ok('GET', `/warehouse/bom?productId=${fg.id}`)).items[0];
    const x = await f.ok('GET', `/warehouse/bom/${bom.id}/explode?quantity=450`);
    const plan = Object.fromEntries(
      x.requirements.map((r: { code: string; quantity: number }) => [r.code, r.quantity]),
    );
    expect(plan).toMatchObject({
      IKHR504: 43.4215, // 450 × 0.1005 yd × 1.05 = 47.49 yd = 43.42 m
      IPR301: 65.2402, // 450 × 0.151 yd × 1.05 = 71.35 yd
      'THR-5080-UB103': 26.55, // 450 × 5.9 cm
      ALL40030: 450,
      IKP20157: 24.3, // 450 × 54 g (revision 2)
      ALB40011: 450,
      ACB30104: 8, // 60 per carton: 7.5 cartons open 8 (whole units rounded up per order)
      ACB30121: 1, // 8 cartons per pallet: 0.9375 pallet is 1 pallet
    });
    const doll = x.tree.children[0].children[0];
    expect(doll.code).toBe('AFTONSPARV_WIP_BONEKA');
    const revisions = await f.ok('GET', `/warehouse/bom/${doll.bomId}/revisions`);
    expect(revisions.items.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
  });
});
