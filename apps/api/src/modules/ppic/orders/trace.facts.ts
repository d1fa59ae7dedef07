import type { Department, MoState } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';

/** A production batch as a trace shows it: the MO behind a batch number. */
export interface TracedMoRow {
  id: string;
  batch_number: string;
  product_id: string;
  state: MoState;
  qty_planned: string;
  produced_qty: string | null;
  week: string | null;
  destination: string | null;
  started_at: Date | null;
  completed_at: Date | null;
  sales_order_line_id: string | null;
}

/** The MOs of these batch numbers, in one statement. */
export function readMosByBatch(m: EntityManager, batches: readonly string[]): Promise<TracedMoRow[]> {
  if (batches.length === 0) return Promise.resolve([]);
  return m.query(
    `select id, batch_number, product_id, state, qty_planned::text, produced_qty::text, week, destination,
            started_at, completed_at, sales_order_line_id
       from manufacturing_orders where batch_number = any($1::text[])`,
    [[...new Set(batches)]],
  );
}

export interface TracedWorkOrderRow {
  id: string;
  mo_id: string;
  department: Department;
  sequence: number;
}

/** The work orders among these document ids (other ids are ignored), in one statement. */
export function readWorkOrdersByIds(m: EntityManager, ids: readonly string[]): Promise<TracedWorkOrderRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return m.query(
    `select id, mo_id, department, sequence from work_orders where id = any($1::uuid[]) order by sequence`,
    [[...new Set(ids)]],
  );
}
