import type { Destination, SalesOrderState } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import { changedSince, orderBy } from '../../core/http/list-sync.js';

/** The sales module's own queries: it names only `sales_orders` and `sales_order_lines`. */

export interface SalesOrderRow {
  id: string;
  number: string;
  customer_id: string;
  customer_po: string;
  order_date: string;
  notes: string | null;
  state: SalesOrderState;
  created_by_id: string | null;
  confirmed_by_id: string | null;
  confirmed_at: Date | null;
  cancelled_by_id: string | null;
  cancelled_at: Date | null;
  closed_by_id: string | null;
  closed_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface SalesOrderSummaryRow extends SalesOrderRow {
  line_count: number;
  total_quantity: number;
  first_week: string | null;
  last_week: string | null;
  first_ex_factory: string | null;
}

export interface SalesOrderLineRow {
  id: string;
  sales_order_id: string;
  line_no: number;
  product_id: string;
  quantity: number;
  delivery_week: string;
  destination: Destination;
  ex_factory_date: string;
  shipped_quantity: number;
}

export interface SalesOrderFilter {
  customerId?: string;
  state?: SalesOrderState;
  week?: string;
  search?: string;
  updatedSince?: string;
  sort?: string;
}

/** Fields a sales order list may be sorted by, and their columns. */
export const SALES_ORDER_SORT = {
  number: 'o.number',
  orderDate: 'o.order_date',
  state: 'o.state',
  createdAt: 'o.created_at',
  updatedAt: 'o.updated_at',
} as const;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// Dates as text: a `date` column must never pass through a JS Date (time zones).
const ORDER_COLUMNS = `o.id, o.number, o.customer_id, o.customer_po, o.order_date::text as order_date, o.notes, o.state,
  o.created_by_id, o.confirmed_by_id, o.confirmed_at, o.cancelled_by_id, o.cancelled_at, o.closed_by_id, o.closed_at,
  o.version, o.created_at, o.updated_at`;

/** The list's query: its filters and order, without paging (the export streams it whole). */
export function salesOrderListSql(f: SalesOrderFilter, counted: boolean): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.customerId) where.push(`o.customer_id = $${params.push(f.customerId)}`);
  if (f.state) where.push(`o.state = $${params.push(f.state)}`);
  if (f.week)
    where.push(
      `exists (select 1 from sales_order_lines w where w.sales_order_id = o.id and w.delivery_week = $${params.push(f.week)})`,
    );
  if (f.search)
    where.push(
      `(o.number ilike $${params.push(`%${escapeLike(f.search)}%`)} or o.customer_po ilike $${params.length})`,
    );
  if (f.updatedSince) where.push(changedSince('o.updated_at', params.push(f.updatedSince)));
  const sql = `select ${ORDER_COLUMNS}, s.line_count, s.total_quantity, s.first_week, s.last_week, s.first_ex_factory
            ${counted ? ', count(*) over() as total' : ''}
       from sales_orders o
       cross join lateral (
         select count(*)::int as line_count, coalesce(sum(l.quantity), 0)::int as total_quantity,
                min(l.delivery_week) as first_week, max(l.delivery_week) as last_week,
                min(l.ex_factory_date)::text as first_ex_factory
           from sales_order_lines l where l.sales_order_id = o.id) s
      ${where.length ? `where ${where.join(' and ')}` : ''}
      ${orderBy(f.sort, SALES_ORDER_SORT, 'o.created_at desc, o.number desc', 'o.id')}`;
  return { sql, params };
}

export async function listSalesOrders(
  m: EntityManager,
  f: SalesOrderFilter,
  skip: number,
  limit: number,
): Promise<{ rows: SalesOrderSummaryRow[]; total: number }> {
  const { sql, params } = salesOrderListSql(f, true);
  const rows: Array<SalesOrderSummaryRow & { total: string }> = await m.query(
    `${sql} limit $${params.push(limit)} offset $${params.push(skip)}`,
    params,
  );
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

export async function salesOrderById(
  m: EntityManager,
  id: string,
  lock = false,
): Promise<SalesOrderRow | undefined> {
  const [row]: SalesOrderRow[] = await m.query(
    `select ${ORDER_COLUMNS} from sales_orders o where o.id = $1 ${lock ? 'for update' : ''}`,
    [id],
  );
  return row;
}

export async function linesOfOrders(
  m: EntityManager,
  orderIds: readonly string[],
): Promise<SalesOrderLineRow[]> {
  if (orderIds.length === 0) return [];
  return m.query(
    `select id, sales_order_id, line_no, product_id, quantity, delivery_week, destination,
            ex_factory_date::text as ex_factory_date, shipped_quantity
       from sales_order_lines where sales_order_id = any($1::uuid[]) order by sales_order_id, line_no`,
    [[...orderIds]],
  );
}

export async function customerPoTaken(
  m: EntityManager,
  customerId: string,
  customerPo: string,
  exceptOrderId: string | null,
): Promise<string | null> {
  const [row]: Array<{ number: string }> = await m.query(
    `select number from sales_orders where customer_id = $1 and customer_po = $2 and id is distinct from $3`,
    [customerId, customerPo, exceptOrderId],
  );
  return row?.number ?? null;
}

export interface SalesOrderValues {
  customerId: string;
  customerPo: string;
  orderDate: string;
  notes: string | null;
}

export interface SalesOrderLineValues {
  productId: string;
  quantity: number;
  deliveryWeek: string;
  destination: Destination;
  exFactoryDate: string;
}

export async function insertSalesOrder(
  m: EntityManager,
  number: string,
  v: SalesOrderValues,
  createdById: string,
): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await m.query(
    `insert into sales_orders (number, customer_id, customer_po, order_date, notes, state, created_by_id)
     values ($1, $2, $3, $4, $5, 'DRAFT', $6) returning id`,
    [number, v.customerId, v.customerPo, v.orderDate, v.notes, createdById],
  );
  return id;
}

export async function updateSalesOrderHeader(
  m: EntityManager,
  id: string,
  v: SalesOrderValues,
): Promise<void> {
  await m.query(
    `update sales_orders set customer_id = $2, customer_po = $3, order_date = $4, notes = $5,
            version = version + 1, updated_at = now() where id = $1`,
    [id, v.customerId, v.customerPo, v.orderDate, v.notes],
  );
}

/** Replaces a draft's lines (numbered 1…n in the order given) in one statement each. */
export async function replaceSalesOrderLines(
  m: EntityManager,
  orderId: string,
  lines: readonly SalesOrderLineValues[],
): Promise<void> {
  await m.query('delete from sales_order_lines where sales_order_id = $1', [orderId]);
  await m.query(
    `insert into sales_order_lines (sales_order_id, line_no, product_id, quantity, delivery_week, destination, ex_factory_date)
     select $1, l.ord, l.product_id, l.quantity, l.delivery_week, l.destination::destination, l.ex_factory_date
       from unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::date[])
            with ordinality as l(product_id, quantity, delivery_week, destination, ex_factory_date, ord)`,
    [
      orderId,
      lines.map((l) => l.productId),
      lines.map((l) => l.quantity),
      lines.map((l) => l.deliveryWeek),
      lines.map((l) => l.destination),
      lines.map((l) => l.exFactoryDate),
    ],
  );
}

/** Writes a transition's state and its who/when columns (only the known ones). */
export async function saveSalesOrderState(
  m: EntityManager,
  id: string,
  state: SalesOrderState,
  changes: Readonly<Record<string, unknown>>,
): Promise<void> {
  const allowed = new Set([
    'confirmed_by_id',
    'confirmed_at',
    'cancelled_by_id',
    'cancelled_at',
    'closed_by_id',
    'closed_at',
  ]);
  const params: unknown[] = [id, state];
  const sets = Object.entries(changes)
    .filter(([column]) => allowed.has(column))
    .map(([column, value]) => `${column} = $${params.push(value)}`);
  await m.query(
    `update sales_orders set state = $2${sets.map((s) => `, ${s}`).join('')}, version = version + 1, updated_at = now()
      where id = $1`,
    params,
  );
}

export interface DemandLineRow {
  sales_order_line_id: string;
  sales_order_id: string;
  so_number: string;
  customer_id: string;
  product_id: string;
  open_quantity: number;
  ex_factory_date: string;
  delivery_week: string;
  destination: Destination;
}

/** Open quantity of every line of a CONFIRMED / PARTIALLY_SHIPPED order, in one query. */
export async function demandLines(m: EntityManager): Promise<DemandLineRow[]> {
  return m.query(
    `select l.id as sales_order_line_id, o.id as sales_order_id, o.number as so_number, o.customer_id,
            l.product_id, (l.quantity - l.shipped_quantity) as open_quantity,
            l.ex_factory_date::text as ex_factory_date, l.delivery_week, l.destination
       from sales_order_lines l join sales_orders o on o.id = l.sales_order_id
      where o.state in ('CONFIRMED', 'PARTIALLY_SHIPPED') and l.quantity > l.shipped_quantity
      order by l.ex_factory_date, o.number, l.line_no`,
  );
}

export interface LineRefRow {
  id: string;
  sales_order_id: string;
  so_number: string;
  state: SalesOrderState;
  line_no: number;
  product_id: string;
  quantity: number;
  delivery_week: string;
  destination: Destination;
  ex_factory_date: string;
}

export async function lineRefsByIds(m: EntityManager, ids: readonly string[]): Promise<LineRefRow[]> {
  if (ids.length === 0) return [];
  return m.query(
    `select l.id, l.sales_order_id, o.number as so_number, o.state, l.line_no, l.product_id, l.quantity,
            l.delivery_week, l.destination, l.ex_factory_date::text as ex_factory_date
       from sales_order_lines l join sales_orders o on o.id = l.sales_order_id
      where l.id = any($1::uuid[])`,
    [[...new Set(ids)]],
  );
}
