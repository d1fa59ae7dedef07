export { DataTable, compareValues, type DataTableProps } from './DataTable';
export type { DataColumn, DataTablePaging, DataTableSort, PlainValue } from './columns';
export { SearchFilter, SelectFilter } from './ListFilters';
export {
  useListPage,
  type ListFilter,
  type ListFilterControls,
  type ListFilterValues,
  type ListParams,
} from './useListPage';
export { toCsv } from './csv';
