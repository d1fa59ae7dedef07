import type {
  InspectionType,
  InspectionVerdict,
  LabTestType,
  LimitKind,
  QualityAlertReason,
  QualityAlertStatus,
} from '@kapok/contracts';
import type { EntityManager } from 'typeorm';

/** The quality module's own queries: it names only `quality_inspections`, `test_plan_items`, `lab_tests`
 * and `quality_alerts`. */

export interface InspectionRow {
  id: string;
  type: InspectionType;
  lot_id: string | null;
  work_order_id: string | null;
  product_id: string;
  inspector_id: string;
  inspected_at: Date;
  plan: Record<string, unknown> | null;
  sample_size: number | null;
  defects: number | null;
  defects_by_code: Record<string, number> | null;
  passed_qty: number | null;
  failed_qty: number | null;
  weights: number[] | null;
  standard_grams: string | null;
  tolerance_grams: string | null;
  mean_grams: string | null;
  min_grams: string | null;
  max_grams: string | null;
  out_of_tolerance: number | null;
  verdict: InspectionVerdict;
  notes: string | null;
}

export interface NewInspection {
  type: InspectionType;
  lotId?: string | null;
  workOrderId?: string | null;
  productId: string;
  inspectorId: string;
  plan?: Record<string, unknown> | null;
  sampleSize?: number | null;
  defects?: number | null;
  defectsByCode?: Record<string, number> | null;
  passedQuantity?: number | null;
  failedQuantity?: number | null;
  weights?: number[] | null;
  standardGrams?: number | null;
  toleranceGrams?: number | null;
  meanGrams?: number | null;
  minGrams?: number | null;
  maxGrams?: number | null;
  outOfTolerance?: number | null;
  verdict: InspectionVerdict;
  notes?: string | null;
}

export async function insertInspection(m: EntityManager, i: NewInspection): Promise<InspectionRow> {
  const [row]: InspectionRow[] = await m.query(
    `insert into quality_inspections (type, lot_id, work_order_id, product_id, inspector_id, plan, sample_size, defects,
       defects_by_code, passed_qty, failed_qty, weights, standard_grams, tolerance_grams, mean_grams, min_grams, max_grams,
       out_of_tolerance, verdict, notes)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
     returning *`,
    [
      i.type,
      i.lotId ?? null,
      i.workOrderId ?? null,
      i.productId,
      i.inspectorId,
      i.plan ? JSON.stringify(i.plan) : null,
      i.sampleSize ?? null,
      i.defects ?? null,
      i.defectsByCode ? JSON.stringify(i.defectsByCode) : null,
      i.passedQuantity ?? null,
      i.failedQuantity ?? null,
      i.weights ? JSON.stringify(i.weights) : null,
      i.standardGrams ?? null,
      i.toleranceGrams ?? null,
      i.meanGrams ?? null,
      i.minGrams ?? null,
      i.maxGrams ?? null,
      i.outOfTolerance ?? null,
      i.verdict,
      i.notes ?? null,
    ],
  );
  return row;
}

export interface InspectionFilter {
  type?: InspectionType;
  lotId?: string;
  workOrderId?: string;
  productId?: string;
  limit: number;
  skip: number;
}

export async function selectInspections(
  m: EntityManager,
  f: InspectionFilter,
): Promise<{ rows: InspectionRow[]; total: number }> {
  const where = ['true'];
  const params: unknown[] = [];
  if (f.type) where.push(`type = $${params.push(f.type)}`);
  if (f.lotId) where.push(`lot_id = $${params.push(f.lotId)}`);
  if (f.workOrderId) where.push(`work_order_id = $${params.push(f.workOrderId)}`);
  if (f.productId) where.push(`product_id = $${params.push(f.productId)}`);
  const rows: Array<InspectionRow & { total: number }> = await m.query(
    `select *, count(*) over()::int as total from quality_inspections where ${where.join(' and ')}
      order by inspected_at desc, id limit $${params.push(f.limit)} offset $${params.push(f.skip)}`,
    params,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function inspectionById(m: EntityManager, id: string): Promise<InspectionRow | undefined> {
  const [row]: InspectionRow[] = await m.query(`select * from quality_inspections where id = $1`, [id]);
  return row;
}

/** Pieces of a work order already through the metal detector (passed and failed). */
export async function metalDetected(
  m: EntityManager,
  workOrderId: string,
): Promise<{ passed: number; failed: number }> {
  const [row]: Array<{ passed: number; failed: number }> = await m.query(
    `select coalesce(sum(passed_qty), 0)::int as passed, coalesce(sum(failed_qty), 0)::int as failed
       from quality_inspections where work_order_id = $1 and type = 'METAL_DETECTION'`,
    [workOrderId],
  );
  return row;
}

export interface WeightPointRow {
  id: string;
  inspected_at: Date;
  work_order_id: string | null;
  mean_grams: string;
  min_grams: string;
  max_grams: string;
  standard_grams: string;
  tolerance_grams: string;
  out_of_tolerance: number;
  sample_size: number;
}

/** The stuffing-weight series of an article, oldest first (the chart). */
export function weightSeries(m: EntityManager, productId: string, limit: number): Promise<WeightPointRow[]> {
  return m.query(
    `select * from (
       select id, inspected_at, work_order_id, mean_grams::text, min_grams::text, max_grams::text, standard_grams::text,
              tolerance_grams::text, out_of_tolerance, sample_size
         from quality_inspections where product_id = $1 and type = 'STUFFING_WEIGHT'
        order by inspected_at desc, id limit $2) s
      order by inspected_at, id`,
    [productId, limit],
  );
}

export interface TestPlanItemRow {
  id: string;
  product_id: string;
  test_type: LabTestType;
  standard: string;
  unit: string;
  limit_kind: LimitKind;
  limit_value: string;
  updated_at: Date;
}

export function selectTestPlan(
  m: EntityManager,
  productId: string,
  lock = false,
): Promise<TestPlanItemRow[]> {
  return m.query(
    `select id, product_id, test_type, standard, unit, limit_kind, limit_value::text, updated_at from test_plan_items
      where product_id = $1 order by test_type ${lock ? 'for update' : ''}`,
    [productId],
  );
}

export interface PlanItem {
  testType: LabTestType;
  standard: string;
  unit: string;
  limitKind: LimitKind;
  limitValue: number;
}

/** Replaces the plan of a product with these items (one statement each way). */
export async function replaceTestPlan(
  m: EntityManager,
  productId: string,
  items: readonly PlanItem[],
): Promise<void> {
  await m.query(`delete from test_plan_items where product_id = $1`, [productId]);
  if (items.length === 0) return;
  await m.query(
    `insert into test_plan_items (product_id, test_type, standard, unit, limit_kind, limit_value)
     select $1, t::lab_test_type, s, u, k::limit_kind, v
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[]) x(t, s, u, k, v)`,
    [
      productId,
      items.map((i) => i.testType),
      items.map((i) => i.standard),
      items.map((i) => i.unit),
      items.map((i) => i.limitKind),
      items.map((i) => String(i.limitValue)),
    ],
  );
}

export interface LabTestRow {
  id: string;
  lot_id: string;
  product_id: string;
  test_type: LabTestType;
  measured_value: string;
  unit: string;
  standard: string;
  lab: string;
  limit_kind: LimitKind;
  limit_value: string;
  verdict: InspectionVerdict;
  evidence_content_type: string | null;
  evidence_name: string | null;
  evidence_size: number | null;
  evidence_url: string | null;
  tested_by_id: string;
  tested_at: Date;
}

const LAB_COLUMNS = `id, lot_id, product_id, test_type, measured_value::text, unit, standard, lab, limit_kind, limit_value::text,
  verdict, evidence_content_type, evidence_name, evidence_size, evidence_url, tested_by_id, tested_at`;

export interface NewLabTest {
  lotId: string;
  productId: string;
  testType: LabTestType;
  measuredValue: number;
  unit: string;
  standard: string;
  lab: string;
  limitKind: LimitKind;
  limitValue: string;
  verdict: InspectionVerdict;
  evidence: { buffer: Buffer; contentType: string; name: string } | null;
  evidenceUrl: string | null;
  testedById: string;
}

export async function insertLabTest(m: EntityManager, t: NewLabTest): Promise<LabTestRow> {
  const [row]: LabTestRow[] = await m.query(
    `insert into lab_tests (lot_id, product_id, test_type, measured_value, unit, standard, lab, limit_kind, limit_value, verdict,
       evidence, evidence_content_type, evidence_name, evidence_size, evidence_url, tested_by_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     returning ${LAB_COLUMNS}`,
    [
      t.lotId,
      t.productId,
      t.testType,
      String(t.measuredValue),
      t.unit,
      t.standard,
      t.lab,
      t.limitKind,
      t.limitValue,
      t.verdict,
      t.evidence?.buffer ?? null,
      t.evidence?.contentType ?? null,
      t.evidence?.name ?? null,
      t.evidence?.buffer.length ?? null,
      t.evidenceUrl,
      t.testedById,
    ],
  );
  return row;
}

export function selectLabTests(
  m: EntityManager,
  lotId: string | undefined,
  limit: number,
): Promise<LabTestRow[]> {
  return lotId
    ? m.query(`select ${LAB_COLUMNS} from lab_tests where lot_id = $1 order by tested_at, id`, [lotId])
    : m.query(`select ${LAB_COLUMNS} from lab_tests order by tested_at desc, id limit $1`, [limit]);
}

/** The latest verdict per test type of a lot (a retest replaces an earlier result). */
export function latestVerdicts(
  m: EntityManager,
  lotId: string,
): Promise<Array<{ test_type: LabTestType; verdict: InspectionVerdict }>> {
  return m.query(
    `select distinct on (test_type) test_type, verdict from lab_tests where lot_id = $1
      order by test_type, tested_at desc, created_at desc`,
    [lotId],
  );
}

export async function labEvidence(
  m: EntityManager,
  id: string,
): Promise<
  { evidence: Buffer | null; evidence_content_type: string | null; evidence_name: string | null } | undefined
> {
  const [row]: Array<{
    evidence: Buffer | null;
    evidence_content_type: string | null;
    evidence_name: string | null;
  }> = await m.query(`select evidence, evidence_content_type, evidence_name from lab_tests where id = $1`, [
    id,
  ]);
  return row;
}

// ---------------------------------------------------------------------------------------------------

export interface QualityAlertRow {
  id: string;
  reason: QualityAlertReason;
  status: QualityAlertStatus;
  inspection_id: string;
  work_order_id: string | null;
  product_id: string;
  product_code: string;
  reference: string;
  pieces: number;
  opened_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_id: string | null;
  acknowledge_note: string | null;
}

const ALERT_SELECT = `select a.id, a.reason, a.status, a.inspection_id, a.work_order_id, a.product_id, p.code as product_code,
       a.reference, a.pieces, a.opened_at, a.acknowledged_at, a.acknowledged_by_id, a.acknowledge_note
  from quality_alerts a join products p on p.id = a.product_id`;

export async function insertQualityAlert(
  m: EntityManager,
  a: {
    reason: QualityAlertReason;
    inspectionId: string;
    workOrderId: string | null;
    productId: string;
    reference: string;
    pieces: number;
  },
): Promise<string> {
  const [row]: Array<{ id: string }> = await m.query(
    `insert into quality_alerts (reason, inspection_id, work_order_id, product_id, reference, pieces)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [a.reason, a.inspectionId, a.workOrderId, a.productId, a.reference, a.pieces],
  );
  return row.id;
}

export function selectQualityAlerts(
  m: EntityManager,
  status: QualityAlertStatus | undefined,
  limit: number,
): Promise<QualityAlertRow[]> {
  return m.query(
    `${ALERT_SELECT} where ($1::quality_alert_status is null or a.status = $1)
      order by a.opened_at desc, a.id limit $2`,
    [status ?? null, limit],
  );
}

export async function lockQualityAlert(m: EntityManager, id: string): Promise<QualityAlertRow | undefined> {
  const [row]: QualityAlertRow[] = await m.query(`${ALERT_SELECT} where a.id = $1 for update of a`, [id]);
  return row;
}

export async function acknowledgeQualityAlert(
  m: EntityManager,
  id: string,
  userId: string,
  note: string | null,
): Promise<void> {
  await m.query(
    `update quality_alerts set status = 'ACKNOWLEDGED', acknowledged_at = now(), acknowledged_by_id = $2,
            acknowledge_note = $3, updated_at = now() where id = $1`,
    [id, userId, note],
  );
}
