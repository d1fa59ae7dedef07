import type { CsvColumn } from '../../../core/http/csv.js';

/** One product of the CSV export, as the export query selects it. */
export interface ProductCsvRow {
  id: string;
  code: string;
  name: string;
  type: string;
  uom: string;
  active: boolean;
  production_lead_days: number;
  created_at: Date;
  updated_at: Date;
}

/** alias → column of the export query (the list's own filters and order). */
export const PRODUCT_CSV_SELECT: Readonly<Record<keyof ProductCsvRow, string>> = {
  id: 'p.id',
  code: 'p.code',
  name: 'p.name',
  type: 'p.type',
  uom: 'p.uom',
  active: 'p.active',
  production_lead_days: 'p.production_lead_days',
  created_at: 'p.created_at',
  updated_at: 'p.updated_at',
};

export const PRODUCT_CSV_COLUMNS: ReadonlyArray<CsvColumn<ProductCsvRow>> = [
  { header: 'id', value: (r) => r.id },
  { header: 'code', value: (r) => r.code },
  { header: 'name', value: (r) => r.name },
  { header: 'type', value: (r) => r.type },
  { header: 'uom', value: (r) => r.uom },
  { header: 'active', value: (r) => r.active },
  { header: 'productionLeadDays', value: (r) => r.production_lead_days },
  { header: 'createdAt', value: (r) => r.created_at.toISOString() },
  { header: 'updatedAt', value: (r) => r.updated_at.toISOString() },
];
