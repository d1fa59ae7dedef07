import type { EntityManager } from 'typeorm';

interface LotIdRow {
  id: string;
}

/** What a subcontractor delivered back on one gate pass line. */
export interface SubcontractLot {
  productId: string;
  /** The gate pass number: one lot per pass and product. */
  lotNumber: string;
  receivedAt: Date;
  /** The subcontractor (a partner). */
  subcontractorId: string;
  /** The vendor's delivery note. */
  deliveryNote: string;
}

/**
 * The lot goods come back from a subcontractor into: always QUARANTINE, so nothing uses them before
 * the incoming inspection (AQL) releases them. The same pass and product give the same lot.
 */
export async function subcontractLot(m: EntityManager, lot: SubcontractLot): Promise<string> {
  const inserted: LotIdRow[] = await m.query(
    `insert into lots (product_id, lot_number, received_at, supplier_reference, supplier_id, quality_status)
     values ($1, $2, $3, $4, $5, 'QUARANTINE')
     on conflict (product_id, lot_number) do nothing
     returning id`,
    [lot.productId, lot.lotNumber, lot.receivedAt, lot.deliveryNote, lot.subcontractorId],
  );
  if (inserted[0]) return inserted[0].id;
  const [existing]: LotIdRow[] = await m.query(
    `select id from lots where product_id = $1 and lot_number = $2`,
    [lot.productId, lot.lotNumber],
  );
  return existing.id;
}
