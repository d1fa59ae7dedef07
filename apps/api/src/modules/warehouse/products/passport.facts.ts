import type { FibreOrigin, ProductType } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';

/** What a passport shows of a product (its article fields) and of the lot it is for. */
export interface PassportProductRow {
  id: string;
  code: string;
  name: string;
  type: ProductType;
  hs_code: string | null;
  age_grade: string | null;
  warnings: string[];
  legislation: string[];
  harmonised_standards: string[];
  fibre: string | null;
  fibre_origin: FibreOrigin | null;
  has_image: boolean;
}

/** The passport fields of these products, in one statement. */
export function readPassportProducts(
  m: EntityManager,
  ids: readonly string[],
): Promise<PassportProductRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return m.query(
    `select p.id, p.code, p.name, p.type, p.hs_code, p.age_grade, p.warnings, p.legislation, p.harmonised_standards,
            p.fibre, p.fibre_origin, exists(select 1 from product_images i where i.product_id = p.id) as has_image
       from products p where p.id = any($1::uuid[]) order by p.code`,
    [[...new Set(ids)]],
  );
}
