import { MantineProvider } from '@mantine/core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { theme } from '../../app/theme';
import { renderWithApp } from '../../test/render';
import type { DataColumn } from './columns';
import { toCsv } from './csv';
import { DataTable } from './DataTable';

interface Card {
  id: string;
  number: string;
  item: string;
  qty: number | null;
  note: string;
}

const cards: Card[] = [
  { id: 'a', number: 'KB-10', item: 'Carton, 60×40', qty: 12, note: 'said "urgent"' },
  { id: 'b', number: 'KB-2', item: 'Label', qty: 400, note: 'line 1\nline 2' },
  { id: 'c', number: 'KB-7', item: 'Fibre', qty: null, note: '=SUM(A1:A3)' },
];

const columns: DataColumn<Card>[] = [
  { id: 'number', header: 'Card', cell: (c) => c.number, sortValue: (c) => c.number, alwaysVisible: true },
  { id: 'item', header: 'Item', cell: (c) => c.item, sortValue: (c) => c.item },
  { id: 'qty', header: 'Quantity', cell: (c) => c.qty ?? '—', sortValue: (c) => c.qty, align: 'right' },
  { id: 'note', header: 'Note', cell: (c) => c.note, csv: (c) => c.note },
  {
    id: 'actions',
    header: 'Actions',
    cell: (c) => <button>Open {c.number}</button>,
    sticky: true,
    hideHeader: true,
  },
];

const renderTable = (props: Partial<Parameters<typeof DataTable<Card>>[0]> = {}) =>
  renderWithApp(
    // env="test" turns off transitions, so the columns popover opens at once.
    <MantineProvider theme={theme} env="test">
      <DataTable<Card>
        tableId="test.cards"
        label="Cards"
        columns={columns}
        rows={cards}
        rowId={(c) => c.id}
        empty={<p>No cards</p>}
        csvFileName="cards"
        {...props}
      />
    </MantineProvider>,
  );

const firstCells = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe('DataTable', () => {
  it('sorts by a column: ascending, descending, then back to the order the server gave', async () => {
    const user = userEvent.setup();
    renderTable();
    expect(firstCells()).toEqual(['KB-10', 'KB-2', 'KB-7']);
    const byCard = screen.getByRole('button', { name: 'Sort by Card' });
    await user.click(byCard);
    // Numbers inside text sort as numbers: KB-2 before KB-10.
    expect(firstCells()).toEqual(['KB-2', 'KB-7', 'KB-10']);
    expect(screen.getByRole('columnheader', { name: /Card/ })).toHaveAttribute('aria-sort', 'ascending');
    await user.click(byCard);
    expect(firstCells()).toEqual(['KB-10', 'KB-7', 'KB-2']);
    expect(screen.getByRole('columnheader', { name: /Card/ })).toHaveAttribute('aria-sort', 'descending');
    await user.click(byCard);
    expect(firstCells()).toEqual(['KB-10', 'KB-2', 'KB-7']);
  });

  it('sorts numbers by value with blanks last, and offers no sorting where a column has no sort value', async () => {
    const user = userEvent.setup();
    renderTable();
    await user.click(screen.getByRole('button', { name: 'Sort by Quantity' }));
    expect(firstCells()).toEqual(['KB-10', 'KB-2', 'KB-7']);
    await user.click(screen.getByRole('button', { name: 'Sort by Quantity' }));
    expect(firstCells()).toEqual(['KB-2', 'KB-10', 'KB-7']);
    expect(screen.queryByRole('button', { name: 'Sort by Note' })).not.toBeInTheDocument();
  });

  it('sorts as the page says when the page keeps the sort, and tells the page what is clicked', async () => {
    const user = userEvent.setup();
    const onSortChange = vi.fn();
    const { rerender } = renderTable({ sort: { id: 'qty', desc: true }, onSortChange });
    expect(firstCells()).toEqual(['KB-2', 'KB-10', 'KB-7']);
    await user.click(screen.getByRole('button', { name: 'Sort by Quantity' }));
    // Descending was shown: the next click takes the sort off.
    expect(onSortChange).toHaveBeenLastCalledWith(null);
    await user.click(screen.getByRole('button', { name: 'Sort by Card' }));
    expect(onSortChange).toHaveBeenLastCalledWith({ id: 'number', desc: false });
    // Nothing changes on screen until the page answers with its new sort.
    expect(firstCells()).toEqual(['KB-2', 'KB-10', 'KB-7']);
    // A sort that names no sortable column (an old link) leaves the server's order.
    rerender(
      <MantineProvider theme={theme} env="test">
        <DataTable<Card>
          tableId="test.cards"
          label="Cards"
          columns={columns}
          rows={cards}
          rowId={(c) => c.id}
          empty={<p>No cards</p>}
          sort={{ id: 'note', desc: false }}
          onSortChange={onSortChange}
        />
      </MantineProvider>,
    );
    expect(firstCells()).toEqual(['KB-10', 'KB-2', 'KB-7']);
  });

  it('hides a column, remembers it for the table, and cannot hide an always-visible one', async () => {
    const user = userEvent.setup();
    const { unmount } = renderTable();
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    const menu = await screen.findByRole('group', { name: 'Columns of Cards' });
    expect(within(menu).queryByRole('checkbox', { name: 'Card' })).not.toBeInTheDocument();
    await user.click(within(menu).getByRole('checkbox', { name: 'Item' }));
    expect(screen.queryByRole('columnheader', { name: 'Item' })).not.toBeInTheDocument();
    expect(screen.queryByText('Label')).not.toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem('kapok.table.test.cards.columns')!)).toMatchObject({
      item: false,
    });
    unmount();

    renderTable();
    expect(screen.queryByRole('columnheader', { name: 'Item' })).not.toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Quantity/ })).toBeInTheDocument();
  });

  it('shows the empty slot without rows, and pages on the server', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    const { unmount } = renderTable({ rows: [] });
    expect(screen.getByText('No cards')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    unmount();
    renderTable({ paging: { page: 1, pageSize: 3, total: 7, onPageChange } });
    expect(screen.getByText(/Showing 1–3 of 7/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '2' }));
    expect(onPageChange).toHaveBeenCalledWith(2);
  });

  it('exports what is shown as CSV: visible columns, the order on screen, raw values', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    vi.stubGlobal('URL', {
      ...URL,
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return 'blob:cards';
      },
      revokeObjectURL: () => {},
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderTable();
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(within(await screen.findByRole('group')).getByRole('checkbox', { name: 'Item' }));
    await user.click(screen.getByRole('button', { name: 'Sort by Card' }));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(click).toHaveBeenCalled();
    // The byte-order mark lets spreadsheets read the file as UTF-8.
    expect([...new Uint8Array(await blobs[0]!.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
    const text = await blobs[0]!.text();
    expect(text).toBe(
      'Card,Quantity,Note\r\n' +
        'KB-2,400,"line 1\nline 2"\r\n' +
        'KB-7,,"\'=SUM(A1:A3)"\r\n' +
        'KB-10,12,"said ""urgent"""',
    );
  });

  it('quotes commas, quotes and line breaks in the CSV, and leaves columns without a value out', async () => {
    const text = await toCsv(columns, cards);
    expect(text.split('\r\n')[0]).toBe('Card,Item,Quantity,Note');
    expect(text).toContain('KB-10,"Carton, 60×40",12,"said ""urgent"""');
    expect(text).toContain('KB-2,Label,400,"line 1\nline 2"');
    expect(text).not.toContain('Actions');
  });
});
