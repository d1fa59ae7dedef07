import type {
  Department,
  HandoverState,
  MoState,
  ProductType,
  Route,
  Unit,
  WorkOrderState,
} from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import type { ListSync } from '../../core/http/list-sync.js';

/** Per department of the route, from the frozen explosion: what it makes and how many. */
export type Stages = Record<string, { target: number; productId: string | null }>;

/** A `manufacturing_orders` row (numeric as string). */
export interface MoRecord {
  id: string;
  batch_number: string;
  product_id: string;
  bom_id: string | null;
  bom_revision: number | null;
  stages: Stages | null;
  qty_planned: string;
  route: Route;
  due_date: string | null;
  week: string | null;
  destination: string | null;
  sales_order_line_id: string | null;
  notes: string | null;
  state: MoState;
  created_by_id: string | null;
  approved_by_id: string | null;
  approved_at: Date | null;
  approve_notes: string | null;
  started_by_id: string | null;
  started_at: Date | null;
  start_notes: string | null;
  completed_by_id: string | null;
  completed_at: Date | null;
  quality_notes: string | null;
  cancelled_by_id: string | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  produced_qty: string | null;
  variance: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** An order with its product, as lists and transitions read it. */
export interface MoRow extends MoRecord {
  product_code: string;
  product_name: string;
  product_type: ProductType;
  uom: Unit;
  late: boolean;
}

/** Columns a transition may set besides state, version and updated_at; `'now()'` means the clock. */
export type MoChanges = Partial<
  Pick<
    MoRecord,
    | 'bom_id'
    | 'bom_revision'
    | 'approved_by_id'
    | 'approve_notes'
    | 'started_by_id'
    | 'start_notes'
    | 'completed_by_id'
    | 'quality_notes'
    | 'produced_qty'
    | 'variance'
    | 'cancelled_by_id'
    | 'cancel_reason'
  > & {
    stages: string | null;
    approved_at: 'now()' | null;
    started_at: 'now()';
    completed_at: 'now()';
    cancelled_at: 'now()';
  }
>;

const LATE = `(mo.due_date < (now() at time zone 'Asia/Jakarta')::date and mo.state in ('DRAFT', 'APPROVED', 'IN_PROGRESS'))`;
const MO_COLUMNS = `mo.*, p.code as product_code, p.name as product_name, p.type as product_type, p.uom, ${LATE} as late`;
const MO_SELECT = `select ${MO_COLUMNS} from manufacturing_orders mo join products p on p.id = mo.product_id`;

export const LATE_FILTER = LATE;

/** The orders' query (the export streams it as it is). */
export const moSql = (where: string, tail = ''): string => `${MO_SELECT} where ${where} ${tail}`;

export function selectMos(m: EntityManager, where: string, params: unknown[], tail = ''): Promise<MoRow[]> {
  return m.query(moSql(where, tail), params);
}

/** `updatedSince` and the fields an MO list may be sorted by. */
export const MO_SYNC: ListSync = {
  updatedAt: 'mo.updated_at',
  sort: {
    batchNumber: 'mo.batch_number',
    dueDate: 'mo.due_date',
    state: 'mo.state',
    productCode: 'p.code',
    createdAt: 'mo.created_at',
    updatedAt: 'mo.updated_at',
  },
  defaultOrder: 'mo.created_at desc, mo.batch_number desc',
  tiebreak: 'mo.id',
};

/** `updatedSince` and the fields a work order list may be sorted by. */
export const WORK_ORDER_SYNC: ListSync = {
  updatedAt: 'wo.updated_at',
  sort: {
    batchNumber: 'mo.batch_number',
    department: 'wo.department',
    state: 'wo.state',
    createdAt: 'wo.created_at',
    updatedAt: 'wo.updated_at',
  },
  defaultOrder: 'mo.batch_number, wo.sequence',
  tiebreak: 'wo.id',
};

export async function countMos(m: EntityManager, where: string, params: unknown[]): Promise<number> {
  const [{ n }]: Array<{ n: number }> = await m.query(
    `select count(*)::int as n from manufacturing_orders mo join products p on p.id = mo.product_id where ${where}`,
    params,
  );
  return n;
}

export async function lockMo(m: EntityManager, id: string): Promise<MoRow | undefined> {
  const [row]: MoRow[] = await m.query(`${MO_SELECT} where mo.id = $1 for update of mo`, [id]);
  return row;
}

/** Locks orders in id order, so two batches over the same orders cannot deadlock. */
export async function lockMos(m: EntityManager, ids: readonly string[]): Promise<void> {
  await m.query('select id from manufacturing_orders where id = any($1::uuid[]) order by id for update', [
    ids,
  ]);
}

/** Writes the new state and the transition's columns; answers the order as it is now, with its product. */
export async function saveMo(
  m: EntityManager,
  id: string,
  state: MoState,
  changes: MoChanges,
): Promise<MoRow> {
  const params: unknown[] = [id, state];
  const sets = Object.entries(changes).map(([column, value]) =>
    value === 'now()' ? `${column} = now()` : `${column} = $${params.push(value)}`,
  );
  const [row]: MoRow[] = await m.query(
    `with mo as (
       update manufacturing_orders set state = $2, ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
        where id = $1 returning *)
     select ${MO_COLUMNS} from mo join products p on p.id = mo.product_id`,
    params,
  );
  return row;
}

export interface NewMo {
  batchNumber: string;
  productId: string;
  plannedQuantity: number | string;
  route: Route;
  dueDate: string | null;
  week: string | null;
  destination: string | null;
  notes: string | null;
  createdById: string;
  salesOrderLineId: string | null;
}

export async function insertMo(m: EntityManager, mo: NewMo): Promise<MoRow> {
  const [row]: MoRow[] = await m.query(
    `with mo as (
       insert into manufacturing_orders (batch_number, product_id, qty_planned, route, due_date, week, destination, notes, state, created_by_id, sales_order_line_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, 'DRAFT', $9, $10) returning *)
     select ${MO_COLUMNS} from mo join products p on p.id = mo.product_id`,
    [
      mo.batchNumber,
      mo.productId,
      mo.plannedQuantity,
      mo.route,
      mo.dueDate,
      mo.week,
      mo.destination,
      mo.notes,
      mo.createdById,
      mo.salesOrderLineId,
    ],
  );
  return row;
}

/** The editable fields of a draft. */
export type DraftFields = Omit<NewMo, 'batchNumber' | 'createdById'>;

/** Rewrites a draft's plan; answers the order as it is now, with its product. */
export async function updateDraft(m: EntityManager, id: string, mo: DraftFields): Promise<MoRow> {
  const [row]: MoRow[] = await m.query(
    `with mo as (
       update manufacturing_orders
          set product_id = $2, qty_planned = $3, route = $4, due_date = $5, week = $6, destination = $7, notes = $8,
              sales_order_line_id = $9, version = version + 1, updated_at = now()
        where id = $1 returning *)
     select ${MO_COLUMNS} from mo join products p on p.id = mo.product_id`,
    [
      id,
      mo.productId,
      mo.plannedQuantity,
      mo.route,
      mo.dueDate,
      mo.week,
      mo.destination,
      mo.notes,
      mo.salesOrderLineId,
    ],
  );
  return row;
}

/** A `mo_materials` row: a purchased material of the frozen explosion and what was used of it. */
export interface MaterialRecord {
  id: string;
  mo_id: string;
  product_id: string;
  department: Department;
  quantity: string;
  consumed_qty: string;
}

/** Replaces the order's frozen materials. */
export async function replaceMaterials(
  m: EntityManager,
  moId: string,
  rows: Array<{ productId: string; department: Department; quantity: string }>,
): Promise<void> {
  await m.query(
    `with gone as (delete from mo_materials where mo_id = $1)
     insert into mo_materials (mo_id, product_id, department, quantity)
     select $1, p, d::department, q from unnest($2::uuid[], $3::text[], $4::numeric[]) v(p, d, q)`,
    [moId, rows.map((r) => r.productId), rows.map((r) => r.department), rows.map((r) => r.quantity)],
  );
}

/** The materials of an order (one department, or all), locked, ordered by department and product. */
export function lockMaterials(
  m: EntityManager,
  moId: string,
  department?: Department,
): Promise<Array<MaterialRecord & { uom: Unit }>> {
  return m.query(
    `select mm.id, mm.mo_id, mm.product_id, mm.department, mm.quantity, mm.consumed_qty, p.uom
       from mo_materials mm join products p on p.id = mm.product_id
      where mm.mo_id = $1 and ($2::department is null or mm.department = $2)
      order by mm.department, mm.product_id for update of mm`,
    [moId, department ?? null],
  );
}

/** Adds what was consumed, per material row, in one statement. */
export async function addConsumed(
  m: EntityManager,
  consumed: Array<{ id: string; quantity: string }>,
): Promise<void> {
  if (consumed.length === 0) return;
  await m.query(
    `update mo_materials mm set consumed_qty = mm.consumed_qty + v.q, updated_at = now()
       from unnest($1::uuid[], $2::numeric[]) v(id, q) where mm.id = v.id`,
    [consumed.map((c) => c.id), consumed.map((c) => c.quantity)],
  );
}

export interface MaterialView extends MaterialRecord {
  code: string;
  name: string;
  uom: Unit;
}

export function selectMaterials(m: EntityManager, moId: string): Promise<MaterialView[]> {
  return m.query(
    `select mm.id, mm.mo_id, mm.product_id, mm.department, mm.quantity, mm.consumed_qty, p.code, p.name, p.uom
       from mo_materials mm join products p on p.id = mm.product_id
      where mm.mo_id = $1
      order by array_position(array['CUTTING','EMBROIDERY','SUBCON','SEWING','FINISHING','PACKING']::department[], mm.department), p.code`,
    [moId],
  );
}

/** A `work_orders` row. */
export interface WorkOrderRecord {
  id: string;
  mo_id: string;
  department: Department;
  sequence: number;
  state: WorkOrderState;
  output_product_id: string | null;
  input_product_id: string | null;
  target_qty: string;
  input_qty: string;
  good_qty: string;
  reject_qty: string;
  handed_over_qty: string;
  ready_at: Date | null;
  started_at: Date | null;
  ended_at: Date | null;
  operator_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** A work order with its order's number and state, and what it makes. */
export interface WorkOrderRow extends WorkOrderRecord {
  batch_number: string;
  mo_state: MoState;
  product_code: string;
  output_code: string | null;
  /** The unit its quantities are counted in: its own product's, else the order's. */
  uom: Unit;
  incoming: string;
}

const WO_COLUMNS = `wo.*, mo.batch_number, mo.state as mo_state, p.code as product_code, op.code as output_code, coalesce(op.uom, p.uom) as uom,
       coalesce((select sum(h.quantity) from handovers h where h.to_work_order_id = wo.id and h.state = 'PENDING'), 0) as incoming`;
const WO_JOINS = `join manufacturing_orders mo on mo.id = wo.mo_id
    join products p on p.id = mo.product_id
    left join products op on op.id = wo.output_product_id`;

export function selectWorkOrders(
  m: EntityManager,
  where: string,
  params: unknown[],
  order?: string,
): Promise<WorkOrderRow[]> {
  return m.query(workOrderSql(where, order), params);
}

/** The work orders' query; `order` is a whole `order by` clause. */
export const workOrderSql = (where: string, order = 'order by mo.batch_number, wo.sequence'): string =>
  `select ${WO_COLUMNS} from work_orders wo ${WO_JOINS} where ${where} ${order}`;

export async function lockWorkOrder(m: EntityManager, id: string): Promise<WorkOrderRow | undefined> {
  const [row]: WorkOrderRow[] = await m.query(
    `select ${WO_COLUMNS} from work_orders wo ${WO_JOINS} where wo.id = $1 for update of wo`,
    [id],
  );
  return row;
}

export function lockWorkOrdersOf(m: EntityManager, moId: string): Promise<WorkOrderRecord[]> {
  return m.query('select * from work_orders where mo_id = $1 order by sequence for update', [moId]);
}

export interface WorkOrderChanges {
  inputQuantity?: string;
  goodQuantity?: string;
  rejectedQuantity?: string;
  handedOverQuantity?: string;
  started?: { operatorId: string };
  ended?: boolean;
}

/** Adds to the work order's counters and sets its state; answers it as lists show it. */
export async function saveWorkOrder(
  m: EntityManager,
  id: string,
  state: WorkOrderState,
  c: WorkOrderChanges,
): Promise<WorkOrderRow> {
  const [row]: WorkOrderRow[] = await m.query(
    `with wo as (
       update work_orders set state = $2, good_qty = good_qty + $3, reject_qty = reject_qty + $4,
              handed_over_qty = handed_over_qty + $5, input_qty = input_qty + $6,
              started_at = case when $7::uuid is null then started_at else now() end, operator_id = coalesce($7, operator_id),
              ended_at = case when $8 then now() else ended_at end,
              version = version + 1, updated_at = now()
        where id = $1 returning *)
     select ${WO_COLUMNS} from wo ${WO_JOINS}`,
    [
      id,
      state,
      c.goodQuantity ?? 0,
      c.rejectedQuantity ?? 0,
      c.handedOverQuantity ?? 0,
      c.inputQuantity ?? 0,
      c.started?.operatorId ?? null,
      c.ended ?? false,
    ],
  );
  return row;
}

/** Creates the route's work orders in one statement; the first is READY. */
export async function insertWorkOrders(
  m: EntityManager,
  moId: string,
  rows: Array<{
    department: Department;
    outputProductId: string | null;
    inputProductId: string | null;
    target: number;
  }>,
): Promise<string[]> {
  const inserted: Array<{ id: string }> = await m.query(
    `insert into work_orders (mo_id, department, sequence, state, output_product_id, input_product_id, target_qty, input_qty, ready_at)
     select $1, d::department, s, case when s = 1 then 'READY' else 'PENDING' end::work_order_state, o, i, t,
            case when s = 1 then t else 0 end, case when s = 1 then now() end
       from unnest($2::text[], $3::uuid[], $4::uuid[], $5::numeric[]) with ordinality v(d, o, i, t, s)
     order by s
     returning id`,
    [
      moId,
      rows.map((r) => r.department),
      rows.map((r) => r.outputProductId),
      rows.map((r) => r.inputProductId),
      rows.map((r) => r.target),
    ],
  );
  return inserted.map((r) => r.id);
}

/** Adds handed-over quantities to several work orders in one statement. */
export async function addHandedOver(
  m: EntityManager,
  rows: Array<{ id: string; quantity: string }>,
): Promise<void> {
  if (rows.length === 0) return;
  await m.query(
    `update work_orders wo set handed_over_qty = wo.handed_over_qty + v.q
       from unnest($1::uuid[], $2::numeric[]) v(id, q) where wo.id = v.id`,
    [rows.map((r) => r.id), rows.map((r) => r.quantity)],
  );
}

/** The order is complete: open work orders end (DONE), ones never reached are CANCELLED. Answers their ids. */
export async function closeWorkOrders(m: EntityManager, moId: string): Promise<string[]> {
  const [rows]: [Array<{ id: string }>, number] = await m.query(
    `update work_orders set state = case when state = 'PENDING' then 'CANCELLED'::work_order_state else 'DONE'::work_order_state end,
            ended_at = coalesce(ended_at, now()), version = version + 1, updated_at = now()
      where mo_id = $1 and state in ('PENDING', 'READY', 'IN_PROGRESS')
      returning id`,
    [moId],
  );
  return rows.map((r) => r.id);
}

export async function nextWorkOrder(
  m: EntityManager,
  moId: string,
  sequence: number,
): Promise<Pick<WorkOrderRecord, 'id' | 'department'> | undefined> {
  const [row]: Array<Pick<WorkOrderRecord, 'id' | 'department'>> = await m.query(
    'select id, department from work_orders where mo_id = $1 and sequence = $2',
    [moId, sequence + 1],
  );
  return row;
}

export async function insertOutput(
  m: EntityManager,
  o: { workOrderId: string; good: string; reject: string; reason: string | null; recordedById: string },
): Promise<void> {
  await m.query(
    `insert into work_order_outputs (work_order_id, good_qty, reject_qty, reject_reason, recorded_by_id, created_at)
     values ($1, $2, $3, $4, $5, clock_timestamp())`,
    [o.workOrderId, o.good, o.reject, o.reason, o.recordedById],
  );
}

/** A `handovers` row with the departments and order it moves between. */
export interface HandoverRow {
  id: string;
  number: string;
  from_work_order_id: string;
  to_work_order_id: string;
  quantity: string;
  received_qty: string | null;
  state: HandoverState;
  sent_by_id: string | null;
  accepted_by_id: string | null;
  accepted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  from_department: Department;
  to_department: Department;
  output_product_id: string | null;
  mo_id: string;
  mo_state: MoState;
  batch_number: string;
  product_code: string | null;
  /** The unit the handed-over pieces are counted in. */
  uom: Unit;
}

const HANDOVER_SELECT = `
  select h.*, f.department as from_department, t.department as to_department, f.output_product_id, t.mo_id,
         mo.state as mo_state, mo.batch_number, op.code as product_code, coalesce(op.uom, mp.uom) as uom
    from handovers h join work_orders f on f.id = h.from_work_order_id join work_orders t on t.id = h.to_work_order_id
    join manufacturing_orders mo on mo.id = t.mo_id join products mp on mp.id = mo.product_id
    left join products op on op.id = f.output_product_id`;

export function selectHandovers(m: EntityManager, where: string, params: unknown[]): Promise<HandoverRow[]> {
  return m.query(`${HANDOVER_SELECT} where ${where} order by h.state desc, h.created_at desc`, params);
}

export async function lockHandover(m: EntityManager, id: string): Promise<HandoverRow | undefined> {
  const [row]: HandoverRow[] = await m.query(`${HANDOVER_SELECT} where h.id = $1 for update of h`, [id]);
  return row;
}

export async function insertHandover(
  m: EntityManager,
  h: { number: string; from: string; to: string; quantity: string; sentById: string },
): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await m.query(
    `insert into handovers (number, from_work_order_id, to_work_order_id, quantity, state, sent_by_id)
     values ($1, $2, $3, $4, 'PENDING', $5) returning id`,
    [h.number, h.from, h.to, h.quantity, h.sentById],
  );
  return id;
}

/** Accepts the handover and counts what arrived into the receiving work order (READY once something came). */
export async function acceptHandover(
  m: EntityManager,
  h: HandoverRow,
  received: string,
  acceptedById: string,
): Promise<void> {
  await m.query(
    `with h as (
       update handovers set state = 'ACCEPTED', received_qty = $2, accepted_by_id = $3, accepted_at = now(), updated_at = now()
        where id = $1)
     update work_orders set input_qty = input_qty + $2,
            state = case when state = 'PENDING' then 'READY'::work_order_state else state end,
            ready_at = coalesce(ready_at, now()), version = version + 1, updated_at = now()
      where id = $4`,
    [h.id, received, acceptedById, h.to_work_order_id],
  );
}

/** Who did what when to an order, from its audit entries (the audit log is core's, written for every module). */
export interface TimelineRow {
  action: string;
  at: Date;
  actor_id: string | null;
  after: { approveNotes?: string; startNotes?: string; qualityNotes?: string; cancelReason?: string } | null;
}
