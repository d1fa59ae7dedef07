import type { BomType, Department, ProductType, Unit, VariantType } from '@kapok/contracts';
import type { BomResponse } from './dto/bom.dto.js';

/** A `boms` row (numeric as string). */
export interface BomRecord {
  id: string;
  product_id: string;
  bom_type: BomType;
  qty_output: string;
  active: boolean;
  revision: number;
  version: number;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** A BOM in the list, with its product and a summary of its lines. */
export interface BomListRow extends BomRecord {
  product_code: string;
  product_name: string;
  product_type: ProductType;
  line_count: number;
  departments: Department[];
  total: number;
}

/** A variant of a line, as `json_build_object` returns it. */
export interface VariantJson {
  id: string;
  materialId: string;
  materialCode: string;
  materialName: string;
  variantType: VariantType;
  sequence: number;
  neededQuantity: string | null;
}

/** A `bom_lines` row with its component and variants. */
export interface BomLineRow {
  id: string;
  bom_id: string;
  position: number;
  component_id: string;
  department: Department;
  qty_needed: string;
  uom: Unit;
  wastage_percent: string;
  code: string;
  name: string;
  type: ProductType;
  component_uom: Unit;
  component_bom_id: string | null;
  variants: VariantJson[];
}

/** One row of the BOM read: the header with its product, and one line (nulls when it has none). */
export type BomReadRow = {
  bom_id: string;
  product_id: string;
  bom_type: BomType;
  qty_output: string;
  active: boolean;
  revision: number;
  version: number;
  bom_created_at: Date;
  bom_updated_at: Date;
  product_code: string;
  product_name: string;
  product_uom: Unit;
} & { [K in Exclude<keyof BomLineRow, 'bom_id'>]: BomLineRow[K] | null };

/** A `bom_revisions` row. */
export interface BomRevisionRow {
  id: string;
  bom_id: string;
  revision: number;
  reason: string;
  author_id: string | null;
  author_username: string | null;
  snapshot: BomResponse;
  created_at: Date;
}
