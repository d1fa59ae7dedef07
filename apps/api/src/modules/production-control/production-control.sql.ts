import type {
  ClearanceMethod,
  Department,
  LineBlockState,
  SegregationAlarmState,
  SegregationReason,
  Unit,
} from '@kapok/contracts';
import type { EntityManager } from 'typeorm';

/** A `line_blocks` row (numeric as text). */
export interface LineBlockRow {
  id: string;
  department: Department;
  from_department: Department;
  from_work_order_id: string;
  mo_id: string;
  batch_number: string;
  quantity: string;
  blocking_mo_ids: string[];
  on_line: OnLineSnapshot[];
  state: LineBlockState;
  attempts: number;
  sent_by_id: string | null;
  last_attempt_at: Date;
  resolved_at: Date | null;
  resolved_by_id: string | null;
  override_reason: string | null;
  handover_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** A batch on a line as a block or alarm remembers it. */
export interface OnLineSnapshot {
  moId: string;
  batchNumber: string;
  articleCode: string;
  destination: string | null;
  week: string | null;
  quantity: number;
}

/** A `segregation_alarms` row. */
export interface SegregationAlarmRow {
  id: string;
  handover_id: string;
  handover_number: string;
  department: Department;
  from_department: Department;
  mo_id: string;
  batch_number: string;
  destination: string | null;
  week: string | null;
  reasons: SegregationReason[];
  on_line: OnLineSnapshot[];
  state: SegregationAlarmState;
  method: ClearanceMethod | null;
  notes: string | null;
  raised_by_id: string | null;
  acknowledged_by_id: string | null;
  acknowledged_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** A `line_escalations` row. */
export interface EscalationRow {
  id: string;
  subject_type: 'line_block' | 'segregation_alarm';
  subject_id: string;
  step: number;
  recipient: string;
  department: Department;
  batch_number: string;
  fired_at: Date;
}

/** A product's code and unit, for showing WIP quantities. */
export interface ProductLabelRow {
  id: string;
  code: string;
  name: string;
  uom: Unit;
}

export function productLabels(m: EntityManager, ids: readonly string[]): Promise<ProductLabelRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return m.query('select id, code, name, uom from products where id = any($1::uuid[])', [ids]);
}

// ---- line blocks ----

export function selectBlocks(m: EntityManager, where: string, params: unknown[]): Promise<LineBlockRow[]> {
  return m.query(`select * from line_blocks where ${where} order by created_at desc limit 200`, params);
}

export async function lockBlock(m: EntityManager, id: string): Promise<LineBlockRow | undefined> {
  const [row]: LineBlockRow[] = await m.query('select * from line_blocks where id = $1 for update', [id]);
  return row;
}

/** The open block of a sending work order, locked (at most one, by a partial unique index). */
export async function lockOpenBlockOf(
  m: EntityManager,
  fromWorkOrderId: string,
): Promise<LineBlockRow | undefined> {
  const [row]: LineBlockRow[] = await m.query(
    `select * from line_blocks where from_work_order_id = $1 and state = 'OPEN' for update`,
    [fromWorkOrderId],
  );
  return row;
}

/** An override of this work order's block that no handover used yet. */
export async function lockUnusedOverride(
  m: EntityManager,
  fromWorkOrderId: string,
): Promise<LineBlockRow | undefined> {
  const [row]: LineBlockRow[] = await m.query(
    `select * from line_blocks where from_work_order_id = $1 and state = 'OVERRIDDEN' and handover_id is null
      order by resolved_at limit 1 for update`,
    [fromWorkOrderId],
  );
  return row;
}

export interface NewBlock {
  department: Department;
  fromDepartment: Department;
  fromWorkOrderId: string;
  moId: string;
  batchNumber: string;
  quantity: string;
  blockingMoIds: string[];
  onLine: OnLineSnapshot[];
  sentById: string;
}

/** Records a refusal: a new OPEN block, or one more attempt on the open one. Returns it and whether it is new. */
export async function upsertBlock(
  m: EntityManager,
  b: NewBlock,
): Promise<{ row: LineBlockRow; created: boolean }> {
  const [row]: Array<LineBlockRow & { created: boolean }> = await m.query(
    `insert into line_blocks (department, from_department, from_work_order_id, mo_id, batch_number, quantity,
                              blocking_mo_ids, on_line, sent_by_id)
     values ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::jsonb, $9)
     on conflict (from_work_order_id) where state = 'OPEN'
     do update set attempts = line_blocks.attempts + 1, last_attempt_at = now(), quantity = excluded.quantity,
                   blocking_mo_ids = excluded.blocking_mo_ids, on_line = excluded.on_line,
                   sent_by_id = excluded.sent_by_id, version = line_blocks.version + 1, updated_at = now()
     returning *, (xmax = 0) as created`,
    [
      b.department,
      b.fromDepartment,
      b.fromWorkOrderId,
      b.moId,
      b.batchNumber,
      b.quantity,
      b.blockingMoIds,
      JSON.stringify(b.onLine),
      b.sentById,
    ],
  );
  const { created, ...block } = row;
  return { row: block, created };
}

export async function saveBlock(
  m: EntityManager,
  id: string,
  to: LineBlockState,
  c: { resolvedById?: string | null; overrideReason?: string | null; handoverId?: string | null },
): Promise<void> {
  await m.query(
    `update line_blocks set state = $2::line_block_state,
            resolved_at = case when $2::text <> 'OPEN' then coalesce(resolved_at, now()) end,
            resolved_by_id = coalesce($3, resolved_by_id), override_reason = coalesce($4, override_reason),
            handover_id = coalesce($5, handover_id), version = version + 1, updated_at = now()
      where id = $1`,
    [id, to, c.resolvedById ?? null, c.overrideReason ?? null, c.handoverId ?? null],
  );
}

/** Links the handover that used an override. */
export async function useOverride(m: EntityManager, id: string, handoverId: string): Promise<void> {
  await m.query(
    'update line_blocks set handover_id = $2, version = version + 1, updated_at = now() where id = $1',
    [id, handoverId],
  );
}

// ---- segregation alarms ----

export function selectAlarms(
  m: EntityManager,
  where: string,
  params: unknown[],
): Promise<SegregationAlarmRow[]> {
  return m.query(
    `select * from segregation_alarms where ${where} order by created_at desc limit 200`,
    params,
  );
}

export async function lockAlarm(m: EntityManager, id: string): Promise<SegregationAlarmRow | undefined> {
  const [row]: SegregationAlarmRow[] = await m.query(
    'select * from segregation_alarms where id = $1 for update',
    [id],
  );
  return row;
}

export async function alarmOfHandover(
  m: EntityManager,
  handoverId: string,
): Promise<SegregationAlarmRow | undefined> {
  const [row]: SegregationAlarmRow[] = await m.query(
    'select * from segregation_alarms where handover_id = $1',
    [handoverId],
  );
  return row;
}

export interface NewAlarm {
  handoverId: string;
  handoverNumber: string;
  department: Department;
  fromDepartment: Department;
  moId: string;
  batchNumber: string;
  destination: string | null;
  week: string | null;
  reasons: SegregationReason[];
  onLine: OnLineSnapshot[];
  raisedById: string;
}

export async function insertAlarm(m: EntityManager, a: NewAlarm): Promise<SegregationAlarmRow> {
  const [row]: SegregationAlarmRow[] = await m.query(
    `insert into segregation_alarms (handover_id, handover_number, department, from_department, mo_id, batch_number,
                                     destination, week, reasons, on_line, raised_by_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::varchar[], $10::jsonb, $11) returning *`,
    [
      a.handoverId,
      a.handoverNumber,
      a.department,
      a.fromDepartment,
      a.moId,
      a.batchNumber,
      a.destination,
      a.week,
      a.reasons,
      JSON.stringify(a.onLine),
      a.raisedById,
    ],
  );
  return row;
}

export async function saveAlarm(
  m: EntityManager,
  id: string,
  to: SegregationAlarmState,
  c: { method: ClearanceMethod; notes: string; acknowledgedById: string },
): Promise<void> {
  await m.query(
    `update segregation_alarms set state = $2, method = $3, notes = $4, acknowledged_by_id = $5, acknowledged_at = now(),
            version = version + 1, updated_at = now()
      where id = $1`,
    [id, to, c.method, c.notes, c.acknowledgedById],
  );
}

// ---- escalations ----

/** Records a fired step; false when it had already fired (another instance, a retried job). */
export async function insertEscalation(
  m: EntityManager,
  e: Omit<EscalationRow, 'id' | 'fired_at'>,
): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `insert into line_escalations (subject_type, subject_id, step, recipient, department, batch_number)
     values ($1, $2, $3, $4, $5, $6) on conflict (subject_type, subject_id, step) do nothing returning id`,
    [e.subject_type, e.subject_id, e.step, e.recipient, e.department, e.batch_number],
  );
  return rows.length > 0;
}

export function selectEscalations(m: EntityManager, subjectIds: readonly string[]): Promise<EscalationRow[]> {
  if (subjectIds.length === 0) return Promise.resolve([]);
  return m.query(
    'select * from line_escalations where subject_id = any($1::uuid[]) order by fired_at, step',
    [subjectIds],
  );
}

export function recentEscalations(m: EntityManager, limit: number): Promise<EscalationRow[]> {
  return m.query('select * from line_escalations order by fired_at desc, step desc limit $1', [limit]);
}
