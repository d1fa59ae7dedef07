import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { errorBody, renderWithApp, stubFetch } from '../../../../test/render';
import { balance, kohair, NoTransitions, page, production, rackA1, rackA2 } from '../test-data';
import { MoveOutForm } from './MoveOutForm';

const stock = {
  productId: kohair.id,
  code: kohair.code,
  name: kohair.name,
  uom: 'METER',
  onHand: 451.2,
  reserved: 40,
  available: 411.2,
  balances: [
    balance(rackA1, 'R-IKHR504-2609-01', 40, 40),
    balance(rackA1, 'R-IKHR504-2610-02', 182.6),
    balance(rackA2, 'R-IKHR504-2611-03', 228.6),
  ],
};

function stubWarehouse(posting: { status: number; body?: unknown }) {
  const { fetch, requests } = stubFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path === `/api/v1/warehouse/products/${kohair.id}`) return { status: 200, body: kohair };
    if (path === '/api/v1/warehouse/products') return { status: 200, body: page([kohair]) };
    if (path === `/api/v1/warehouse/stock/${kohair.id}`) return { status: 200, body: stock };
    if (path === '/api/v1/warehouse/locations')
      return { status: 200, body: page([rackA1, rackA2, production]) };
    return posting;
  });
  vi.stubGlobal('fetch', fetch);
  return requests;
}

describe('MoveOutForm', { timeout: 20_000 }, () => {
  it('offers the locations holding the product, and its lots there oldest first', async () => {
    stubWarehouse({ status: 201, body: { moves: [] } });
    renderWithApp(
      <NoTransitions>
        <MoveOutForm kind="issue" productId={kohair.id} onDone={() => undefined} />
      </NoTransitions>,
    );
    await screen.findByText('In the stock unit, METER');

    await userEvent.click(screen.getByRole('combobox', { name: 'From location' }));
    const sources = await screen.findAllByRole('option');
    expect(sources.map((o) => o.textContent)).toEqual([
      'WH-RAW-A1 · Rak WH-RAW-A1182.6 METER available',
      'WH-RAW-A2 · Rak WH-RAW-A2228.6 METER available',
    ]);
    await userEvent.click(sources[0]!);

    await userEvent.click(screen.getByRole('combobox', { name: 'Lot' }));
    const lots = screen.getAllByRole('option');
    expect(lots.map((o) => o.textContent)).toEqual([
      'Oldest first (FIFO)',
      'R-IKHR504-2609-01 · 20 Nov 2026 · 0 METER',
      'R-IKHR504-2610-02 · 20 Nov 2026 · 182.6 METER',
    ]);
    // The fully reserved lot cannot be taken.
    expect(lots[1]).toHaveAttribute('data-combobox-disabled', 'true');
  });

  it('lists what is missing where when the stock is short', async () => {
    const requests = stubWarehouse({
      status: 409,
      body: errorBody(409, 'INSUFFICIENT_STOCK', 'Not enough stock: IKHR504 is short by 4588.8 METER', {
        shortages: [
          {
            productId: kohair.id,
            productCode: 'IKHR504',
            locationId: rackA1.id,
            locationCode: 'WH-RAW-A1',
            lotId: null,
            requested: 4771.4,
            available: 182.6,
            missing: 4588.8,
            uom: 'METER',
          },
        ],
      }),
    });
    const onDone = vi.fn();
    renderWithApp(
      <NoTransitions>
        <MoveOutForm kind="transfer" productId={kohair.id} onDone={onDone} />
      </NoTransitions>,
    );
    await screen.findByText('In the stock unit, METER');
    await userEvent.click(screen.getByRole('combobox', { name: 'From location' }));
    await userEvent.click(await screen.findByRole('option', { name: /WH-RAW-A1/ }));
    await userEvent.click(screen.getByRole('combobox', { name: 'To location' }));
    await userEvent.click(await screen.findByRole('option', { name: /WH-RAW-A2/ }));
    await userEvent.click(screen.getByRole('combobox', { name: 'Unit' }));
    await userEvent.click(screen.getByRole('option', { name: 'YARD' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Quantity' }), '5218');
    expect(screen.getByText('= 4,771.3392 METER')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Transfer' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Not enough stock')).toBeInTheDocument();
    expect(within(alert).getByRole('listitem')).toHaveTextContent(
      'IKHR504 at WH-RAW-A1: 4,588.8 METER missing (asked 4,771.4 METER, available 182.6 METER)',
    );
    expect(onDone).not.toHaveBeenCalled();
    const transfer = requests.find((r) => r.method === 'POST')!;
    expect(new URL(transfer.url).pathname).toBe('/api/v1/warehouse/stock/transfers');
    expect(await transfer.json()).toEqual({
      productId: kohair.id,
      fromLocationId: rackA1.id,
      toLocationId: rackA2.id,
      quantity: 5218,
      uom: 'YARD',
    });
  });
});
