import type { Department, MoState, WorkOrderState } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';

/** What the quality module reads and changes of a work order it inspects (ppic owns work orders). */
export interface CheckedWorkOrderRow {
  id: string;
  department: Department;
  state: WorkOrderState;
  mo_id: string;
  mo_state: MoState;
  batch_number: string;
  /** The order's article (the weight standard and the chart belong to it). */
  product_id: string;
  output_product_id: string | null;
  good_qty: string;
  reject_qty: string;
  handed_over_qty: string;
}

const COLUMNS = `wo.id, wo.department, wo.state, wo.mo_id, mo.state as mo_state, mo.batch_number, mo.product_id,
  wo.output_product_id, wo.good_qty::text, wo.reject_qty::text, wo.handed_over_qty::text`;

export async function lockCheckedWorkOrder(
  m: EntityManager,
  id: string,
): Promise<CheckedWorkOrderRow | undefined> {
  const [row]: CheckedWorkOrderRow[] = await m.query(
    `select ${COLUMNS} from work_orders wo join manufacturing_orders mo on mo.id = wo.mo_id
      where wo.id = $1 for update of wo`,
    [id],
  );
  return row;
}

export function checkedWorkOrders(m: EntityManager, department: Department): Promise<CheckedWorkOrderRow[]> {
  return m.query(
    `select ${COLUMNS} from work_orders wo join manufacturing_orders mo on mo.id = wo.mo_id
      where wo.department = $1 and wo.state in ('IN_PROGRESS', 'DONE') and mo.state = 'IN_PROGRESS'
      order by mo.batch_number`,
    [department],
  );
}

/**
 * Pieces the metal detector stopped stop being good output: they count as rejects of the work order,
 * so nothing downstream (handover, completion) can use them.
 */
export async function rejectDetectedPieces(m: EntityManager, id: string, pieces: number): Promise<void> {
  await m.query(
    `update work_orders set good_qty = good_qty - $2, reject_qty = reject_qty + $2, version = version + 1,
            updated_at = now()
      where id = $1`,
    [id, pieces],
  );
}
