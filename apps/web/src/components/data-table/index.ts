export { DataTable, compareValues, type DataTableProps } from './DataTable';
export type { DataColumn, DataTablePaging, DataTableSort, PlainValue } from './columns';
export { useListPage, type ListFilter, type ListFilterValues, type ListParams } from './useListPage';
export { toCsv } from './csv';
