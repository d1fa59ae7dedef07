import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { errorBody, renderWithApp, stubFetch } from '../../../../test/render';
import { kohair, NoTransitions, page, production, rackA1 } from '../test-data';
import { ReceiveForm } from './ReceiveForm';

type Answer = { status: number; body?: unknown } | 'network-failure';

/** The warehouse API for the form; receipts answer from `receipts`, one answer per request. */
function stubWarehouse(receipts: Answer[]) {
  const { fetch, requests } = stubFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path === `/api/v1/warehouse/products/${kohair.id}`) return { status: 200, body: kohair };
    if (path === '/api/v1/warehouse/products') return { status: 200, body: page([kohair]) };
    if (path === '/api/v1/warehouse/locations') return { status: 200, body: page([rackA1, production]) };
    const answer = receipts.shift()!;
    if (answer === 'network-failure') throw new TypeError('Failed to fetch');
    return answer;
  });
  vi.stubGlobal('fetch', fetch);
  return requests.filter.bind(requests);
}

async function fillReceipt() {
  // The units are known once the product is.
  await screen.findByText('In the stock unit, METER');
  await userEvent.click(screen.getByRole('combobox', { name: 'Unit' }));
  await userEvent.click(await screen.findByRole('option', { name: 'YARD' }));
  await userEvent.type(screen.getByRole('textbox', { name: 'Quantity' }), '100');
  await userEvent.click(screen.getByRole('combobox', { name: 'Into location' }));
  await userEvent.click(await screen.findByRole('option', { name: /WH-RAW-A1/ }));
}

const receipts = (filter: ReturnType<typeof stubWarehouse>) =>
  filter((r: Request) => new URL(r.url).pathname === '/api/v1/warehouse/stock/receipts');

// Mantine selects and typing take a few seconds in jsdom on a busy machine.
describe('ReceiveForm', { timeout: 20_000 }, () => {
  it('shows what the entered quantity comes to in the stock unit, as the user types', async () => {
    stubWarehouse([]);
    renderWithApp(
      <NoTransitions>
        <ReceiveForm productId={kohair.id} onDone={() => undefined} />
      </NoTransitions>,
    );

    expect(await screen.findByText('In the stock unit, METER')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('combobox', { name: 'Unit' }));
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['METER', 'YARD', 'CM', 'ROLL']);
    await userEvent.click(screen.getByRole('option', { name: 'YARD' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Quantity' }), '100');
    expect(screen.getByText('= 91.44 METER')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('combobox', { name: 'Unit' }));
    await userEvent.click(screen.getByRole('option', { name: 'ROLL' }));
    expect(screen.getByText('= 4,572 METER')).toBeInTheDocument();
  });

  it('posts the receipt with an Idempotency-Key and shows a 409 in words', async () => {
    const filter = stubWarehouse([
      { status: 409, body: errorBody(409, 'PRODUCT_INACTIVE', 'IKHR504 is inactive') },
    ]);
    const onDone = vi.fn();
    renderWithApp(
      <NoTransitions>
        <ReceiveForm productId={kohair.id} onDone={onDone} />
      </NoTransitions>,
    );
    await fillReceipt();
    await userEvent.type(screen.getByRole('textbox', { name: 'Lot or roll number' }), 'R-IKHR504-2611-09');
    await userEvent.click(screen.getByRole('button', { name: 'Receive' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This product is inactive: it cannot be received or moved.',
    );
    expect(onDone).not.toHaveBeenCalled();
    const [request] = receipts(filter);
    expect(request!.method).toBe('POST');
    expect(request!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await request!.json()).toEqual({
      productId: kohair.id,
      locationId: rackA1.id,
      quantity: 100,
      uom: 'YARD',
      lotNumber: 'R-IKHR504-2611-09',
    });
  });

  it('puts a 422 field message next to its field', async () => {
    stubWarehouse([
      {
        status: 422,
        body: errorBody(422, 'VALIDATION_FAILED', 'Invalid request', [
          { field: 'quantity', messages: ['rounds to zero'] },
        ]),
      },
    ]);
    renderWithApp(
      <NoTransitions>
        <ReceiveForm productId={kohair.id} onDone={() => undefined} />
      </NoTransitions>,
    );
    await fillReceipt();
    await userEvent.click(screen.getByRole('button', { name: 'Receive' }));

    expect(await screen.findByText('rounds to zero')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('retries an unanswered submission with the same key, and a new one after an answer', async () => {
    const filter = stubWarehouse([
      'network-failure',
      { status: 409, body: errorBody(409, 'PRODUCT_INACTIVE', 'IKHR504 is inactive') },
      { status: 201, body: { moves: [] } },
    ]);
    const onDone = vi.fn();
    renderWithApp(
      <NoTransitions>
        <ReceiveForm productId={kohair.id} onDone={onDone} />
      </NoTransitions>,
    );
    await fillReceipt();
    const submit = screen.getByRole('button', { name: 'Receive' });

    await userEvent.click(submit);
    expect(await screen.findByRole('alert')).toHaveTextContent('could not reach the server');
    await userEvent.click(submit);
    expect(await screen.findByRole('alert')).toHaveTextContent('inactive');
    await userEvent.click(submit);
    await waitFor(() => expect(onDone).toHaveBeenCalled());

    const keys = receipts(filter).map((r) => r.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });
});
