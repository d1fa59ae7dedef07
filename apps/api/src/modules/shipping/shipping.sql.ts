import type { Destination, ShipmentState } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import { escapeLike } from '../../core/database/like.js';

/** The shipping module's own queries: shipments, their lines, picks, cartons and pallets. */

export interface ShipmentRow {
  id: string;
  number: string;
  customer_id: string;
  state: ShipmentState;
  notes: string | null;
  created_by_id: string | null;
  picked_by_id: string | null;
  picked_at: Date | null;
  shipped_by_id: string | null;
  shipped_at: Date | null;
  cancelled_by_id: string | null;
  cancelled_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ShipmentSummaryRow extends ShipmentRow {
  line_count: number;
  total_quantity: number;
  carton_count: number;
  pallet_count: number;
}

export interface ShipmentLineRow {
  id: string;
  shipment_id: string;
  line_no: number;
  sales_order_line_id: string;
  sales_order_id: string;
  product_id: string;
  quantity: number;
  destination: Destination;
  delivery_week: string;
}

export interface ShipmentPickRow {
  id: string;
  shipment_line_id: string;
  lot_id: string | null;
  location_id: string;
  quantity: number;
  production_week: string;
}

export interface ShipmentCartonRow {
  no: number;
  shipment_line_id: string;
  product_id: string;
  lot_id: string | null;
  destination: Destination;
  week: string;
  quantity: number;
  partial: boolean;
  pallet_no: number;
  barcode: string;
}

export interface ShipmentPalletRow {
  no: number;
  product_id: string;
  destination: Destination;
  week: string;
  cartons: number;
  quantity: number;
}

const COLUMNS = `s.id, s.number, s.customer_id, s.state, s.notes, s.created_by_id, s.picked_by_id, s.picked_at,
  s.shipped_by_id, s.shipped_at, s.cancelled_by_id, s.cancelled_at, s.version, s.created_at, s.updated_at`;

export interface ShipmentFilter {
  customerId?: string;
  state?: ShipmentState;
  salesOrderId?: string;
  search?: string;
}

export async function listShipments(
  m: EntityManager,
  f: ShipmentFilter,
  skip: number,
  limit: number,
): Promise<{ rows: ShipmentSummaryRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.customerId) where.push(`s.customer_id = $${params.push(f.customerId)}`);
  if (f.state) where.push(`s.state = $${params.push(f.state)}`);
  if (f.salesOrderId)
    where.push(
      `exists (select 1 from shipment_lines x where x.shipment_id = s.id and x.sales_order_id = $${params.push(f.salesOrderId)})`,
    );
  if (f.search) where.push(`s.number ilike $${params.push(`%${escapeLike(f.search)}%`)}`);
  const rows: Array<ShipmentSummaryRow & { total: string }> = await m.query(
    `select ${COLUMNS}, t.line_count, t.total_quantity,
            (select count(*)::int from shipment_cartons c where c.shipment_id = s.id) as carton_count,
            (select count(*)::int from shipment_pallets p where p.shipment_id = s.id) as pallet_count,
            count(*) over() as total
       from shipments s
       cross join lateral (
         select count(*)::int as line_count, coalesce(sum(l.quantity), 0)::int as total_quantity
           from shipment_lines l where l.shipment_id = s.id) t
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by s.created_at desc, s.number desc
      limit $${params.push(limit)} offset $${params.push(skip)}`,
    params,
  );
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

export async function shipmentById(
  m: EntityManager,
  id: string,
  lock = false,
): Promise<ShipmentRow | undefined> {
  const [row]: ShipmentRow[] = await m.query(
    `select ${COLUMNS} from shipments s where s.id = $1 ${lock ? 'for update' : ''}`,
    [id],
  );
  return row;
}

export async function insertShipment(
  m: EntityManager,
  number: string,
  customerId: string,
  notes: string | null,
  createdById: string,
): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await m.query(
    `insert into shipments (number, customer_id, notes, state, created_by_id) values ($1, $2, $3, 'DRAFT', $4) returning id`,
    [number, customerId, notes, createdById],
  );
  return id;
}

export interface ShipmentLineValues {
  salesOrderLineId: string;
  salesOrderId: string;
  productId: string;
  quantity: number;
  destination: Destination;
  deliveryWeek: string;
}

export async function insertShipmentLines(
  m: EntityManager,
  shipmentId: string,
  lines: readonly ShipmentLineValues[],
): Promise<void> {
  await m.query(
    `insert into shipment_lines (shipment_id, line_no, sales_order_line_id, sales_order_id, product_id, quantity, destination, delivery_week)
     select $1, l.ord, l.sol, l.so, l.p, l.q, l.d::destination, l.w
       from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::text[], $7::text[])
            with ordinality as l(sol, so, p, q, d, w, ord)`,
    [
      shipmentId,
      lines.map((l) => l.salesOrderLineId),
      lines.map((l) => l.salesOrderId),
      lines.map((l) => l.productId),
      lines.map((l) => l.quantity),
      lines.map((l) => l.destination),
      lines.map((l) => l.deliveryWeek),
    ],
  );
}

export function linesOfShipments(m: EntityManager, ids: readonly string[]): Promise<ShipmentLineRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return m.query(
    `select id, shipment_id, line_no, sales_order_line_id, sales_order_id, product_id, quantity, destination, delivery_week
       from shipment_lines where shipment_id = any($1::uuid[]) order by shipment_id, line_no`,
    [[...ids]],
  );
}

/** Pieces of these sales-order lines already held by open (DRAFT or PICKED) shipments. */
export async function heldBySalesOrderLine(
  m: EntityManager,
  salesOrderLineIds: readonly string[],
): Promise<Map<string, number>> {
  if (salesOrderLineIds.length === 0) return new Map();
  const rows: Array<{ sales_order_line_id: string; quantity: number }> = await m.query(
    `select l.sales_order_line_id, sum(l.quantity)::int as quantity
       from shipment_lines l join shipments s on s.id = l.shipment_id
      where s.state in ('DRAFT', 'PICKED') and l.sales_order_line_id = any($1::uuid[])
      group by l.sales_order_line_id`,
    [[...new Set(salesOrderLineIds)]],
  );
  return new Map(rows.map((r) => [r.sales_order_line_id, r.quantity]));
}

export interface PickValues {
  shipmentLineId: string;
  lotId: string | null;
  locationId: string;
  quantity: number;
  productionWeek: string;
}

export async function insertPicks(
  m: EntityManager,
  shipmentId: string,
  picks: readonly PickValues[],
): Promise<void> {
  await m.query(
    `insert into shipment_picks (shipment_id, shipment_line_id, lot_id, location_id, quantity, production_week)
     select $1, p.l, p.lot, p.loc, p.q, p.w from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::text[]) p(l, lot, loc, q, w)`,
    [
      shipmentId,
      picks.map((p) => p.shipmentLineId),
      picks.map((p) => p.lotId),
      picks.map((p) => p.locationId),
      picks.map((p) => p.quantity),
      picks.map((p) => p.productionWeek),
    ],
  );
}

export function picksOfShipment(m: EntityManager, shipmentId: string): Promise<ShipmentPickRow[]> {
  return m.query(
    `select p.id, p.shipment_line_id, p.lot_id, p.location_id, p.quantity, p.production_week
       from shipment_picks p join shipment_lines l on l.id = p.shipment_line_id
      where p.shipment_id = $1 order by l.line_no, p.production_week, p.created_at, p.id`,
    [shipmentId],
  );
}

export async function insertPacking(
  m: EntityManager,
  shipmentId: string,
  cartons: readonly ShipmentCartonRow[],
  pallets: readonly ShipmentPalletRow[],
): Promise<void> {
  await m.query(
    `insert into shipment_pallets (shipment_id, no, product_id, destination, week, cartons, quantity)
     select $1, p.no, p.pr, p.d::destination, p.w, p.c, p.q
       from unnest($2::int[], $3::uuid[], $4::text[], $5::text[], $6::int[], $7::int[]) p(no, pr, d, w, c, q)`,
    [
      shipmentId,
      pallets.map((p) => p.no),
      pallets.map((p) => p.product_id),
      pallets.map((p) => p.destination),
      pallets.map((p) => p.week),
      pallets.map((p) => p.cartons),
      pallets.map((p) => p.quantity),
    ],
  );
  await m.query(
    `insert into shipment_cartons (shipment_id, no, shipment_line_id, product_id, lot_id, destination, week, quantity, partial, pallet_no, barcode)
     select $1, c.no, c.l, c.pr, c.lot, c.d::destination, c.w, c.q, c.pa, c.pn, c.b
       from unnest($2::int[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::int[], $9::boolean[], $10::int[], $11::text[])
            c(no, l, pr, lot, d, w, q, pa, pn, b)`,
    [
      shipmentId,
      cartons.map((c) => c.no),
      cartons.map((c) => c.shipment_line_id),
      cartons.map((c) => c.product_id),
      cartons.map((c) => c.lot_id),
      cartons.map((c) => c.destination),
      cartons.map((c) => c.week),
      cartons.map((c) => c.quantity),
      cartons.map((c) => c.partial),
      cartons.map((c) => c.pallet_no),
      cartons.map((c) => c.barcode),
    ],
  );
}

export function cartonsOfShipment(m: EntityManager, shipmentId: string): Promise<ShipmentCartonRow[]> {
  return m.query(
    `select no, shipment_line_id, product_id, lot_id, destination, week, quantity, partial, pallet_no, barcode
       from shipment_cartons where shipment_id = $1 order by no`,
    [shipmentId],
  );
}

export function palletsOfShipment(m: EntityManager, shipmentId: string): Promise<ShipmentPalletRow[]> {
  return m.query(
    `select no, product_id, destination, week, cartons, quantity from shipment_pallets where shipment_id = $1 order by no`,
    [shipmentId],
  );
}

/** Writes a transition's state and its who/when columns (only the known ones). */
export async function saveShipmentState(
  m: EntityManager,
  id: string,
  state: ShipmentState,
  changes: Readonly<Record<string, unknown>>,
): Promise<void> {
  const allowed = new Set([
    'picked_by_id',
    'picked_at',
    'shipped_by_id',
    'shipped_at',
    'cancelled_by_id',
    'cancelled_at',
  ]);
  const params: unknown[] = [id, state];
  const sets = Object.entries(changes)
    .filter(([column]) => allowed.has(column))
    .map(([column, value]) => `${column} = $${params.push(value)}`);
  await m.query(
    `update shipments set state = $2${sets.map((s) => `, ${s}`).join('')}, version = version + 1, updated_at = now()
      where id = $1`,
    params,
  );
}
