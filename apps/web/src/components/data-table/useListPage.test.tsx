import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { act, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { useListPage, type ListParams } from './useListPage';

const FILTERS = { state: ['OPEN', 'CLOSED'] as const, customerId: 'text', open: 'flag' } as const;
type Params = ListParams<typeof FILTERS>;

const asked: Params[] = [];
const listQuery = (params: Params) =>
  queryOptions({
    queryKey: ['test', 'list', params] as const,
    queryFn: () => {
      asked.push(params);
      return Promise.resolve({ items: [{ id: `row-${params.skip}` }], total: 120 });
    },
    placeholderData: keepPreviousData,
  });

type Hook = ReturnType<
  typeof useListPage<typeof FILTERS, { items: { id: string }[]; total: number }, readonly unknown[]>
>;
/** What the page's hook answered on its last render. */
const seen = {} as { hook: Hook };

function Page() {
  const list = useListPage({ filters: FILTERS, pageSize: 50, query: listQuery });
  useEffect(() => {
    seen.hook = list;
  });
  const { search } = useLocation();
  return (
    <>
      <output data-testid="address">{search}</output>
      <output data-testid="rows">{list.table.rows?.map((r) => r.id).join(',')}</output>
    </>
  );
}

const address = () => screen.getByTestId('address').textContent;

describe('useListPage', () => {
  it('reads its filters, search, page and sort from the address, and asks the list for them', async () => {
    asked.length = 0;
    renderWithApp(<Page />, {
      path: '/list?state=CLOSED&customerId=c1&open=1&q=%20SO-12%20&page=3&sort=-number',
    });
    await waitFor(() => expect(screen.getByTestId('rows')).toHaveTextContent('row-100'));
    expect(seen.hook.filters).toEqual({ state: 'CLOSED', customerId: 'c1', open: true });
    expect(seen.hook.search).toBe(' SO-12 ');
    expect(seen.hook.filtered).toBe(true);
    expect(seen.hook.table.paging).toMatchObject({ page: 3, pageSize: 50, total: 120 });
    expect(seen.hook.table.sort).toEqual({ id: 'number', desc: true });
    await waitFor(() =>
      expect(asked.at(-1)).toEqual({
        state: 'CLOSED',
        customerId: 'c1',
        open: true,
        search: 'SO-12',
        skip: 100,
        limit: 50,
      }),
    );
  });

  it('ignores what the address holds that is not a choice, and starts unfiltered on page 1', async () => {
    asked.length = 0;
    renderWithApp(<Page />, { path: '/list?state=LOST&open=yes&page=-2' });
    await waitFor(() => expect(screen.getByTestId('rows')).toHaveTextContent('row-0'));
    expect(seen.hook.filters).toEqual({ state: null, customerId: null, open: false });
    expect(seen.hook.filtered).toBe(false);
    expect(asked).toEqual([{ skip: 0, limit: 50 }]);
  });

  it('writes a changed filter or search into the address and goes back to page 1; paging and sorting keep the filters', async () => {
    renderWithApp(<Page />, { path: '/list?customerId=c1&page=2' });
    await waitFor(() => expect(screen.getByTestId('rows')).toHaveTextContent('row-50'));

    act(() => seen.hook.setFilter('state', 'OPEN'));
    expect(address()).toBe('?customerId=c1&state=OPEN');
    act(() => seen.hook.table.paging.onPageChange(2));
    act(() => seen.hook.table.onSortChange({ id: 'customer', desc: false }));
    expect(address()).toBe('?customerId=c1&state=OPEN&page=2&sort=customer');

    act(() => seen.hook.setFilter('open', true));
    expect(address()).toBe('?customerId=c1&state=OPEN&sort=customer&open=1');
    act(() => seen.hook.setSearch('SO-1'));
    act(() => seen.hook.setFilter('customerId', null));
    act(() => seen.hook.setFilter('open', false));
    act(() => seen.hook.table.onSortChange(null));
    expect(address()).toBe('?state=OPEN&q=SO-1');
    act(() => seen.hook.table.paging.onPageChange(1));
    expect(address()).toBe('?state=OPEN&q=SO-1');
  });
});
