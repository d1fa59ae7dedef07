import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp, stubFetch, testUser } from '../../../test/render';
import type { StockSummaryItem } from '../api';
import { kohair, page } from './test-data';
import { StockOverviewPage } from './StockOverviewPage';

const item: StockSummaryItem = {
  productId: kohair.id,
  code: 'IKHR504',
  name: 'KOHAIR 7MM RECYCLE D.BROWN',
  type: 'RAW_MATERIAL',
  uom: 'METER',
  onHand: 1234.5,
  reserved: 50,
  available: 1184.5,
  alertLevel: 'CRITICAL',
};

/** Answers the summary with `items` unless the search asks for something else; records the requests. */
function stubSummary(items: StockSummaryItem[]) {
  const { fetch, requests } = stubFetch((request) => {
    const url = new URL(request.url);
    const search = url.searchParams.get('search');
    return { status: 200, body: page(search && search !== 'IKHR' ? [] : items) };
  });
  vi.stubGlobal('fetch', fetch);
  return requests;
}

const summaryRequests = (requests: Request[]) =>
  requests.filter((r) => new URL(r.url).pathname === '/api/v1/warehouse/stock/summary');

describe('StockOverviewPage', () => {
  it('says what to do when the factory has no products yet', async () => {
    stubSummary([]);
    renderWithApp(<StockOverviewPage />);

    expect(await screen.findByText('No products yet')).toBeInTheDocument();
    expect(screen.getByText(/Receive the first goods/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('offers to clear the filters when a search finds nothing', async () => {
    const requests = stubSummary([item]);
    renderWithApp(<StockOverviewPage />);
    await screen.findByRole('table', { name: 'Stock' });

    await userEvent.type(screen.getByRole('textbox', { name: 'Search by code or name' }), 'velboa');

    expect(await screen.findByText('No products match these filters')).toBeInTheDocument();
    const last = summaryRequests(requests).at(-1)!;
    expect(Object.fromEntries(new URL(last.url).searchParams)).toEqual({
      search: 'velboa',
      skip: '0',
      limit: '25',
    });
    const clear = screen.getAllByRole('button', { name: 'Clear filters' });
    await userEvent.click(clear.at(-1)!);
    expect(await screen.findByRole('table', { name: 'Stock' })).toBeInTheDocument();
  });

  it('lists stock with units and the alert level, linking each product to its page', async () => {
    stubSummary([item]);
    renderWithApp(<StockOverviewPage />);

    const row = await screen.findByRole('row', { name: /IKHR504/ });
    expect(within(row).getByText('1,234.5')).toBeInTheDocument();
    expect(within(row).getByText('1,184.5')).toBeInTheDocument();
    expect(within(row).getByText('METER')).toBeInTheDocument();
    expect(within(row).getByText('Critical')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'IKHR504' })).toHaveAttribute(
      'href',
      `/warehouse/products/${kohair.id}`,
    );
    for (const action of ['Receive', 'Issue', 'Transfer', 'Count'])
      expect(screen.getByRole('button', { name: action })).toBeInTheDocument();
  });

  it('shows a viewer the stock but none of the documents', async () => {
    stubSummary([item]);
    renderWithApp(<StockOverviewPage />, { user: testUser(['warehouse.view'], 'viewer') });

    await screen.findByRole('row', { name: /IKHR504/ });
    expect(screen.queryByRole('button', { name: 'Receive' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Count' })).not.toBeInTheDocument();
  });

  it('lets an operator receive, issue and transfer but not count', async () => {
    stubSummary([item]);
    renderWithApp(<StockOverviewPage />, {
      user: testUser(['warehouse.view', 'warehouse.create'], 'warehouse_operator'),
    });

    await screen.findByRole('row', { name: /IKHR504/ });
    expect(screen.getByRole('button', { name: 'Transfer' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Count' })).not.toBeInTheDocument();
  });
});
