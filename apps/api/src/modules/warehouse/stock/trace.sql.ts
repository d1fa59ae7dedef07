import type { EntityManager } from 'typeorm';

export type TraceDirection = 'backward' | 'forward';

/** One node of the walk: a lot, or a production batch (the moves of an MO and its work orders). */
export interface TraceRow {
  /** Keys from the root to this node (`L:<lot id>`, `B:<batch number>`): the node's place in the tree. */
  path: string[];
  depth: number;
  kind: 'lot' | 'batch';
  lot_id: string | null;
  batch: string | null;
  /** What flowed over the edge from the parent (consumed from or produced into the lot), stock unit. */
  quantity: string | null;
  first_at: Date | null;
  last_at: Date | null;
  /** The documents of the edge's moves: the MO and work orders that consumed or produced. */
  document_ids: string[] | null;
  lot_number: string | null;
  received_at: Date | null;
  supplier_id: string | null;
  purchase_order_line_id: string | null;
  product_id: string | null;
  product_code: string | null;
  product_name: string | null;
  product_type: string | null;
  uom: string | null;
  /** Lots only: on hand now over every internal location. */
  on_hand: string | null;
  /** Lots only: the receipts (goods receipts) into it. */
  receipts: TraceReceiptRow[] | null;
  /** Lots only: what left it to a customer. */
  dispatches: TraceDispatchRow[] | null;
}

export interface TraceReceiptRow {
  document_type: string | null;
  document_id: string | null;
  reference: string | null;
  quantity: string;
  at: string;
}

export interface TraceDispatchRow {
  document_type: string | null;
  document_id: string | null;
  reference: string | null;
  quantity: string;
  at: string;
  location_code: string;
}

/** Moves of MOs and their work orders; both carry the MO's batch number as their reference. */
const PRODUCTION_DOCS = `('manufacturing_order', 'work_order')`;
const MAX_DEPTH = 40;

/**
 * The whole trace in one statement: a recursive walk over the ledger alternating lot → batch → lot.
 * Backward, a lot leads to the batches that produced into it and a batch to the lots it consumed;
 * forward the other way round. Each step is an index lookup (moves by lot, moves by reference), and a
 * node already on its own path is not entered again.
 *
 * Each node's lot and product are read by primary key in a `lateral … limit 1` (the limit keeps
 * PostgreSQL from flattening it into a plain join). The planner cannot size a recursive CTE (it guessed
 * 1,541 nodes for a 12-node backward trace at scale 10) and, with plain joins, hashed the whole `lots`
 * table for every trace: 48 of 61 ms at scale 10, growing with the number of lots.
 */
export function traceLedger(m: EntityManager, lotId: string, direction: TraceDirection): Promise<TraceRow[]> {
  const [fromLot, fromBatch] =
    direction === 'backward'
      ? ['PRODUCTION_OUTPUT', 'PRODUCTION_CONSUME']
      : ['PRODUCTION_CONSUME', 'PRODUCTION_OUTPUT'];
  return m.query(
    `with recursive walk(path, depth, kind, lot_id, batch, quantity, first_at, last_at, document_ids) as (
       select array['L:' || $1::text], 0, 'lot'::text, $1::uuid, null::text, null::numeric,
              null::timestamptz, null::timestamptz, null::uuid[]
       union all
       select w.path || e.key, w.depth + 1, e.kind, e.lot_id, e.batch, e.quantity, e.first_at, e.last_at, e.document_ids
         from walk w
         cross join lateral (
           select 'B:' || mv.reference as key, 'batch'::text as kind, null::uuid as lot_id, mv.reference as batch,
                  sum(mv.quantity) as quantity, min(mv.created_at) as first_at, max(mv.created_at) as last_at,
                  array_agg(distinct mv.document_id) as document_ids
             from stock_moves mv
            where w.kind = 'lot' and mv.lot_id = w.lot_id and mv.type = $2::move_type
              and mv.document_type in ${PRODUCTION_DOCS} and mv.reference is not null
            group by mv.reference
           union all
           select 'L:' || mv.lot_id::text, 'lot', mv.lot_id, null, sum(mv.quantity), min(mv.created_at),
                  max(mv.created_at), array_agg(distinct mv.document_id)
             from stock_moves mv
            where w.kind = 'batch' and mv.reference = w.batch and mv.type = $3::move_type
              and mv.document_type in ${PRODUCTION_DOCS} and mv.lot_id is not null
            group by mv.lot_id
         ) e
        where w.depth < ${MAX_DEPTH} and not (e.key = any(w.path))
     )
     select w.path, w.depth, w.kind, w.lot_id, w.batch, w.quantity::text as quantity, w.first_at, w.last_at,
            w.document_ids, l.lot_number, l.received_at, l.supplier_id, l.purchase_order_line_id,
            l.product_id, l.product_code, l.product_name, l.product_type, l.uom,
            (select sum(b.on_hand)::text from stock_balances b
              where b.product_id = l.product_id and b.lot_id = l.id) as on_hand,
            (select json_agg(json_build_object('document_type', r.document_type, 'document_id', r.document_id,
                                               'reference', r.reference, 'quantity', r.quantity::text,
                                               'at', r.created_at) order by r.created_at)
               from stock_moves r where r.lot_id = l.id and r.type = 'RECEIPT') as receipts,
            (select json_agg(json_build_object('document_type', d.document_type, 'document_id', d.document_id,
                                               'reference', d.reference, 'quantity', d.quantity::text,
                                               'at', d.created_at, 'location_code', c.code) order by d.created_at)
               from stock_moves d join locations c on c.id = d.to_location_id and c.type = 'CUSTOMER'
              where d.lot_id = l.id) as dispatches
       from walk w
       left join lateral (
         select l.id, l.lot_number, l.received_at, l.supplier_id, l.purchase_order_line_id, l.product_id,
                p.code as product_code, p.name as product_name, p.type::text as product_type, p.uom::text as uom
           from lots l join products p on p.id = l.product_id
          where l.id = w.lot_id
          limit 1
       ) l on true
      order by w.path`,
    [lotId, fromLot, fromBatch],
  );
}
