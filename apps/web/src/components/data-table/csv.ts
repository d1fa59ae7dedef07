import type { DataColumn, PlainValue } from './columns';

/** The value a column exports, or undefined when it exports nothing. */
const exporter = <T>(column: DataColumn<T>) => column.csv ?? column.sortValue;

/** The columns of a table that go into its CSV, in their order. */
export const csvColumns = <T>(columns: readonly DataColumn<T>[]) => columns.filter((c) => exporter(c));

/**
 * The rows as CSV text (RFC 4180: quotes, commas and line breaks quoted), headers first. Cells that a
 * spreadsheet would run as a formula (=, +, -, @ at the start of text) are prefixed with an apostrophe;
 * numbers are written as numbers.
 */
export async function toCsv<T>(columns: readonly DataColumn<T>[], rows: readonly T[]): Promise<string> {
  const { unparse } = await import('papaparse');
  const exported = csvColumns(columns);
  const value = (v: PlainValue) => (v === null || v === undefined ? '' : v);
  return unparse(
    {
      fields: exported.map((c) => c.header),
      data: rows.map((row) => exported.map((c) => value(exporter(c)!(row)))),
    },
    { escapeFormulae: true, newline: '\r\n' },
  );
}

/** Saves text as a UTF-8 CSV file (with the byte-order mark spreadsheets need to read it as UTF-8). */
export function downloadCsv(fileName: string, text: string): void {
  downloadBlob(fileName, new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
}

/** Saves a file the browser already holds (e.g. the server's CSV of a whole list). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName.endsWith('.csv') ? fileName : `${fileName}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
