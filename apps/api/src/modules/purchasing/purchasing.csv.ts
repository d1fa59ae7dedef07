import { type CsvColumn, fieldColumns } from '../../core/http/csv.js';
import type { PurchaseOrderSummary } from './dto/purchasing.dto.js';

/** Columns of the purchase order export: the list's fields, the supplier and author flattened. */
export const PURCHASE_ORDER_CSV_COLUMNS: ReadonlyArray<CsvColumn<PurchaseOrderSummary>> = [
  ...fieldColumns<PurchaseOrderSummary>('id', 'number'),
  { header: 'supplierCode', value: (o) => o.supplier.code },
  { header: 'supplierName', value: (o) => o.supplier.name },
  ...fieldColumns<PurchaseOrderSummary>('orderDate', 'state', 'lineCount', 'firstExpectedDate', 'totalValue'),
  { header: 'createdBy', value: (o) => o.createdBy?.username },
  ...fieldColumns<PurchaseOrderSummary>('version', 'createdAt', 'updatedAt'),
];
