import type { Department, Unit } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';

/** One line of an active BOM, with its parent product and output quantity. */
export interface ActiveBomLineRow {
  parent_id: string;
  qty_output: string;
  component_id: string;
  qty_needed: string;
  uom: Unit;
  wastage_percent: string;
  department: Department;
}

/**
 * Every line of every active BOM in one statement (planning explodes in memory). Primary components only:
 * variants are chosen when an MO is approved, from the stock it finds then.
 */
export function readActiveBomLines(manager: EntityManager): Promise<ActiveBomLineRow[]> {
  return manager.query(
    `select b.product_id as parent_id, b.qty_output::text, l.component_id, l.qty_needed::text, l.uom,
            l.wastage_percent::text, l.department
       from boms b join bom_lines l on l.bom_id = b.id
      where b.active and b.deleted_at is null
      order by b.product_id, l.position`,
  );
}
