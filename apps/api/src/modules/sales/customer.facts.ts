import type { EntityManager } from 'typeorm';

/** The order and customer of a sales-order line, as a trace shows it. */
export interface CustomerLineRow {
  line_id: string;
  sales_order_id: string;
  so_number: string;
  customer_id: string;
  customer_po: string;
}

/** The orders and customers of these sales-order lines, in one statement. */
export function readCustomerLines(m: EntityManager, lineIds: readonly string[]): Promise<CustomerLineRow[]> {
  if (lineIds.length === 0) return Promise.resolve([]);
  return m.query(
    `select l.id as line_id, o.id as sales_order_id, o.number as so_number, o.customer_id, o.customer_po
       from sales_order_lines l join sales_orders o on o.id = l.sales_order_id
      where l.id = any($1::uuid[])`,
    [[...new Set(lineIds)]],
  );
}
