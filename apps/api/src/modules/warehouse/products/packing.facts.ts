import type { UnitConversion } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';

/** What packing needs to know of an article: its carton size, pallet size and weight. */
export interface PackingProductRow {
  id: string;
  code: string;
  name: string;
  uom: string;
  unit_conversions: UnitConversion[];
  cartons_per_pallet: number | null;
  standard_weight_grams: string | null;
}

/** The packing sizes of these products, in one statement. */
export function readPackingProducts(m: EntityManager, ids: readonly string[]): Promise<PackingProductRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return m.query(
    `select id, code, name, uom::text as uom, unit_conversions, cartons_per_pallet,
            standard_weight_grams::text as standard_weight_grams
       from products where id = any($1::uuid[])`,
    [[...new Set(ids)]],
  );
}
