import type { EntityManager } from 'typeorm';

interface LotIdRow {
  id: string;
}

/**
 * The lot an order's output is received into: lot number = the order's batch number, so each
 * finished-goods batch is traceable and can carry its own quality status and passport. The same
 * product and batch always give the same lot (a second completion or a retried command adds to it).
 */
export async function productionLot(
  m: EntityManager,
  productId: string,
  batchNumber: string,
  producedAt: Date,
): Promise<string> {
  const inserted: LotIdRow[] = await m.query(
    // An article with a test plan starts its batch in QUARANTINE until the lab tests pass.
    `insert into lots (product_id, lot_number, received_at, quality_status)
     select $1, $2, $3, case when p.batch_release_required then 'QUARANTINE' else 'RELEASED' end::lot_quality_status
       from products p where p.id = $1
     on conflict (product_id, lot_number) do nothing
     returning id`,
    [productId, batchNumber, producedAt],
  );
  if (inserted[0]) return inserted[0].id;
  const [existing]: LotIdRow[] = await m.query(
    `select id from lots where product_id = $1 and lot_number = $2`,
    [productId, batchNumber],
  );
  return existing.id;
}
