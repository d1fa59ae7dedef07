import type { ProductType, Unit, UnitConversion } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Small reads of warehouse-owned tables for other modules (one owner per table): they call these
 * instead of naming `products` or `locations` in their own SQL.
 */
export interface ProductFact {
  id: string;
  code: string;
  name: string;
  type: ProductType;
  uom: Unit;
  unitConversions: UnitConversion[];
  active: boolean;
}

interface ProductRow {
  id: string;
  code: string;
  name: string;
  type: ProductType;
  uom: Unit;
  unit_conversions: UnitConversion[];
  active: boolean;
}

/**
 * The products with these ids, by id (unknown ids are absent). `lock` takes FOR SHARE, so the stock
 * unit cannot change underneath a posting that converts into it.
 */
export async function productsByIds(
  m: EntityManager,
  ids: readonly string[],
  lock = false,
): Promise<Map<string, ProductFact>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows: ProductRow[] = await m.query(
    `select id, code, name, type, uom, unit_conversions, active from products where id = any($1::uuid[])
      order by id ${lock ? 'for share' : ''}`,
    [unique],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        code: r.code,
        name: r.name,
        type: r.type,
        uom: r.uom,
        unitConversions: r.unit_conversions,
        active: r.active,
      },
    ]),
  );
}

export interface LocationFact {
  id: string;
  code: string;
  name: string;
  type: string;
  active: boolean;
}

/** The locations with these ids, by id. */
export async function locationsByIds(
  m: EntityManager,
  ids: readonly string[],
): Promise<Map<string, LocationFact>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows: LocationFact[] = await m.query(
    `select id, code, name, type::text as type, active from locations where id = any($1::uuid[])`,
    [unique],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** The id of the virtual location of a type (SUPPLIER, CUSTOMER, PRODUCTION, LOSS). */
export async function virtualLocationId(
  m: EntityManager,
  type: 'SUPPLIER' | 'CUSTOMER' | 'PRODUCTION' | 'LOSS',
): Promise<string> {
  const [row]: Array<{ id: string }> = await m.query(
    `select id from locations where type = $1::location_type order by code limit 1`,
    [type],
  );
  if (!row) throw new Error(`The ${type} location is missing: reference data was not seeded`);
  return row.id;
}

export interface LotFact {
  id: string;
  productId: string;
  lotNumber: string;
  receivedAt: Date;
  supplierId: string | null;
  purchaseOrderLineId: string | null;
}

interface LotRow {
  id: string;
  product_id: string;
  lot_number: string;
  received_at: Date;
  supplier_id: string | null;
  purchase_order_line_id: string | null;
}

const lotFact = (r: LotRow): LotFact => ({
  id: r.id,
  productId: r.product_id,
  lotNumber: r.lot_number,
  receivedAt: r.received_at,
  supplierId: r.supplier_id,
  purchaseOrderLineId: r.purchase_order_line_id,
});

/** The lots with these ids, by id. */
export async function lotsByIds(m: EntityManager, ids: readonly string[]): Promise<Map<string, LotFact>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows: LotRow[] = await m.query(
    `select id, product_id, lot_number, received_at, supplier_id, purchase_order_line_id from lots
      where id = any($1::uuid[])`,
    [unique],
  );
  return new Map(rows.map((r) => [r.id, lotFact(r)]));
}

export interface ReceiptLot {
  productId: string;
  lotNumber: string;
  receivedAt: Date;
  supplierId: string;
  purchaseOrderLineId: string;
  /** Shown where lots are listed (the GRN number). */
  supplierReference: string | null;
}

/**
 * The lot of a purchase receipt line: created with its supplier and PO line, or the lot of the same
 * PO line received earlier under the same number (a second partial receipt). A number already used
 * by another origin answers null, so the caller can refuse it.
 * A product with `inspectionRequired` has its new lot created in QUARANTINE (quality-shipping.md).
 */
export async function createReceiptLot(m: EntityManager, lot: ReceiptLot): Promise<LotFact | null> {
  const inserted: LotRow[] = await m.query(
    `insert into lots (product_id, lot_number, received_at, supplier_reference, supplier_id, purchase_order_line_id, quality_status)
     select $1, $2, $3, $4, $5, $6, case when p.inspection_required then 'QUARANTINE' else 'RELEASED' end::lot_quality_status
       from products p where p.id = $1
     on conflict (product_id, lot_number) do nothing
     returning id, product_id, lot_number, received_at, supplier_id, purchase_order_line_id`,
    [
      lot.productId,
      lot.lotNumber,
      lot.receivedAt,
      lot.supplierReference,
      lot.supplierId,
      lot.purchaseOrderLineId,
    ],
  );
  if (inserted[0]) return lotFact(inserted[0]);
  const [existing]: LotRow[] = await m.query(
    `select id, product_id, lot_number, received_at, supplier_id, purchase_order_line_id from lots
      where product_id = $1 and lot_number = $2`,
    [lot.productId, lot.lotNumber],
  );
  return existing && existing.purchase_order_line_id === lot.purchaseOrderLineId ? lotFact(existing) : null;
}

/** Ids of products whose code or name contains `search` (at most `limit`). */
export async function productIdsMatching(m: EntityManager, search: string, limit = 200): Promise<string[]> {
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows: Array<{ id: string }> = await m.query(
    `select id from products where code ilike $1 or name ilike $1 order by code limit $2`,
    [pattern, limit],
  );
  return rows.map((r) => r.id);
}
