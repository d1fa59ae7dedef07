import type { Department, MoState, WorkOrderState } from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { Locations, type PostingOp, PostingService } from '../../warehouse/index.js';
import { addConsumed, lockMaterials } from '../ppic.sql.js';

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
  input_product_id: string | null;
  output_product_id: string | null;
  target_qty: string;
  input_qty: string;
  good_qty: string;
  reject_qty: string;
  handed_over_qty: string;
}

const COLUMNS = `wo.id, wo.department, wo.state, wo.mo_id, mo.state as mo_state, mo.batch_number, mo.product_id,
  wo.input_product_id, wo.output_product_id, wo.target_qty::text, wo.input_qty::text, wo.good_qty::text, wo.reject_qty::text, wo.handed_over_qty::text`;

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
 * Pieces the metal detector stopped never become good output: they count as rejects of the work order
 * (their share of materials and the line's input consumed, as a reject is) and the toys go to LOSS as
 * scrap with reason METAL_DETECTED — in the inspection's transaction.
 */
export async function scrapDetectedPieces(
  m: EntityManager,
  posting: PostingService,
  locations: Locations,
  wo: CheckedWorkOrderRow,
  pieces: number,
): Promise<void> {
  const production = await locations.virtual('PRODUCTION', m);
  const line = await locations.line(wo.department, m);
  const racks = await locations.racks(m);
  const share = new Decimal(pieces).div(wo.target_qty);
  const document = { type: 'work_order', id: wo.id };
  const ops: PostingOp[] = [];
  const consumed: Array<{ id: string; quantity: string }> = [];
  for (const mm of await lockMaterials(m, wo.mo_id, wo.department)) {
    const quantity = new Decimal(mm.quantity).times(share).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
    if (quantity.lte(0)) continue;
    ops.push({
      kind: 'move',
      type: 'PRODUCTION_CONSUME',
      productId: mm.product_id,
      fromLocationId: racks[0],
      fromAny: racks,
      fromReservationOf: document,
      toLocationId: production,
      quantity: quantity.toFixed(4),
    });
    consumed.push({ id: mm.id, quantity: quantity.toFixed(4) });
  }
  await addConsumed(m, consumed);
  const loss = await locations.virtual('LOSS', m);
  const scrap = (productId: string): PostingOp => ({
    kind: 'move',
    type: 'SCRAP',
    productId,
    fromLocationId: line!,
    toLocationId: loss,
    quantity: String(pieces),
    note: 'METAL_DETECTED',
  });
  if (line && wo.output_product_id) {
    // Made, then scrapped: the ledger shows the toys and where they went.
    if (wo.input_product_id)
      ops.push({
        kind: 'move',
        type: 'PRODUCTION_CONSUME',
        productId: wo.input_product_id,
        fromLocationId: line,
        toLocationId: production,
        quantity: String(pieces),
      });
    ops.push(
      {
        kind: 'move',
        type: 'PRODUCTION_OUTPUT',
        productId: wo.output_product_id,
        fromLocationId: production,
        toLocationId: line,
        quantity: String(pieces),
      },
      scrap(wo.output_product_id),
    );
  } else if (line && wo.input_product_id) {
    // A department that only works its input on: the pieces themselves are scrapped.
    ops.push(scrap(wo.input_product_id));
  }
  await posting.post(m, ops, { reference: wo.batch_number, document });
  await m.query(
    `update work_orders set reject_qty = reject_qty + $2, version = version + 1, updated_at = now() where id = $1`,
    [wo.id, pieces],
  );
}
