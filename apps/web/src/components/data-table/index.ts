export { DataTable, compareValues, type DataTableProps } from './DataTable';
export type { DataColumn, DataTablePaging, PlainValue } from './columns';
export { toCsv } from './csv';
