import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp, stubFetch, testUser } from '../../test/render';
import type { GatePass } from './api';
import { GatePassesPage } from './GatePassesPage';

const ID = '00000000-0000-4000-8000-0000000000a1';
const held: GatePass = {
  id: ID,
  number: 'GPO-20261205-0003',
  direction: 'OUT',
  state: 'HOLD',
  partner: { id: '00000000-0000-4000-8000-0000000000b1', code: 'SUB-JM', name: 'CV Jahit Makmur' },
  workOrderId: '00000000-0000-4000-8000-0000000000c1',
  moId: '00000000-0000-4000-8000-0000000000c2',
  batchNumber: 'MO-20261205-024',
  consignmentLocationId: null,
  vehicleNumber: 'B 1234 GP',
  driverName: 'Bambang Sutrisno',
  customsDocument: 'BC 2.6.1',
  customsReference: 'BC261-000414',
  deliveryNote: null,
  notes: null,
  receivingLocationId: null,
  onLineAt: null,
  lines: [
    {
      id: '00000000-0000-4000-8000-0000000000d1',
      lineNo: 1,
      productId: '00000000-0000-4000-8000-0000000000e1',
      productCode: 'CUT-40551545',
      productName: 'DJUNGELSKOG cut panels',
      uom: 'SET',
      kind: 'WIP',
      quantity: 60,
      countedQuantity: 58,
      lotId: null,
    },
  ],
  mismatches: 1,
  createdBy: null,
  countedBy: { id: '00000000-0000-4000-8000-0000000000f1', username: 'security', fullName: 'Wahyu Nugraha' },
  countedAt: '2026-12-05T06:00:00.000Z',
  counts: 1,
  releasedAt: null,
  dueAt: null,
  cancelReason: null,
  cancelledBy: null,
  version: 2,
  createdAt: '2026-12-05T05:00:00.000Z',
  updatedAt: '2026-12-05T06:00:00.000Z',
};

describe('GatePassesPage', () => {
  it('shows a held pass clearly and lets security count it again', async () => {
    const { fetch, requests } = stubFetch((r) =>
      r.method === 'POST'
        ? { status: 200, body: { ...held, state: 'RELEASED' } }
        : { status: 200, body: held },
    );
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<GatePassesPage />, {
      path: `/${ID}`,
      user: testUser(['warehouse.view', 'warehouse.approve'], 'security'),
    });

    expect(await screen.findByRole('heading', { name: 'Gate pass GPO-20261205-0003' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('On hold: the count does not match the pass');
    expect(screen.getByRole('alert')).toHaveTextContent('1 line was counted differently');
    const lines = screen.getByRole('table', { name: 'Lines' });
    expect(within(lines).getByText('58 SET')).toBeInTheDocument();
    // Security has no right to cancel (warehouse.create): only the count.
    expect(screen.queryByRole('button', { name: 'Cancel the pass' })).not.toBeInTheDocument();

    expect(screen.getByRole('heading', { name: 'Count again' })).toBeInTheDocument();
    const submit = screen.getByRole('button', { name: 'Record the count' });
    expect(submit).toBeDisabled();
    fireEvent.change(screen.getByRole('textbox', { name: 'Counted CUT-40551545' }), {
      target: { value: '60' },
    });
    fireEvent.click(submit);
    await vi.waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe(`/api/v1/subcon/gate-passes/${ID}/count`);
    expect(await post.json()).toEqual({
      lines: [{ lineId: '00000000-0000-4000-8000-0000000000d1', countedQuantity: 60 }],
    });
    expect(post.headers.get('Idempotency-Key')).toBeTruthy();
  });
});
