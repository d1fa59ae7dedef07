import type { MoState } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';

/** An MO that is still supply or demand for planning. */
export interface OpenMoRow {
  id: string;
  batch_number: string;
  product_id: string;
  state: MoState;
  qty_planned: string;
  due_date: string | null;
}

/** DRAFT, APPROVED and IN_PROGRESS MOs in one statement. */
export function readOpenMos(manager: EntityManager): Promise<OpenMoRow[]> {
  return manager.query(
    `select id, batch_number, product_id, state, qty_planned::text, to_char(due_date, 'YYYY-MM-DD') as due_date
       from manufacturing_orders
      where state in ('DRAFT', 'APPROVED', 'IN_PROGRESS')`,
  );
}

/** What an approved, not started MO will still consume: its frozen purchased materials. */
export interface FrozenMaterialRow {
  mo_id: string;
  product_id: string;
  quantity: string;
}

export function readApprovedMoMaterials(manager: EntityManager): Promise<FrozenMaterialRow[]> {
  return manager.query(
    `select mm.mo_id, mm.product_id, sum(mm.quantity - mm.consumed_qty)::text as quantity
       from mo_materials mm join manufacturing_orders mo on mo.id = mm.mo_id
      where mo.state = 'APPROVED'
      group by mm.mo_id, mm.product_id
     having sum(mm.quantity - mm.consumed_qty) > 0`,
  );
}

/** An MO pegged to a sales-order line. */
export interface PeggedMoRow {
  id: string;
  batch_number: string;
  state: MoState;
  qty_planned: string;
  sales_order_line_id: string;
}

/** The MOs pegged to these sales-order lines, in one statement. */
export function readMosPeggedTo(manager: EntityManager, lineIds: readonly string[]): Promise<PeggedMoRow[]> {
  if (lineIds.length === 0) return Promise.resolve([]);
  return manager.query(
    `select id, batch_number, state, qty_planned::text, sales_order_line_id
       from manufacturing_orders where sales_order_line_id = any($1::uuid[]) order by batch_number`,
    [[...new Set(lineIds)]],
  );
}
