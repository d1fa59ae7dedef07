import type { Destination, SalesOrderState } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';

/** The sales module's queries for shipping: still only `sales_orders` and `sales_order_lines`. */

export interface ShippableLineRow {
  id: string;
  sales_order_id: string;
  so_number: string;
  customer_id: string;
  customer_po: string;
  state: SalesOrderState;
  line_no: number;
  product_id: string;
  quantity: number;
  shipped_quantity: number;
  delivery_week: string;
  destination: Destination;
}

const LINE_COLUMNS = `l.id, l.sales_order_id, o.number as so_number, o.customer_id, o.customer_po, o.state, l.line_no,
  l.product_id, l.quantity, l.shipped_quantity, l.delivery_week, l.destination`;

/** The lines with these ids and their orders; `lock` locks the orders first (in id order), then the lines. */
export async function shippableLinesByIds(
  m: EntityManager,
  ids: readonly string[],
  lock = false,
): Promise<ShippableLineRow[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  if (lock)
    await m.query(
      `select o.id from sales_orders o
        where o.id in (select sales_order_id from sales_order_lines where id = any($1::uuid[]))
        order by o.id for update`,
      [unique],
    );
  return m.query(
    `select ${LINE_COLUMNS} from sales_order_lines l join sales_orders o on o.id = l.sales_order_id
      where l.id = any($1::uuid[]) order by o.number, l.line_no ${lock ? 'for update of l' : ''}`,
    [unique],
  );
}

/** A customer's lines of CONFIRMED / PARTIALLY_SHIPPED orders with something left to ship. */
export function openLinesOfCustomer(
  m: EntityManager,
  customerId: string,
  f: { week?: string; destination?: Destination; salesOrderId?: string },
): Promise<ShippableLineRow[]> {
  const params: unknown[] = [customerId];
  const where = [
    `o.customer_id = $1`,
    `o.state in ('CONFIRMED', 'PARTIALLY_SHIPPED')`,
    `l.quantity > l.shipped_quantity`,
  ];
  if (f.week) where.push(`l.delivery_week = $${params.push(f.week)}`);
  if (f.destination) where.push(`l.destination = $${params.push(f.destination)}::destination`);
  if (f.salesOrderId) where.push(`o.id = $${params.push(f.salesOrderId)}`);
  return m.query(
    `select ${LINE_COLUMNS} from sales_order_lines l join sales_orders o on o.id = l.sales_order_id
      where ${where.join(' and ')}
      order by l.delivery_week, l.destination, o.number, l.line_no limit 500`,
    params,
  );
}

/** Adds shipped pieces to lines; answers every line of the orders touched, after the change. */
export async function addShippedQuantities(
  m: EntityManager,
  byLine: ReadonlyMap<string, number>,
): Promise<Array<{ sales_order_id: string; quantity: number; shipped_quantity: number }>> {
  await m.query(
    `update sales_order_lines l set shipped_quantity = l.shipped_quantity + v.q, updated_at = now()
       from unnest($1::uuid[], $2::int[]) v(id, q) where l.id = v.id`,
    [[...byLine.keys()], [...byLine.values()]],
  );
  return m.query(
    `select sales_order_id, quantity, shipped_quantity from sales_order_lines
      where sales_order_id in (select sales_order_id from sales_order_lines where id = any($1::uuid[]))`,
    [[...byLine.keys()]],
  );
}
