import type { CsvColumn } from '../../core/http/csv.js';
import type { SalesOrderSummary } from './dto/sales.dto.js';

/** Columns of the sales order export: the list's fields, the customer flattened. */
export const SALES_ORDER_CSV_COLUMNS: ReadonlyArray<CsvColumn<SalesOrderSummary>> = [
  { header: 'id', value: (o) => o.id },
  { header: 'number', value: (o) => o.number },
  { header: 'customerCode', value: (o) => o.customer.code },
  { header: 'customerName', value: (o) => o.customer.name },
  { header: 'customerPo', value: (o) => o.customerPo },
  { header: 'orderDate', value: (o) => o.orderDate },
  { header: 'state', value: (o) => o.state },
  { header: 'lineCount', value: (o) => o.lineCount },
  { header: 'totalQuantity', value: (o) => o.totalQuantity },
  { header: 'firstDeliveryWeek', value: (o) => o.firstDeliveryWeek },
  { header: 'lastDeliveryWeek', value: (o) => o.lastDeliveryWeek },
  { header: 'firstExFactoryDate', value: (o) => o.firstExFactoryDate },
  { header: 'version', value: (o) => o.version },
  { header: 'createdAt', value: (o) => o.createdAt },
  { header: 'updatedAt', value: (o) => o.updatedAt },
];
