import { factoryToday, type LabTestType, type LimitKind } from '@kapok/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { Decimal } from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { MoTransitions } from '../modules/ppic/orders/mo-transitions.service.js';
import { MoService } from '../modules/ppic/orders/mo.service.js';
import { PurchasingService } from '../modules/purchasing/purchasing.service.js';
import { CompanyService } from '../modules/admin/company.service.js';
import { InspectionsService } from '../modules/quality/inspections.service.js';
import { LabTestsService } from '../modules/quality/lab-tests.service.js';
import { PostingService } from '../modules/warehouse/stock/posting.service.js';
import { principal } from './principal.js';

/** Standard stuffed weight and tolerance of the five demo articles, grams. */
const WEIGHTS: Record<string, [number, number]> = {
  '40551542': [420, 15],
  '40551543': [310, 12],
  '40551544': [255, 10],
  '40551545': [540, 20],
  '40551546': [380, 14],
};

/** Every demo article's test plan: EN 71 seam strength, small parts and flammability. */
const PLAN: Array<{
  testType: LabTestType;
  standard: string;
  unit: string;
  limitKind: LimitKind;
  limitValue: number;
}> = [
  {
    testType: 'SEAM_STRENGTH',
    standard: 'EN 71-1:2014+A1:2018 §8.4',
    unit: 'N',
    limitKind: 'MIN',
    limitValue: 90,
  },
  {
    testType: 'SMALL_PARTS',
    standard: 'EN 71-1:2014+A1:2018 §8.2',
    unit: 'pcs',
    limitKind: 'MAX',
    limitValue: 0,
  },
  { testType: 'FLAMMABILITY', standard: 'EN 71-2:2020 §5.4', unit: 'mm/s', limitKind: 'MAX', limitValue: 30 },
];

/** What the lab found on the n-th completed batch of the history: most passed, one failed, one is half tested. */
export const labOutcome = (completed: number): 'pass' | 'fail' | 'partial' =>
  completed === 3 ? 'fail' : completed === 8 ? 'partial' : 'pass';

/** Lots of the demo fabric order: the first is released and consumed by the history's orders. */
const FABRIC_LOTS: Array<{
  code: string;
  yards: number;
  lot: string;
  outcome: 'accept' | 'reject' | 'wait';
}> = [
  { code: 'IVBR210', yards: 200, lot: 'R-IVBR210-2608-PO', outcome: 'accept' },
  { code: 'INYR001', yards: 100, lot: 'R-INYR001-2612-01', outcome: 'wait' },
  { code: 'IKHR504', yards: 150, lot: 'R-IKHR504-2612-04', outcome: 'wait' },
  { code: 'IPPR351', yards: 100, lot: 'R-IPPR351-2612-03', outcome: 'reject' },
];
const SHORT_MO_NOTE = 'Waiting for the NYLEX WHITE roll in quarantine';

const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000);

/**
 * Before the production history: test plans and standard weights of the five articles (so their
 * batches start in QUARANTINE), fabrics inspected on receipt, and a fabric purchase order from the
 * mill received in lots: one released (dated first, so the history's orders consume it and a batch
 * traces back to the mill), two waiting in quarantine, one rejected.
 */
export async function seedQualityBefore(
  app: INestApplicationContext,
  log: (m: string) => void,
): Promise<void> {
  const ds = app.get(DataSource);
  await seedPassportFacts(app);
  const [done] = await ds.query(`select 1 from lots where lot_number = $1`, [FABRIC_LOTS[0]!.lot]);
  if (done) return;
  const labTests = app.get(LabTestsService, { strict: false });
  const inspections = app.get(InspectionsService, { strict: false });
  const purchasing = app.get(PurchasingService, { strict: false });
  const articles: Array<{ id: string; code: string }> = await ds.query(
    `select id, code from products where code = any($1)`,
    [Object.keys(WEIGHTS)],
  );
  for (const a of articles) {
    const [standard, tolerance] = WEIGHTS[a.code]!;
    await ds.query(
      'update products set standard_weight_grams = $2, weight_tolerance_grams = $3 where id = $1',
      [a.id, standard, tolerance],
    );
    await labTests.putPlan(a.id, { items: PLAN });
  }
  // Fabric is inspected on arrival (the SOP): new receipts of roll goods start in QUARANTINE.
  await ds.query(
    `update products set inspection_required = true
      where type = 'RAW_MATERIAL' and unit_conversions @> '[{"uom": "ROLL"}]'::jsonb`,
  );

  const [mill] = await ds.query(`select id from partners where code = 'SUP-MILL'`);
  const [rack] = await ds.query(`select id from locations where code = 'WH-RAW-A1'`);
  const fabrics = new Map<string, string>(
    (
      await ds.query(`select code, id from products where code = any($1)`, [FABRIC_LOTS.map((f) => f.code)])
    ).map((r: { code: string; id: string }) => [r.code, r.id]),
  );
  const buyer = await principal(ds, 'purchasing');
  const po = await purchasing.create(
    {
      supplierId: mill.id,
      notes: 'Fabric rolls, inspected on arrival',
      lines: FABRIC_LOTS.map((f) => ({
        productId: fabrics.get(f.code)!,
        quantity: f.yards,
        uom: 'YARD' as const,
        expectedDate: factoryToday(),
      })),
    },
    buyer,
  );
  await purchasing.transition(po.id, 'approve', await principal(ds, 'purchasing_mgr'));
  const grn = await purchasing.receive(
    po.id,
    {
      lines: FABRIC_LOTS.map((f) => ({
        lineId: po.lines.find((l) => l.productId === fabrics.get(f.code))!.id,
        quantity: f.yards,
        lotNumber: f.lot,
        locationId: rack.id,
      })),
      notes: 'Delivery from the mill, surat jalan SJ-2612-118',
    },
    await principal(ds, 'warehouse'),
  );
  // The released roll arrived before the history began, so FIFO gives it to the first orders.
  const qc = await principal(ds, 'qc');
  for (const f of FABRIC_LOTS) {
    const lotId = grn.lines.find((l) => l.lotNumber === f.lot)!.lotId;
    if (f.outcome === 'wait') continue;
    const inspection = await inspections.create(
      {
        type: 'INCOMING',
        lotId,
        defects: f.outcome === 'accept' ? 1 : 9,
        notes: f.outcome === 'reject' ? 'Print misaligned on most of the sample' : undefined,
      },
      qc,
    );
    const when = f.outcome === 'accept' ? ago(70 * 24) : ago(20);
    await ds.query('update lots set received_at = $2 where id = $1', [
      lotId,
      f.outcome === 'accept' ? ago(71 * 24) : ago(26),
    ]);
    await ds.query('update quality_inspections set inspected_at = $2 where id = $1', [inspection.id, when]);
  }
  log(
    `demo quality: test plans and standard weights for ${articles.length} articles, fabric lots from the mill (1 released, 2 in quarantine, 1 rejected)`,
  );
}

/**
 * What every passport shows: the manufacturer (company settings, through the admin service), the
 * articles' commodity code, age grade, warnings and standards, and the fibre of the fabrics (recycled
 * where the name says so), so a demo batch's passport is complete. Only where nothing is set yet.
 */
async function seedPassportFacts(app: INestApplicationContext): Promise<void> {
  const ds = app.get(DataSource);
  const [company] = await ds.query(`select 1 from company_settings where legal_name <> ''`);
  if (!company)
    await app.get(CompanyService, { strict: false }).update({
      legalName: 'PT Kapok Boneka Indonesia',
      address: 'Jl. Raya Industri No. 18, Kawasan Industri Jababeka, Cikarang, Bekasi 17530, Indonesia',
      operatorId: 'ID-EORI-0318842771000',
      contactEmail: 'quality@kapok.example',
      contactPhone: '+62 21 8983 1800',
      website: 'https://kapok.example',
    });
  await ds.query(
    `update products set hs_code = '95030041', age_grade = '0+',
            warnings = '["Keep the packaging away from babies and young children.", "Remove all labels before giving to a baby."]'::jsonb,
            harmonised_standards = '["EN 71-1:2014+A1:2018", "EN 71-2:2020", "EN 71-3:2019+A1:2021"]'::jsonb
      where code = any($1) and hs_code is null`,
    [Object.keys(WEIGHTS)],
  );
  await ds.query(
    `update products set fibre = 'Polyester',
            fibre_origin = (case when name ilike '%recycle%' then 'RECYCLED' else 'VIRGIN' end)::fibre_origin
      where type = 'RAW_MATERIAL' and unit_conversions @> '[{"uom": "ROLL"}]'::jsonb and fibre is null`,
  );
}

/** A deterministic spread of weights around the standard; `drift` pushes one toy out of tolerance. */
function weightsFor(standard: number, tolerance: number, seed: number, drift: boolean): number[] {
  return Array.from({ length: 8 }, (_, i) => {
    const wobble =
      Math.sin(seed * 1.7 + i * 2.3) * tolerance * 0.55 + Math.cos(seed * 0.9 + i) * tolerance * 0.2;
    const out = drift && i === 5 ? tolerance * 1.25 : 0;
    return Math.round((standard + wobble + out) * 10) / 10;
  });
}

/**
 * The finishing line's checks on a batch of the history: every piece through the metal detector
 * (all passed), then four weight samples of eight toys, dated across the work order's hours.
 */
export async function recordFinishingChecks(
  app: INestApplicationContext,
  workOrderId: string,
  pieces: number,
  hoursAgo: number,
  seed: number,
): Promise<void> {
  const ds = app.get(DataSource);
  const inspections = app.get(InspectionsService, { strict: false });
  const qc = await principal(ds, 'qc');
  const [wo] = await ds.query(
    `select p.code from work_orders w join manufacturing_orders o on o.id = w.mo_id join products p on p.id = o.product_id where w.id = $1`,
    [workOrderId],
  );
  const [standard, tolerance] = WEIGHTS[wo.code] ?? [0, 0];
  if (pieces > 0) {
    const metal = await inspections.create(
      { type: 'METAL_DETECTION', workOrderId, passedQuantity: pieces, failedQuantity: 0 },
      qc,
    );
    await ds.query('update quality_inspections set inspected_at = $2 where id = $1', [
      metal.id,
      ago(hoursAgo),
    ]);
  }
  if (!standard) return;
  for (let s = 0; s < 4; s++) {
    const weight = await inspections.create(
      {
        type: 'STUFFING_WEIGHT',
        workOrderId,
        weights: weightsFor(standard, tolerance, seed * 3 + s, seed % 4 === 1 && s === 1),
      },
      qc,
    );
    await ds.query('update quality_inspections set inspected_at = $2 where id = $1', [
      weight.id,
      ago(hoursAgo - s * 3),
    ]);
  }
}

/** The lab's results for a completed batch: all passed (released), a failed seam test (blocked), or two of three (quarantine). */
export async function testBatch(
  app: INestApplicationContext,
  batchNumber: string,
  hoursAgo: number,
  outcome: 'pass' | 'fail' | 'partial',
): Promise<void> {
  const failSeam = outcome === 'fail';
  const ds = app.get(DataSource);
  const labTests = app.get(LabTestsService, { strict: false });
  const qc = await principal(ds, 'qc');
  const [lot] = await ds.query(
    `select l.id from lots l join products p on p.id = l.product_id where l.lot_number = $1 and p.type = 'FINISHED_GOOD'`,
    [batchNumber],
  );
  if (!lot) return;
  // The batch was packed when its order completed, weeks ago in the history (its passport's week).
  await ds.query('update lots set received_at = $2 where id = $1', [lot.id, ago(hoursAgo + 4)]);
  const measured: Record<string, number> = {
    SEAM_STRENGTH: failSeam ? 71.4 : 118.5,
    SMALL_PARTS: 0,
    FLAMMABILITY: 17.2,
  };
  for (const item of PLAN) {
    const result = await labTests.create(
      {
        lotId: lot.id,
        testType: item.testType,
        measuredValue: measured[item.testType]!,
        unit: item.unit,
        lab: 'SGS Jakarta',
      },
      undefined,
      qc,
    );
    await ds.query('update lab_tests set tested_at = $2 where id = $1', [result.id, ago(hoursAgo)]);
    // A failure blocks the batch at once; a half-tested one still waits for its flammability result.
    if (failSeam || (outcome === 'partial' && item.testType === 'SMALL_PARTS')) break;
  }
}

/**
 * After the history: an approved order of AFTONSPARV that cannot start, because its only NYLEX WHITE
 * roll waits in quarantine (every other material is there). Inspecting the roll lets it start.
 */
export async function seedQualityAfter(
  app: INestApplicationContext,
  log: (m: string) => void,
): Promise<void> {
  const ds = app.get(DataSource);
  const [done] = await ds.query('select 1 from manufacturing_orders where notes = $1', [SHORT_MO_NOTE]);
  if (done) return;
  const orders = app.get(MoService, { strict: false });
  const transitions = app.get(MoTransitions, { strict: false });
  const [article] = await ds.query(`select id from products where code = '40551542'`);
  const due = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  const mo = await orders.create(
    {
      productId: article.id,
      plannedQuantity: 48,
      route: 'ROUTE_1',
      dueDate: due,
      destination: 'Belgium',
      notes: SHORT_MO_NOTE,
    },
    await principal(ds, 'ppic_admin'),
  );
  await transitions.run('approve', mo.id, { notes: 'Sample order' }, await principal(ds, 'manager'));
  // Everything else it needs arrives (as the history's orders got theirs); the roll stays the only one.
  const posting = app.get(PostingService, { strict: false });
  const [supplier] = await ds.query(`select id from locations where type = 'SUPPLIER'`);
  const [rack] = await ds.query(`select id from locations where code = 'WH-RAW-A1'`);
  const needs: Array<{ product_id: string; quantity: string }> = await ds.query(
    `select mm.product_id, sum(mm.quantity) as quantity from mo_materials mm join products p on p.id = mm.product_id
      where mm.mo_id = $1 and p.code <> 'INYR001' group by mm.product_id`,
    [mo.id],
  );
  await ds.transaction((m: EntityManager) =>
    posting.post(
      m,
      needs.map((n) => ({
        kind: 'move' as const,
        type: 'RECEIPT' as const,
        productId: n.product_id,
        fromLocationId: supplier.id,
        toLocationId: rack.id,
        quantity: new Decimal(n.quantity).toDecimalPlaces(4, Decimal.ROUND_UP).toFixed(4),
      })),
      { reference: `PO-${mo.batchNumber}` },
    ),
  );
  log(`demo quality: ${mo.batchNumber} approved, short of the quarantined NYLEX WHITE roll`);
}
