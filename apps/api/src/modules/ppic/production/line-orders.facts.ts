import type { Department, MoState, WorkOrderState } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';

/** An order a stock document belongs to, as shop-floor control shows it on a line. */
export interface LineOrderRow {
  document_type: string;
  document_id: string;
  mo_id: string;
  batch_number: string;
  mo_state: MoState;
  article_id: string;
  article_code: string;
  article_name: string;
  destination: string | null;
  week: string | null;
}

/**
 * The orders behind stock documents (work orders, handovers, the order itself): ppic owns them, shop-floor
 * control reads the ledger at a line and asks whose WIP it is. One statement.
 */
export function ordersOfDocuments(
  m: EntityManager,
  refs: ReadonlyArray<{ type: string; id: string }>,
): Promise<LineOrderRow[]> {
  if (refs.length === 0) return Promise.resolve([]);
  return m.query(
    `with refs as (select * from unnest($1::text[], $2::uuid[]) as r(document_type, document_id)),
     owner as (
       select r.document_type, r.document_id,
              case r.document_type
                when 'manufacturing_order' then r.document_id
                when 'work_order' then (select wo.mo_id from work_orders wo where wo.id = r.document_id)
                when 'handover' then (select t.mo_id from handovers h join work_orders t on t.id = h.to_work_order_id
                                       where h.id = r.document_id)
              end as mo_id
         from refs r
     )
     select o.document_type, o.document_id::text, mo.id as mo_id, mo.batch_number, mo.state as mo_state,
            p.id as article_id, p.code as article_code, p.name as article_name, mo.destination, mo.week
       from owner o join manufacturing_orders mo on mo.id = o.mo_id join products p on p.id = mo.product_id`,
    [refs.map((r) => r.type), refs.map((r) => r.id)],
  );
}

/** A work order about to hand over, with what the check compares: its order's article, destination, week. */
export interface SendingWorkOrderRow {
  id: string;
  department: Department;
  state: WorkOrderState;
  sequence: number;
  mo_id: string;
  batch_number: string;
  article_id: string;
  article_code: string;
  destination: string | null;
  week: string | null;
  /** The next department on the route, or null at the last one. */
  next_department: Department | null;
  next_work_order_id: string | null;
}

export async function sendingWorkOrder(
  m: EntityManager,
  id: string,
): Promise<SendingWorkOrderRow | undefined> {
  const [row]: SendingWorkOrderRow[] = await m.query(
    `select wo.id, wo.department, wo.state, wo.sequence, wo.mo_id, mo.batch_number, mo.product_id as article_id,
            p.code as article_code, mo.destination, mo.week, n.department as next_department, n.id as next_work_order_id
       from work_orders wo join manufacturing_orders mo on mo.id = wo.mo_id join products p on p.id = mo.product_id
       left join work_orders n on n.mo_id = wo.mo_id and n.sequence = wo.sequence + 1
      where wo.id = $1`,
    [id],
  );
  return row;
}

/** A handover's receiving side, for the acceptance check and the alarm's timeline. */
export interface ReceivingHandoverRow {
  id: string;
  number: string;
  mo_id: string;
  to_department: Department;
  from_work_order_id: string;
}

export async function receivingHandover(
  m: EntityManager,
  id: string,
): Promise<ReceivingHandoverRow | undefined> {
  const [row]: ReceivingHandoverRow[] = await m.query(
    `select h.id, h.number, t.mo_id, t.department as to_department, h.from_work_order_id
       from handovers h join work_orders t on t.id = h.to_work_order_id where h.id = $1`,
    [id],
  );
  return row;
}
