import type { EntityManager } from 'typeorm';
import type { DocumentRef } from './posting.types.js';

/** One balance of a product at a rack, in one lot, with what a document holds of it. */
export interface LotStockRow {
  location_id: string;
  location_code: string;
  lot_id: string | null;
  lot_number: string | null;
  received_at: Date | null;
  on_hand: string;
  /** On hand − reserved (by anyone). */
  free: string;
  /** Reserved by the document asked about (free to it as well). */
  held: string;
}

/**
 * Stock of one product at these locations per lot, in the order the posting service draws it (oldest
 * lot first, lotless last), with what `document` holds of each balance. One statement.
 */
export function lotStockAt(
  m: EntityManager,
  productId: string,
  locationIds: readonly string[],
  document?: DocumentRef,
): Promise<LotStockRow[]> {
  return m.query(
    `select b.location_id, l.code as location_code, b.lot_id, lo.lot_number, lo.received_at,
            b.on_hand::text, (b.on_hand - b.reserved)::text as free, coalesce(h.held, 0)::text as held
       from stock_balances b
       join locations l on l.id = b.location_id
       left join lots lo on lo.id = b.lot_id
       left join lateral (
         select sum(r.open_quantity) as held from stock_reservations r
          where r.status = 'OPEN' and r.document_type = $3 and r.document_id = $4
            and r.product_id = b.product_id and r.location_id = b.location_id and r.lot_id is not distinct from b.lot_id
       ) h on true
      where b.product_id = $1 and b.location_id = any($2::uuid[]) and b.on_hand > 0
        and (lo.id is null or lo.quality_status = 'RELEASED')
      order by lo.received_at nulls last, lo.lot_number, l.code`,
    [productId, locationIds, document?.type ?? null, document?.id ?? null],
  );
}
