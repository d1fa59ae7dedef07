import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp, stubFetch, testUser } from '../../../test/render';
import type { Line } from '../api';
import { LineBoardPage } from './LineBoardPage';

const batch = {
  moId: '00000000-0000-4000-8000-0000000000c1',
  batchNumber: 'MO-20261126-014',
  moState: 'IN_PROGRESS' as const,
  articleId: '00000000-0000-4000-8000-0000000000b1',
  articleCode: '40551542',
  articleName: 'AFTONSPARV bear',
  destination: 'EU',
  week: '2026-W05',
  quantity: 120,
  items: [],
};
const lines: Line[] = [
  {
    department: 'CUTTING',
    locationCode: 'LINE-CUTTING',
    status: 'CLEAR',
    batches: [],
    blocks: [],
    alarms: [],
  },
  {
    department: 'SEWING',
    locationCode: 'LINE-SEWING',
    status: 'BLOCKED',
    batches: [batch],
    blocks: [
      {
        id: '00000000-0000-4000-8000-0000000000f1',
        department: 'SEWING',
        fromDepartment: 'CUTTING',
        fromWorkOrderId: '00000000-0000-4000-8000-0000000000e1',
        moId: '00000000-0000-4000-8000-0000000000c2',
        batchNumber: 'MO-20261126-015',
        quantity: 80,
        onLine: [{ ...batch }],
        state: 'OPEN',
        attempts: 2,
        lineCleared: false,
        sentBy: null,
        resolvedBy: null,
        overrideReason: null,
        handoverId: null,
        escalations: [{ step: 1, recipient: 'LINE_SUPERVISOR', firedAt: '2026-11-26T02:00:00.000Z' }],
        createdAt: '2026-11-26T02:00:00.000Z',
        lastAttemptAt: '2026-11-26T02:05:00.000Z',
        resolvedAt: null,
        updatedAt: '2026-11-26T02:05:00.000Z',
      },
    ],
    alarms: [],
  },
];

describe('LineBoardPage', () => {
  it('shows one tile per line: a clear line, and a blocked one with what holds it and who was told', async () => {
    const { fetch } = stubFetch(() => ({ status: 200, body: { items: lines } }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<LineBoardPage />, {
      user: testUser(['production.view', 'production.update', 'production.approve'], 'dept_supervisor'),
    });

    const cutting = await screen.findByRole('region', { name: 'Cutting' });
    expect(within(cutting).getByText('Clear')).toBeInTheDocument();
    expect(within(cutting).getByText('Nothing on the line: ready for the next batch.')).toBeInTheDocument();

    const sewing = screen.getByRole('region', { name: 'Sewing' });
    expect(within(sewing).getByText('Blocked')).toBeInTheDocument();
    expect(within(sewing).getByText('MO-20261126-014')).toBeInTheDocument();
    expect(within(sewing).getByText('EU · week 2026-W05 · 120 pcs')).toBeInTheDocument();
    expect(within(sewing).getByText('Waiting: MO-20261126-015 from Cutting (80 pcs)')).toBeInTheDocument();
    expect(within(sewing).getByText(/Refused 2 times since/)).toBeInTheDocument();
    expect(within(sewing).getByText(/Escalated to line supervisor/)).toBeInTheDocument();
    expect(within(sewing).getByRole('button', { name: 'Scrap from line' })).toBeInTheDocument();
    expect(within(sewing).getByRole('button', { name: 'Override' })).toBeInTheDocument();
  });
});
