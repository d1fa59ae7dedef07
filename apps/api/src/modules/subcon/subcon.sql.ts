import type { GatePassDirection, GatePassState, Unit } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';

/** The subcontract module's own queries: it names only `gate_passes`, `gate_pass_lines`, `subcon_alerts` (and products to show them). */

export interface GatePassRow {
  id: string;
  number: string;
  direction: GatePassDirection;
  state: GatePassState;
  partner_id: string;
  work_order_id: string;
  mo_id: string;
  batch_number: string;
  vehicle_number: string;
  driver_name: string;
  customs_document: string;
  customs_reference: string | null;
  delivery_note: string | null;
  notes: string | null;
  receiving_location_id: string | null;
  on_line_at: Date | null;
  created_by_id: string | null;
  counted_by_id: string | null;
  counted_at: Date | null;
  counts: number;
  released_at: Date | null;
  due_at: Date | null;
  cancel_reason: string | null;
  cancelled_by_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface GatePassLineRow {
  id: string;
  gate_pass_id: string;
  line_no: number;
  product_id: string;
  product_code: string;
  product_name: string;
  uom: Unit;
  kind: 'WIP' | 'MATERIAL';
  quantity: string;
  counted_quantity: string | null;
  lot_id: string | null;
}

export interface GatePassFilter {
  direction?: GatePassDirection;
  state?: GatePassState;
  partnerId?: string;
  workOrderId?: string;
  search?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listGatePasses(
  m: EntityManager,
  f: GatePassFilter,
  skip: number,
  limit: number,
): Promise<{ rows: GatePassRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.direction) where.push(`direction = $${params.push(f.direction)}`);
  if (f.state) where.push(`state = $${params.push(f.state)}`);
  if (f.partnerId) where.push(`partner_id = $${params.push(f.partnerId)}`);
  if (f.workOrderId) where.push(`work_order_id = $${params.push(f.workOrderId)}`);
  if (f.search)
    where.push(
      `(number ilike $${params.push(`%${escapeLike(f.search)}%`)} or batch_number ilike $${params.length} or vehicle_number ilike $${params.length})`,
    );
  const rows: Array<GatePassRow & { total: string }> = await m.query(
    `select *, count(*) over () as total from gate_passes ${where.length ? `where ${where.join(' and ')}` : ''}
      order by created_at desc, id limit $${params.push(limit)} offset $${params.push(skip)}`,
    params,
  );
  return { rows, total: rows.length ? Number(rows[0].total) : 0 };
}

export async function selectGatePass(m: EntityManager, id: string): Promise<GatePassRow | undefined> {
  const [row]: GatePassRow[] = await m.query(`select * from gate_passes where id = $1`, [id]);
  return row;
}

export async function lockGatePass(m: EntityManager, id: string): Promise<GatePassRow | undefined> {
  const [row]: GatePassRow[] = await m.query(`select * from gate_passes where id = $1 for update`, [id]);
  return row;
}

export function selectLines(m: EntityManager, passIds: readonly string[]): Promise<GatePassLineRow[]> {
  if (passIds.length === 0) return Promise.resolve([]);
  return m.query(
    `select l.id, l.gate_pass_id, l.line_no, l.product_id, p.code as product_code, p.name as product_name, p.uom,
            l.kind, l.quantity::text, l.counted_quantity::text, l.lot_id
       from gate_pass_lines l join products p on p.id = l.product_id
      where l.gate_pass_id = any($1::uuid[]) order by l.gate_pass_id, l.line_no`,
    [passIds],
  );
}

export interface NewGatePass {
  number: string;
  direction: GatePassDirection;
  partnerId: string;
  workOrderId: string;
  moId: string;
  batchNumber: string;
  vehicleNumber: string;
  driverName: string;
  customsDocument: string;
  customsReference: string | null;
  deliveryNote: string | null;
  notes: string | null;
  receivingLocationId: string | null;
  createdById: string;
  lines: Array<{ productId: string; kind: 'WIP' | 'MATERIAL'; quantity: string }>;
}

export async function insertGatePass(m: EntityManager, p: NewGatePass): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await m.query(
    `insert into gate_passes (number, direction, partner_id, work_order_id, mo_id, batch_number, vehicle_number,
                              driver_name, customs_document, customs_reference, delivery_note, notes, created_by_id,
                              receiving_location_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id`,
    [
      p.number,
      p.direction,
      p.partnerId,
      p.workOrderId,
      p.moId,
      p.batchNumber,
      p.vehicleNumber,
      p.driverName,
      p.customsDocument,
      p.customsReference,
      p.deliveryNote,
      p.notes,
      p.createdById,
      p.receivingLocationId,
    ],
  );
  await m.query(
    `insert into gate_pass_lines (gate_pass_id, line_no, product_id, kind, quantity)
     select $1, n, product_id, kind, quantity
       from unnest($2::uuid[], $3::text[], $4::numeric[]) with ordinality as v(product_id, kind, quantity, n)`,
    [id, p.lines.map((l) => l.productId), p.lines.map((l) => l.kind), p.lines.map((l) => l.quantity)],
  );
  return id;
}

/** Security's count on every line, in one statement. */
export async function saveCounts(
  m: EntityManager,
  counted: Array<{ lineId: string; quantity: string }>,
): Promise<void> {
  await m.query(
    `update gate_pass_lines l set counted_quantity = v.q, updated_at = now()
       from unnest($1::uuid[], $2::numeric[]) v(id, q) where l.id = v.id`,
    [counted.map((c) => c.lineId), counted.map((c) => c.quantity)],
  );
}

export async function setLineLots(
  m: EntityManager,
  lots: Array<{ lineId: string; lotId: string }>,
): Promise<void> {
  if (lots.length === 0) return;
  await m.query(
    `update gate_pass_lines l set lot_id = v.lot_id, updated_at = now()
       from unnest($1::uuid[], $2::uuid[]) v(id, lot_id) where l.id = v.id`,
    [lots.map((c) => c.lineId), lots.map((c) => c.lotId)],
  );
}

export interface GatePassChanges {
  counted?: { byId: string };
  /** OUT: due back after the subcontractor's agreed days; IN: null. */
  released?: { agreedDays: number | null };
  cancelled?: { byId: string; reason: string };
}

export async function saveGatePass(
  m: EntityManager,
  id: string,
  state: GatePassState,
  c: GatePassChanges,
): Promise<void> {
  await m.query(
    `update gate_passes set state = $2,
            counted_by_id = coalesce($3, counted_by_id),
            counted_at = case when $3::uuid is null then counted_at else now() end,
            counts = counts + case when $3::uuid is null then 0 else 1 end,
            released_at = case when $4 then now() else released_at end,
            due_at = case when $5::int is null then due_at else now() + make_interval(days => $5::int) end,
            cancelled_by_id = coalesce($6, cancelled_by_id),
            cancel_reason = coalesce($7, cancel_reason),
            version = version + 1, updated_at = now()
      where id = $1`,
    [
      id,
      state,
      c.counted?.byId ?? null,
      !!c.released,
      c.released?.agreedDays ?? null,
      c.cancelled?.byId ?? null,
      c.cancelled?.reason ?? null,
    ],
  );
}

/** Per work order, product and direction: what RELEASED passes moved. */
export interface MovedRow {
  direction: GatePassDirection;
  product_id: string;
  quantity: string;
}

export function movedForWorkOrder(m: EntityManager, workOrderId: string): Promise<MovedRow[]> {
  return m.query(
    `select g.direction, l.product_id, sum(l.quantity)::text as quantity
       from gate_passes g join gate_pass_lines l on l.gate_pass_id = g.id
      where g.work_order_id = $1 and g.state = 'RELEASED'
      group by g.direction, l.product_id`,
    [workOrderId],
  );
}

/** Per SUBCON work order: the WIP pieces sent out and come back on RELEASED passes. */
export interface WorkOrderTotalsRow {
  work_order_id: string;
  sent: string;
  returned: string;
}

export function totalsOfWorkOrders(m: EntityManager, ids: readonly string[]): Promise<WorkOrderTotalsRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return m.query(
    `select g.work_order_id,
            coalesce(sum(l.quantity) filter (where g.direction = 'OUT'), 0)::text as sent,
            coalesce(sum(l.quantity) filter (where g.direction = 'IN'), 0)::text as returned
       from gate_passes g join gate_pass_lines l on l.gate_pass_id = g.id and l.kind = 'WIP'
      where g.work_order_id = any($1::uuid[]) and g.state = 'RELEASED'
      group by g.work_order_id`,
    [ids],
  );
}

/**
 * RELEASED OUT passes of a work order with the WIP pieces each still has at the subcontractor: what
 * came back covers the oldest passes first.
 */
export interface OutstandingRow {
  id: string;
  number: string;
  partner_id: string;
  batch_number: string;
  due_at: Date | null;
  outstanding: string;
}

export function outstandingPasses(m: EntityManager, workOrderId: string): Promise<OutstandingRow[]> {
  return m.query(
    `with outs as (
       select g.id, g.number, g.partner_id, g.batch_number, g.due_at, g.released_at, sum(l.quantity) as sent
         from gate_passes g join gate_pass_lines l on l.gate_pass_id = g.id and l.kind = 'WIP'
        where g.work_order_id = $1 and g.direction = 'OUT' and g.state = 'RELEASED'
        group by g.id
     ), back as (
       select coalesce(sum(l.quantity), 0) as returned
         from gate_passes g join gate_pass_lines l on l.gate_pass_id = g.id and l.kind = 'WIP'
        where g.work_order_id = $1 and g.direction = 'IN' and g.state = 'RELEASED'
     ), running as (
       select o.*, sum(o.sent) over (order by o.released_at, o.id) as upto from outs o
     )
     select r.id, r.number, r.partner_id, r.batch_number, r.due_at,
            greatest(0, least(r.sent, r.upto - b.returned))::text as outstanding
       from running r cross join back b
      order by r.released_at, r.id`,
    [workOrderId],
  );
}

export interface SubconAlertRow {
  id: string;
  gate_pass_id: string;
  partner_id: string;
  number: string;
  batch_number: string;
  outstanding_quantity: string;
  agreed_days: number;
  due_at: Date;
  status: 'OPEN' | 'RESOLVED';
  resolved_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** Opens the pass's alert once; null when it already had one. */
export async function insertAlert(
  m: EntityManager,
  a: {
    gatePassId: string;
    partnerId: string;
    number: string;
    batchNumber: string;
    outstanding: string;
    agreedDays: number;
    dueAt: Date;
  },
): Promise<string | null> {
  const rows: Array<{ id: string }> = await m.query(
    `insert into subcon_alerts (gate_pass_id, partner_id, number, batch_number, outstanding_quantity, agreed_days, due_at)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (gate_pass_id) do nothing returning id`,
    [a.gatePassId, a.partnerId, a.number, a.batchNumber, a.outstanding, a.agreedDays, a.dueAt],
  );
  return rows[0]?.id ?? null;
}

/** Resolves the open alerts of these passes; the ids resolved. */
export async function resolveAlerts(m: EntityManager, passIds: readonly string[]): Promise<string[]> {
  if (passIds.length === 0) return [];
  // An UPDATE … RETURNING answers [rows, count] through TypeORM's postgres driver.
  const [rows]: [Array<{ id: string }>, number] = await m.query(
    `update subcon_alerts set status = 'RESOLVED', resolved_at = now(), updated_at = now()
      where gate_pass_id = any($1::uuid[]) and status = 'OPEN' returning id`,
    [passIds],
  );
  return rows.map((r) => r.id);
}

export function selectAlerts(
  m: EntityManager,
  status: 'OPEN' | 'RESOLVED' | null,
): Promise<SubconAlertRow[]> {
  return m.query(
    `select * from subcon_alerts where ($1::text is null or status = $1) order by due_at, id limit 500`,
    [status],
  );
}

export interface ProductRefRow {
  id: string;
  code: string;
  name: string;
  uom: Unit;
}

/** Codes, names and units of products (the shared catalogue), by id. */
export async function productsOf(
  m: EntityManager,
  ids: readonly string[],
): Promise<Map<string, ProductRefRow>> {
  if (ids.length === 0) return new Map();
  const rows: ProductRefRow[] = await m.query(
    `select id, code, name, uom from products where id = any($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Marks an IN pass's goods as moved to the line; false when they already were. */
export async function markOnLine(m: EntityManager, id: string): Promise<boolean> {
  const [rows]: [Array<{ id: string }>, number] = await m.query(
    `update gate_passes set on_line_at = now(), version = version + 1, updated_at = now()
      where id = $1 and on_line_at is null returning id`,
    [id],
  );
  return rows.length > 0;
}
