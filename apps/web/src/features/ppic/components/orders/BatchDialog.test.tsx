import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { errorBody, renderWithApp, stubFetch } from '../../../../test/render';
import { makeMo } from '../shared/test-data';
import { BatchDialog } from './BatchDialog';

describe('BatchDialog', () => {
  it('sends only the orders the action applies to, per order when asked, and shows each result', async () => {
    const first = makeMo();
    const second = makeMo();
    const own = makeMo({ actions: ['cancel'] }); // created by this user: approve is not offered
    const { fetch, requests } = stubFetch(() => ({
      status: 200,
      body: {
        results: [
          { id: first.id, ok: true, state: 'APPROVED' },
          { id: second.id, ok: false, error: { code: 'NO_ACTIVE_BOM', message: 'No active BOM any more' } },
        ],
      },
    }));
    vi.stubGlobal('fetch', fetch);
    const onClose = vi.fn();
    renderWithApp(<BatchDialog action="approve" orders={[first, second, own]} onClose={onClose} />);

    const dialog = await screen.findByRole('dialog', { name: 'Approve 2 orders' });
    expect(dialog).toHaveTextContent(`${own.batchNumber} is left out: you cannot approve it now.`);
    // The label wraps the input and its description, so both name it.
    await userEvent.click(within(dialog).getByRole('switch', { name: /^All or nothing/ }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Approval notes/ }), 'Week 50 plan');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve 2 orders' }));

    expect(await screen.findByText('1 of 2 orders approved.')).toBeInTheDocument();
    const request = requests[0]!;
    expect(new URL(request.url).pathname).toBe('/api/v1/ppic/tasks/batch/approve');
    expect(request.headers.get('idempotency-key')).toBeTruthy();
    expect(await request.json()).toEqual({
      ids: [first.id, second.id],
      atomic: false,
      notes: 'Week 50 plan',
    });
    expect(screen.getByRole('row', { name: new RegExp(second.batchNumber) })).toHaveTextContent(
      'No active BOM any more',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledWith([first.id]);
  });

  it('shows which order stopped an all-or-nothing batch', async () => {
    const first = makeMo({ state: 'APPROVED', actions: ['start', 'cancel'] });
    const second = makeMo({ state: 'APPROVED', actions: ['start', 'cancel'] });
    const { fetch } = stubFetch(() => ({
      status: 409,
      body: errorBody(409, 'BATCH_FAILED', `Nothing was changed: order ${second.id} cannot be started`, {
        failedId: second.id,
        error: { code: 'INSUFFICIENT_STOCK', message: 'Not enough IVBR210 on the racks' },
      }),
    }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<BatchDialog action="start" orders={[first, second]} onClose={() => {}} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Start 2 orders' }));
    expect(await screen.findByText('Nothing was changed')).toBeInTheDocument();
    expect(
      screen.getByText(`${second.batchNumber} stopped the batch: Not enough IVBR210 on the racks`),
    ).toBeInTheDocument();
    expect(screen.getByRole('row', { name: new RegExp(first.batchNumber) })).toHaveTextContent('Not changed');
  });

  it('asks for a reason before cancelling', async () => {
    const { fetch, requests } = stubFetch(() => ({ status: 200, body: { results: [] } }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<BatchDialog action="cancel" orders={[makeMo()]} onClose={() => {}} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel 1 order' }));
    expect(screen.getByText('Say why the order is cancelled (at least 3 characters)')).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });
});
