import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { errorBody, renderWithApp, stubFetch, testUser } from '../../../test/render';
import type { Handover } from '../api';
import { AcceptHandoverDialog } from './AcceptHandoverDialog';

const handover: Handover = {
  id: '00000000-0000-4000-8000-0000000000d1',
  number: 'HO-20261126-0047',
  moId: '00000000-0000-4000-8000-0000000000c1',
  batchNumber: 'MO-20261126-014',
  fromWorkOrderId: '00000000-0000-4000-8000-0000000000e1',
  toWorkOrderId: '00000000-0000-4000-8000-0000000000e2',
  fromDepartment: 'EMBROIDERY',
  toDepartment: 'SEWING',
  productCode: 'AFTONSPARV_WIP_EMBO',
  quantity: 100,
  receivedQuantity: null,
  state: 'PENDING',
  differencePercent: null,
  sentBy: { id: '00000000-0000-4000-8000-0000000000a2', username: 'embroidery', fullName: 'Indah Sari' },
  acceptedBy: null,
  acceptedAt: null,
  createdAt: '2026-11-26T02:00:00.000Z',
  updatedAt: '2026-11-26T02:00:00.000Z',
};
const lineAdmin = {
  ...testUser(['production.view', 'production.update'], 'dept_admin'),
  department: 'SEWING' as const,
};
const supervisor = {
  ...testUser(['production.view', 'production.update', 'production.approve'], 'dept_supervisor'),
  department: 'SEWING' as const,
};

async function count(quantity: string) {
  const input = await screen.findByRole('textbox', { name: /Counted quantity/ });
  await userEvent.clear(input);
  await userEvent.type(input, quantity);
}

describe('AcceptHandoverDialog', () => {
  it('tells a line admin that a count more than 10% short needs a supervisor, and does not send it', async () => {
    const { fetch, requests } = stubFetch(() => ({ status: 200, body: { ...handover, state: 'ACCEPTED' } }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<AcceptHandoverDialog handover={handover} onClose={() => {}} />, { user: lineAdmin });

    expect(await screen.findByRole('textbox', { name: /Counted quantity/ })).toHaveValue('100');
    await count('85');
    expect(screen.getByText('15 fewer than sent (-15%)')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('A supervisor must accept this count');
    expect(screen.getByRole('alert')).toHaveTextContent('ask your supervisor');
    expect(screen.getByRole('button', { name: 'Accept' })).toBeDisabled();

    // Within 10% the line accepts it itself.
    await count('91');
    expect(screen.queryByText('A supervisor must accept this count')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Accept' }));
    expect(requests).toHaveLength(1);
    expect(new URL(requests[0]!.url).pathname).toBe(`/api/v1/production/handovers/${handover.id}/accept`);
    expect(await requests[0]!.json()).toEqual({ receivedQuantity: 91 });
  });

  it('lets a supervisor accept a count more than 10% short, saying what it means', async () => {
    const { fetch, requests } = stubFetch(() => ({ status: 200, body: { ...handover, state: 'ACCEPTED' } }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<AcceptHandoverDialog handover={handover} onClose={() => {}} />, { user: supervisor });

    await count('85');
    expect(screen.queryByText('A supervisor must accept this count')).not.toBeInTheDocument();
    expect(screen.getByText(/You accept it as supervisor/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Accept' }));
    expect(await requests[0]!.json()).toEqual({ receivedQuantity: 85 });
  });

  it('explains the same when the server asks for a supervisor', async () => {
    const { fetch } = stubFetch(() => ({
      status: 403,
      body: errorBody(403, 'APPROVAL_REQUIRED', 'a supervisor (production.approve) must accept it', {
        required: 'production.approve',
      }),
    }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<AcceptHandoverDialog handover={handover} onClose={() => {}} />, { user: lineAdmin });

    await count('95');
    await userEvent.click(screen.getByRole('button', { name: 'Accept' }));
    expect(await screen.findByText('A supervisor must accept this count')).toBeInTheDocument();
  });

  it('refuses a count above what was sent', async () => {
    renderWithApp(<AcceptHandoverDialog handover={handover} onClose={() => {}} />, { user: lineAdmin });
    await count('120');
    expect(screen.getByText('Only 100 were sent; count again')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Accept' })).toBeDisabled();
  });
});
