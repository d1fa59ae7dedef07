import type { EntityManager } from 'typeorm';

/** What one document put on (or took off) a line, net, of a product the line still holds. */
export interface LineWipRow {
  location_id: string;
  product_id: string;
  document_type: string;
  document_id: string;
  /** Moves in − moves out at the line for this document (numeric as text). */
  net: string;
}

/**
 * The ledger at production lines, netted per document, for the products each line holds now: the
 * caller attributes documents to orders (work orders, handovers) and so learns whose WIP is on a line
 * without a hand-kept flag. One statement; lines that hold nothing cost nothing.
 */
export function lineWipByDocument(m: EntityManager, lineIds: readonly string[]): Promise<LineWipRow[]> {
  return m.query(
    `with held as (
       select distinct b.location_id, b.product_id from stock_balances b
        where b.location_id = any($1::uuid[]) and b.on_hand > 0
     ), ledger as (
       select mv.to_location_id as location_id, mv.product_id, mv.document_type, mv.document_id, mv.quantity
         from stock_moves mv join held h on h.location_id = mv.to_location_id and h.product_id = mv.product_id
        where mv.document_id is not null
       union all
       select mv.from_location_id, mv.product_id, mv.document_type, mv.document_id, -mv.quantity
         from stock_moves mv join held h on h.location_id = mv.from_location_id and h.product_id = mv.product_id
        where mv.document_id is not null
     )
     select location_id, product_id, document_type, document_id::text, sum(quantity)::text as net
       from ledger group by location_id, product_id, document_type, document_id
      having sum(quantity) <> 0`,
    [lineIds],
  );
}
