import type { LotQualityStatus, ProductType, Unit } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';

/**
 * The warehouse's side of lot quality (quality-shipping.md): the quality module reads and sets a lot's
 * status and the products' quality fields through these, never naming `lots` or `products` itself.
 */

export interface LotQualityRow {
  id: string;
  product_id: string;
  product_code: string;
  product_name: string;
  product_type: ProductType;
  uom: Unit;
  lot_number: string;
  received_at: Date;
  supplier_id: string | null;
  quality_status: LotQualityStatus;
  /** On hand over the internal locations. */
  on_hand: string;
}

const LOT_SELECT = `
  select l.id, l.product_id, p.code as product_code, p.name as product_name, p.type as product_type, p.uom,
         l.lot_number, l.received_at, l.supplier_id, l.quality_status,
         coalesce((select sum(b.on_hand) from stock_balances b join locations loc on loc.id = b.location_id
                    where b.lot_id = l.id and loc.type in ('WAREHOUSE', 'LINE', 'TRANSIT', 'SUBCONTRACTOR')), 0)::text as on_hand
    from lots l join products p on p.id = l.product_id`;

/** Reads and locks a lot for a status change; undefined when it does not exist. */
export async function lockLotQuality(m: EntityManager, lotId: string): Promise<LotQualityRow | undefined> {
  const [row]: LotQualityRow[] = await m.query(`${LOT_SELECT} where l.id = $1 for update of l`, [lotId]);
  return row;
}

export async function lotsQuality(m: EntityManager, lotIds: readonly string[]): Promise<LotQualityRow[]> {
  if (lotIds.length === 0) return [];
  return m.query(`${LOT_SELECT} where l.id = any($1::uuid[]) order by l.received_at, l.lot_number`, [lotIds]);
}

export async function saveLotQualityStatus(
  m: EntityManager,
  lotId: string,
  status: LotQualityStatus,
): Promise<void> {
  await m.query(`update lots set quality_status = $2, updated_at = now() where id = $1`, [lotId, status]);
}

/** Lots of these statuses that still have stock, oldest first (what QC has to look at). */
export function lotsWithStatus(
  m: EntityManager,
  statuses: readonly LotQualityStatus[],
  productType?: ProductType,
): Promise<LotQualityRow[]> {
  const params: unknown[] = [statuses];
  const type = productType ? `and p.type = $${params.push(productType)}` : '';
  return m.query(
    `select * from (${LOT_SELECT} where l.quality_status = any($1::lot_quality_status[]) ${type}) x
      where x.on_hand::numeric > 0 order by x.received_at, x.lot_number`,
    params,
  );
}

/** Where a lot's stock is, per internal location (a return to the supplier moves all of it). */
export function lotBalances(
  m: EntityManager,
  lotId: string,
): Promise<Array<{ product_id: string; location_id: string; on_hand: string }>> {
  return m.query(
    `select b.product_id, b.location_id, b.on_hand::text from stock_balances b
       join locations loc on loc.id = b.location_id and loc.type in ('WAREHOUSE', 'LINE', 'TRANSIT', 'SUBCONTRACTOR')
      where b.lot_id = $1 and b.on_hand > 0 order by loc.code`,
    [lotId],
  );
}

export interface QualityProductRow {
  id: string;
  code: string;
  name: string;
  type: ProductType;
  inspection_required: boolean;
  batch_release_required: boolean;
  standard_weight_grams: string | null;
  weight_tolerance_grams: string | null;
}

export async function qualityProducts(
  m: EntityManager,
  ids: readonly string[],
): Promise<Map<string, QualityProductRow>> {
  if (ids.length === 0) return new Map();
  const rows: QualityProductRow[] = await m.query(
    `select id, code, name, type, inspection_required, batch_release_required, standard_weight_grams::text,
            weight_tolerance_grams::text
       from products where id = any($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Kept equal to "the article has a test plan" by the quality module, in the plan's transaction. */
export async function setBatchReleaseRequired(
  m: EntityManager,
  productId: string,
  required: boolean,
): Promise<void> {
  await m.query(`update products set batch_release_required = $2 where id = $1`, [productId, required]);
}
