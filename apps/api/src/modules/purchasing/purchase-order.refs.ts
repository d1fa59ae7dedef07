import type { Unit } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';

/** A purchase order's number by id, for modules that create drafts through `PurchasingService.createDraft`. */
export interface PurchaseOrderNumberRow {
  id: string;
  number: string;
}

export async function purchaseOrderNumbers(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = (await manager.query('select id, number from purchase_orders where id = any($1::uuid[])', [
    ids,
  ])) as PurchaseOrderNumberRow[];
  return new Map(rows.map((r) => [r.id, r.number]));
}

export interface DraftPurchaseLineRow {
  po_line_id: string;
  po_number: string;
  product_id: string;
  quantity: string;
  uom: Unit;
  expected_date: string;
}

/**
 * Lines of DRAFT purchase orders, in one query: planning counts them as supply too, so a released BUY
 * planned order (a draft PO until approved) is not planned again by the next run.
 */
export function draftPurchaseLines(manager: EntityManager): Promise<DraftPurchaseLineRow[]> {
  return manager.query(
    `select l.id as po_line_id, o.number as po_number, l.product_id, l.quantity::text as quantity, l.uom,
            l.expected_date::text as expected_date
       from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
      where o.state = 'DRAFT'`,
  );
}
