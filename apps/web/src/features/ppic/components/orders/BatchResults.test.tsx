import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../../test/render';
import { BatchResults } from './BatchResults';

const orders = [
  { id: 'a', batchNumber: 'MO-20261126-001' },
  { id: 'b', batchNumber: 'MO-20261126-002' },
  { id: 'c', batchNumber: 'MO-20261126-003' },
];

describe('BatchResults', () => {
  it('shows a result per order: the new state of those done, the reason of those refused', () => {
    renderWithApp(
      <BatchResults
        action="start"
        orders={orders}
        outcome={{
          kind: 'results',
          results: [
            { id: 'a', ok: true, state: 'IN_PROGRESS' },
            {
              id: 'b',
              ok: false,
              error: { code: 'INSUFFICIENT_STOCK', message: 'IVBR210: 3.5 METER missing' },
            },
            { id: 'c', ok: true, state: 'IN_PROGRESS' },
          ],
        }}
      />,
    );
    expect(screen.getByText('2 of 3 orders started.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Result per order' });
    const done = within(table).getByRole('row', { name: /MO-20261126-001/ });
    expect(done).toHaveTextContent('Done');
    expect(done).toHaveTextContent('In progress');
    const refused = within(table).getByRole('row', { name: /MO-20261126-002/ });
    expect(refused).toHaveTextContent('IVBR210: 3.5 METER missing');
    expect(refused).toHaveTextContent('INSUFFICIENT_STOCK');
    expect(refused).not.toHaveTextContent('Done');
  });

  it('after an atomic failure names the order that stopped the batch and leaves the others unchanged', () => {
    renderWithApp(
      <BatchResults
        action="approve"
        orders={orders}
        outcome={{
          kind: 'failed',
          failedId: 'b',
          message: 'MO-20261126-002 is APPROVED; it cannot be approved',
        }}
      />,
    );
    expect(screen.getByText('Nothing was changed')).toBeInTheDocument();
    expect(
      screen.getByText(
        'MO-20261126-002 stopped the batch: MO-20261126-002 is APPROVED; it cannot be approved',
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Result per order' });
    expect(within(table).getByRole('row', { name: /MO-20261126-001/ })).toHaveTextContent('Not changed');
    expect(within(table).getByRole('row', { name: /MO-20261126-003/ })).toHaveTextContent('Not changed');
    expect(within(table).getByRole('row', { name: /MO-20261126-002/ })).toHaveTextContent(
      'is APPROVED; it cannot be approved',
    );
  });
});
