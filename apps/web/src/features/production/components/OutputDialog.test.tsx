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
  targetQty: 450,
  inputQty: 450,
  goodQty: 225,
  rejectQty: 0,
  handedOverQty: 0,
  availableToHandOver: 225,
  incomingQty: 0,
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
  it('takes rejects out of the good count and asks why they were rejected', async () => {
    const { fetch, requests } = stubFetch(() => ({ status: 200, body: workOrder }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<OutputDialog workOrder={workOrder} onClose={() => {}} />, {
      user: testUser(['production.view', 'production.update'], 'dept_admin'),
    });
    const good = await screen.findByRole('textbox', { name: 'Good' });
    expect(good).toHaveValue('225');

    const reject = screen.getByRole('textbox', { name: 'Reject' });
    await userEvent.clear(reject);
    await userEvent.type(reject, '3');
    expect(good).toHaveValue('222');
    await userEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(await screen.findByText('Say why pieces were rejected')).toBeInTheDocument();
    expect(requests).toHaveLength(0);

    await userEvent.type(screen.getByRole('textbox', { name: /Reject reason/ }), 'seam open');
    await userEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(await requests[0]!.json()).toEqual({ goodQty: 222, rejectQty: 3, rejectReason: 'seam open' });
  });
});
