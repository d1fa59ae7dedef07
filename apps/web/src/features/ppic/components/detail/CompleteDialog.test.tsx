import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp, stubFetch } from '../../../../test/render';
import type { MoDetail, MoWorkOrder } from '../../api';
import { makeMo } from '../shared/test-data';
import { TransitionDialog } from './TransitionDialog';

const workOrder = (department: MoWorkOrder['department'], sequence: number, over: Partial<MoWorkOrder>) =>
  ({
    id: `00000000-0000-4000-8000-0000000000e${sequence}`,
    moId: '00000000-0000-4000-8000-000000000001',
    batchNumber: 'MO-20261126-001',
    productCode: '40551543',
    department,
    sequence,
    state: 'DONE',
    outputProductId: null,
    outputProductCode: null,
    targetQuantity: 450,
    inputQuantity: 450,
    goodQuantity: 450,
    rejectedQuantity: 0,
    handedOverQuantity: 450,
    availableToHandOver: 0,
    incomingQuantity: 0,
    readyAt: null,
    startedAt: null,
    endedAt: null,
    operator: null,
    actions: [],
    version: 1,
    createdAt: '2026-11-26T01:00:00.000Z',
    updatedAt: '2026-11-26T01:00:00.000Z',
    ...over,
  }) as MoWorkOrder;

const mo = {
  ...makeMo({ state: 'IN_PROGRESS', plannedQuantity: 450, actions: ['complete'] }),
  workOrders: [
    workOrder('CUTTING', 1, {}),
    workOrder('SEWING', 2, {}),
    workOrder('FINISHING', 3, {}),
    workOrder('PACKING', 4, { state: 'IN_PROGRESS', goodQuantity: 395, handedOverQuantity: 0 }),
  ],
  materials: [],
  timeline: [],
  salesOrderLine: null,
} as MoDetail;

describe('completing an MO', () => {
  it('starts from the last department’s good count, lists the open work orders, and asks for a quality note beyond the tolerance', async () => {
    const { fetch, requests } = stubFetch(() => ({ status: 200, body: { ...mo, state: 'COMPLETED' } }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<TransitionDialog mo={mo} action="complete" onClose={() => {}} />);

    const actual = await screen.findByRole('textbox', { name: /Good pieces made/ });
    expect(actual).toHaveValue('395');
    expect(
      screen.getByText('Planned 450 PCS; the last department recorded 395 PCS good'),
    ).toBeInTheDocument();
    const open = screen.getByTestId('open-work-orders');
    expect(open).toHaveTextContent('1 work order is still open');
    expect(open).toHaveTextContent('Packing');
    expect(open).toHaveTextContent('395 of 450 recorded good');

    // -12.2%: beyond the 10% tolerance, so the quality note is required.
    expect(screen.getByTestId('variance')).toHaveTextContent('-12.2%');
    await userEvent.click(screen.getByRole('button', { name: 'Complete order' }));
    expect(
      screen.getByText(
        'Beyond the tolerance: say in the quality note why the count differs (at least 3 characters)',
      ),
    ).toBeInTheDocument();
    expect(requests).toHaveLength(0);

    await userEvent.type(
      screen.getByRole('textbox', { name: /Quality note \(required/ }),
      '55 pieces failed the seam check',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Complete order' }));
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    expect(await requests[0]!.json()).toEqual({
      actualQuantity: 395,
      qualityNotes: '55 pieces failed the seam check',
    });
  });

  it('asks for no note within the tolerance, and typing replaces the pre-filled count', async () => {
    const { fetch, requests } = stubFetch(() => ({ status: 200, body: { ...mo, state: 'COMPLETED' } }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<TransitionDialog mo={mo} action="complete" onClose={() => {}} />);
    const actual = await screen.findByRole('textbox', { name: /Good pieces made/ });
    // The dialog focuses the count with its text selected: typing replaces it.
    await vi.waitFor(() => expect(actual).toHaveFocus());
    await userEvent.keyboard('440');
    expect(actual).toHaveValue('440');
    expect(screen.getByRole('textbox', { name: 'Quality notes (optional)' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Complete order' }));
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    expect(await requests[0]!.json()).toEqual({ actualQuantity: 440 });
  });
});
