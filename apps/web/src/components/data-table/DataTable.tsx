import {
  Button,
  Checkbox,
  Group,
  Pagination,
  Popover,
  Stack,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
  type TableTrProps,
} from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconArrowDown,
  IconArrowsSort,
  IconArrowUp,
  IconColumns3,
  IconDownload,
  IconFileTypeCsv,
} from '@tabler/icons-react';
import {
  columnVisibilityFeature,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnVisibilityState,
  type RowData,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { Fragment, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../ErrorState';
import { TableSkeleton } from '../LoadingState';
import type { DataColumn, DataTablePaging, DataTableSort, PlainValue } from './columns';
import { csvColumns, downloadBlob, downloadCsv, toCsv } from './csv';
import { describeError } from '../../lib/errors';

const features = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
});

/** Numbers by value, text in the reader's order with numbers inside it ("A2" before "A10"), blanks last. */
export function compareValues(a: PlainValue, b: PlainValue, locale?: string): number {
  const blankA = a === null || a === undefined || a === '';
  const blankB = b === null || b === undefined || b === '';
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), locale, { numeric: true, sensitivity: 'base' });
}

const blankToUndefined = (v: PlainValue) => (v === null || v === '' ? undefined : v);

export interface DataTableProps<T extends RowData> {
  /** Names the table in localStorage, where its column choice is kept (e.g. `ppic.orders`). */
  tableId: string;
  /** The table's accessible name. */
  label: string;
  columns: readonly DataColumn<T>[];
  rows: readonly T[] | undefined;
  rowId: (row: T) => string;
  /** The query behind the rows: its first load, its failure, and whether an older page is on show. */
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  stale?: boolean;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  /** Filters, shown left of the table's own controls. */
  toolbar?: ReactNode;
  /** Between the filters and the table (e.g. what to do with the ticked rows). */
  banner?: ReactNode;
  paging?: DataTablePaging;
  /** The sort, when the page keeps it (given `onSortChange`); otherwise the table keeps its own. */
  sort?: DataTableSort | null;
  onSortChange?: (sort: DataTableSort | null) => void;
  /** A line under the table, after the count (e.g. the time zone). */
  footnote?: ReactNode;
  /** File name of the CSV export; the export is offered when it is given. */
  csvFileName?: string;
  /** The server's CSV of every row of the filter (not only this page); offered when given. */
  exportAll?: () => Promise<Blob>;
  rowProps?: (row: T) => Omit<TableTrProps, 'children'>;
  /** Drawn under a row across the whole table when it returns something (details, a diff). */
  expanded?: (row: T) => ReactNode;
  /** Below this width the table scrolls sideways (the sticky column stays in view). */
  minWidth?: number;
  skeletonRows?: number;
  /** `nowrap` keeps each cell on one line. */
  whiteSpace?: CSSProperties['whiteSpace'];
}

const STICKY: CSSProperties = {
  position: 'sticky',
  right: 0,
  zIndex: 1,
  backgroundColor: 'var(--data-table-row-bg, var(--mantine-color-body))',
  boxShadow: 'inset 1px 0 0 var(--mantine-color-default-border)',
};

/**
 * The app's one list: sortable columns, columns the user can hide (remembered per table), a CSV of
 * what is shown, server paging, an empty state, and an action column that stays in view on a tablet.
 */
export function DataTable<T extends RowData>({
  tableId,
  label,
  columns,
  rows,
  rowId,
  loading,
  error,
  onRetry,
  stale,
  empty,
  toolbar,
  banner,
  paging,
  sort,
  onSortChange,
  footnote,
  csvFileName,
  exportAll,
  rowProps,
  expanded,
  minWidth = 760,
  skeletonRows = 6,
  whiteSpace,
}: DataTableProps<T>) {
  const { t, i18n } = useTranslation();
  const [ownSorting, setOwnSorting] = useState<SortingState>([]);
  const [stored, setStored] = useLocalStorage<ColumnVisibilityState>({
    key: `kapok.table.${tableId}.columns`,
    defaultValue: {},
    getInitialValueInEffect: false,
  });
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  // A sort the page keeps (from the address) counts only on a column that sorts.
  const sorting: SortingState = onSortChange
    ? sort && byId.get(sort.id)?.sortValue
      ? [{ id: sort.id, desc: sort.desc }]
      : []
    : ownSorting;
  const setSorting = (updater: Updater<SortingState>) => {
    const next = typeof updater === 'function' ? updater(sorting) : updater;
    if (!onSortChange) return setOwnSorting(next);
    const last = next.at(-1);
    onSortChange(last ? { id: last.id, desc: last.desc } : null);
  };
  const columnVisibility = useMemo(() => {
    const visibility: ColumnVisibilityState = {};
    for (const c of columns) {
      const choice = stored[c.id];
      visibility[c.id] = c.alwaysVisible ? true : typeof choice === 'boolean' ? choice : !c.hiddenByDefault;
    }
    return visibility;
  }, [columns, stored]);

  const definitions = useMemo(
    () =>
      columns.map((c): ColumnDef<typeof features, T> => ({
        id: c.id,
        header: c.header,
        // Blanks are undefined, so they stay last in both directions (sortUndefined).
        accessorFn: (row: T) => blankToUndefined(c.sortValue?.(row)),
        sortUndefined: 'last',
        enableSorting: !!c.sortValue,
        enableHiding: !c.alwaysVisible,
        sortFn: (a, b, id) =>
          compareValues(a.getValue<PlainValue>(id), b.getValue<PlainValue>(id), i18n.language),
      })),
    [columns, i18n.language],
  );
  const data = useMemo(() => (rows ? [...rows] : []), [rows]);
  const table = useTable({
    features,
    columns: definitions,
    data,
    getRowId: (row: T) => rowId(row),
    state: { sorting, columnVisibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: (updater) =>
      setStored(typeof updater === 'function' ? updater(columnVisibility) : updater),
    enableSortingRemoval: true,
    // The first click sorts ascending, numbers too.
    sortDescFirst: false,
  });

  const visible = table.getVisibleLeafColumns().map((c) => byId.get(c.id)!);
  const shownRows = table.getRowModel().rows;
  const hideable = table.getAllLeafColumns().filter((c) => c.getCanHide());

  const exportCsv = async () => {
    const text = await toCsv(
      visible,
      shownRows.map((r) => r.original),
    );
    downloadCsv(csvFileName!, text);
  };

  const [exporting, setExporting] = useState(false);
  const downloadAll = async () => {
    setExporting(true);
    try {
      downloadBlob(`${csvFileName ?? tableId}-all.csv`, await exportAll!());
    } catch (e) {
      notifications.show({ color: 'red', message: describeError(e, t).message });
    } finally {
      setExporting(false);
    }
  };

  const controls = (
    <Group gap="xs" wrap="nowrap" ml="auto">
      {hideable.length > 0 && (
        <Popover position="bottom-end" shadow="md" withArrow>
          <Popover.Target>
            <Button variant="default" size="sm" leftSection={<IconColumns3 size={16} />}>
              {t('table.columns')}
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap="xs" role="group" aria-label={t('table.columnsOf', { table: label })}>
              {hideable.map((column) => (
                <Checkbox
                  key={column.id}
                  label={byId.get(column.id)!.header}
                  checked={column.getIsVisible()}
                  onChange={(e) => column.toggleVisibility(e.currentTarget.checked)}
                />
              ))}
              <Button variant="subtle" size="xs" onClick={() => setStored({})}>
                {t('table.resetColumns')}
              </Button>
            </Stack>
          </Popover.Dropdown>
        </Popover>
      )}
      {csvFileName && (
        <Button
          variant="default"
          size="sm"
          leftSection={<IconFileTypeCsv size={16} />}
          disabled={shownRows.length === 0 || csvColumns(visible).length === 0}
          onClick={() => void exportCsv()}
        >
          {t('table.exportCsv')}
        </Button>
      )}
      {exportAll && (
        <Button
          variant="default"
          size="sm"
          leftSection={<IconDownload size={16} />}
          loading={exporting}
          onClick={() => void downloadAll()}
        >
          {t('table.exportAll')}
        </Button>
      )}
    </Group>
  );

  const total = paging?.total ?? shownRows.length;
  const pages = paging ? Math.max(1, Math.ceil(paging.total / paging.pageSize)) : 1;
  const first = paging ? (paging.page - 1) * paging.pageSize + 1 : 1;
  const last = paging ? Math.min(paging.total, paging.page * paging.pageSize) : shownRows.length;
  const sortedOnePage = sorting.length > 0 && paging && paging.total > shownRows.length;

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        {toolbar}
        {controls}
      </Group>
      {banner}

      {loading ? (
        <TableSkeleton rows={skeletonRows} />
      ) : error ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : shownRows.length === 0 ? (
        empty
      ) : (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table aria-label={label} style={{ opacity: stale ? 0.6 : 1, whiteSpace }}>
            <Table.Thead>
              <Table.Tr>
                {table.getVisibleLeafColumns().map((column) => {
                  const c = byId.get(column.id)!;
                  const sorted = column.getIsSorted();
                  return (
                    <Table.Th
                      key={column.id}
                      w={c.width}
                      miw={c.minWidth}
                      ta={c.align}
                      style={c.sticky ? STICKY : undefined}
                      aria-sort={
                        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                      }
                    >
                      {c.headerCell ??
                        (c.hideHeader ? (
                          <VisuallyHidden>{c.header}</VisuallyHidden>
                        ) : column.getCanSort() ? (
                          <UnstyledButton
                            onClick={column.getToggleSortingHandler()}
                            fw={700}
                            fz="sm"
                            aria-label={t('table.sortBy', { column: c.header })}
                          >
                            <Group
                              gap={4}
                              wrap="nowrap"
                              justify={c.align === 'right' ? 'flex-end' : undefined}
                            >
                              <span>{c.header}</span>
                              {sorted === 'asc' ? (
                                <IconArrowUp size={14} aria-hidden />
                              ) : sorted === 'desc' ? (
                                <IconArrowDown size={14} aria-hidden />
                              ) : (
                                <IconArrowsSort size={14} opacity={0.35} aria-hidden />
                              )}
                            </Group>
                          </UnstyledButton>
                        ) : (
                          c.header
                        ))}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shownRows.map((row) => {
                const props = rowProps?.(row.original) ?? {};
                const bg = typeof props.bg === 'string' ? props.bg : undefined;
                const more = expanded?.(row.original);
                return (
                  <Fragment key={row.id}>
                    <Table.Tr
                      {...props}
                      style={{
                        ...(bg ? { '--data-table-row-bg': bg } : {}),
                        ...(props.style as CSSProperties),
                      }}
                    >
                      {row.getVisibleCells().map((cell) => {
                        const c = byId.get(cell.column.id)!;
                        return (
                          <Table.Td key={cell.id} ta={c.align} style={c.sticky ? STICKY : undefined}>
                            {c.cell(row.original)}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                    {more ? (
                      <Table.Tr>
                        <Table.Td colSpan={visible.length} p={0}>
                          {more}
                        </Table.Td>
                      </Table.Tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {total > 0 && !loading && !error && (
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            {t('common.showing', { from: first, to: last, total })}
            {sortedOnePage ? ` · ${t('table.sortedWithinPage')}` : ''}
            {footnote ? <> · {footnote}</> : null}
          </Text>
          {paging && pages > 1 && (
            <Pagination total={pages} value={paging.page} onChange={paging.onPageChange} size="sm" />
          )}
        </Group>
      )}
    </Stack>
  );
}
