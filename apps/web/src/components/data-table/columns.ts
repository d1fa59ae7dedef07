import type { ReactNode } from 'react';

/** A CSV or sort value: what a spreadsheet or a comparison should see, not what the cell draws. */
export type PlainValue = string | number | null | undefined;

/** One column of a `DataTable`, in the app's words; the table maps it onto TanStack Table. */
export interface DataColumn<T> {
  id: string;
  /** Plain text: the header, the columns menu and the CSV header. */
  header: string;
  cell: (row: T) => ReactNode;
  /** What sorting compares; the column sorts only when it has one. */
  sortValue?: (row: T) => PlainValue;
  /** What the CSV holds (raw numbers, full ids); defaults to `sortValue`. Without both, not exported. */
  csv?: (row: T) => PlainValue;
  align?: 'left' | 'right';
  width?: number | string;
  minWidth?: number;
  /** Hidden until the user shows it. */
  hiddenByDefault?: boolean;
  /** Cannot be hidden (the document number, the actions). */
  alwaysVisible?: boolean;
  /** The action column: kept in view at the right edge when the table scrolls sideways. */
  sticky?: boolean;
  /** The header is not drawn (a checkbox or action column); the label still names it in the menu. */
  hideHeader?: boolean;
  /** Replaces the drawn header (e.g. a select-all checkbox). */
  headerCell?: ReactNode;
}

/** Server paging: the page shown, its size and the total the server counted. */
export interface DataTablePaging {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}

/** The column a table is sorted by, when the page keeps it (e.g. in the address). */
export interface DataTableSort {
  id: string;
  desc: boolean;
}
