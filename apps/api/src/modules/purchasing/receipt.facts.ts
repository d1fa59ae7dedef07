import type { EntityManager } from 'typeorm';

/** A goods receipt with its purchase order and supplier, as a trace shows it. */
export interface TracedReceiptRow {
  id: string;
  number: string;
  received_at: Date;
  purchase_order_id: string;
  po_number: string;
  supplier_id: string;
}

/** The goods receipts with these ids, in one statement. */
export function readReceiptsByIds(m: EntityManager, ids: readonly string[]): Promise<TracedReceiptRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return m.query(
    `select g.id, g.number, g.created_at as received_at, o.id as purchase_order_id, o.number as po_number, o.supplier_id
       from goods_receipts g join purchase_orders o on o.id = g.purchase_order_id
      where g.id = any($1::uuid[])`,
    [[...new Set(ids)]],
  );
}
