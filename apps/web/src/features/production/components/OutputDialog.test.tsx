import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp, stubFetch, testUser } from '../../../test/render';
import type { WorkOrder } from '../api';
import { OutputDialog } from './OutputDialog';

const workOrder: WorkOrder = {
  id: '00000000-0000-4000-8000-0000000000e2',
  moId: '00000000-0000-4000-8000-0000000000c1',
  batchNumber: 'MO-20261126-014',
  productCode: '40551542',
  department: 'SEWING',
  sequence: 3,
  state: 'IN_PROGRESS',
  outputProductId: null,
  outputProductCode: 'AFTONSPARV_WIP_SKIN',
  targetQuantity: 450,
  inputQuantity: 450,
  goodQuantity: 225,
  rejectedQuantity: 0,
  handedOverQuantity: 0,
  availableToHandOver: 225,
  incomingQuantity: 0,
  readyAt: null,
  startedAt: null,
  endedAt: null,
  operator: null,
  actions: ['output', 'handover'],
  version: 3,
  createdAt: '2026-11-26T01:00:00.000Z',
  updatedAt: '2026-11-26T01:00:00.000Z',
};

describe('OutputDialog', () => {
  it('takes good and reject as typed, refuses what does not fit, and asks why pieces were rejected', async () => {
    const { fetch, requests } = stubFetch(() => ({ status: 200, body: workOrder }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<OutputDialog workOrder={workOrder} onClose={() => {}} />, {
      user: testUser(['production.view', 'production.update'], 'dept_admin'),
    });
    // Nothing pre-filled: both counts are typed.
    const good = await screen.findByRole('textbox', { name: /^Good/ });
    const reject = screen.getByRole('textbox', { name: /^Reject$|^Reject \*/ });
    expect(good).toHaveValue('');
    expect(reject).toHaveValue('');
    await userEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(await screen.findAllByText('Type the count (0 when there are none)')).toHaveLength(2);

    // 225 received pieces are left: 220 good + 10 reject is refused as typed, nothing lowered.
    await userEvent.type(good, '220');
    await userEvent.type(reject, '10');
    expect(good).toHaveValue('220');
    expect(reject).toHaveValue('10');
    expect(screen.getByTestId('output-left')).toHaveTextContent('That is 5 pieces more than were received.');
    await userEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(
      await screen.findByText('Good and reject together may be at most 225: the pieces left to record'),
    ).toBeInTheDocument();
    expect(screen.getByText('Say why pieces were rejected')).toBeInTheDocument();
    expect(requests).toHaveLength(0);

    // A fraction of a piece is refused under the field.
    await userEvent.clear(reject);
    await userEvent.type(reject, '2.5');
    expect(screen.getByText('PCS are counted whole: no fractions')).toBeInTheDocument();

    await userEvent.clear(reject);
    await userEvent.type(reject, '3');
    expect(screen.getByTestId('output-left')).toHaveTextContent('After this, 2 pieces are left to record.');
    await userEvent.type(screen.getByRole('textbox', { name: /Reject reason/ }), 'seam open');
    await userEvent.click(screen.getByRole('button', { name: 'Record' }));
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    expect(await requests[0]!.json()).toEqual({
      goodQuantity: 220,
      rejectedQuantity: 3,
      rejectReason: 'seam open',
    });
  });
});
