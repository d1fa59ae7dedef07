import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp, stubFetch, testUser } from '../../../test/render';
import type { LineBlock } from '../api';
import { LineAlertsPage } from './LineAlertsPage';

const onLine = {
  moId: '00000000-0000-4000-8000-0000000000c1',
  batchNumber: 'MO-20261126-014',
  articleCode: '40551544',
  destination: 'Japan',
  week: '48-2026',
  quantity: 240,
};
const block: LineBlock = {
  id: '00000000-0000-4000-8000-0000000000f1',
  department: 'EMBROIDERY',
  fromDepartment: 'CUTTING',
  fromWorkOrderId: '00000000-0000-4000-8000-0000000000e1',
  moId: '00000000-0000-4000-8000-0000000000c2',
  batchNumber: 'MO-20261126-015',
  quantity: 96,
  onLine: [onLine],
  state: 'OPEN',
  attempts: 1,
  lineCleared: false,
  sentBy: null,
  resolvedBy: null,
  overrideReason: null,
  handoverId: null,
  escalations: [
    { step: 1, recipient: 'LINE_SUPERVISOR', firedAt: '2026-11-26T02:00:00.000Z' },
    { step: 2, recipient: 'PPIC_MANAGER', firedAt: '2026-11-26T02:30:00.000Z' },
  ],
  createdAt: '2026-11-26T02:00:00.000Z',
  lastAttemptAt: '2026-11-26T02:00:00.000Z',
  resolvedAt: null,
  updatedAt: '2026-11-26T02:30:00.000Z',
};

describe('LineAlertsPage', () => {
  it('lists an open block with what holds it up, and the escalations that fired', async () => {
    const { fetch } = stubFetch(() => ({
      status: 200,
      body: {
        blocks: [block],
        alarms: [],
        escalations: [
          {
            id: '00000000-0000-4000-8000-0000000000a2',
            subjectType: 'line_block',
            subjectId: block.id,
            department: 'EMBROIDERY',
            batchNumber: block.batchNumber,
            open: true,
            step: 2,
            recipient: 'PPIC_MANAGER',
            firedAt: '2026-11-26T02:30:00.000Z',
          },
        ],
      },
    }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<LineAlertsPage />, { user: testUser(['production.view'], 'manager') });

    const open = await screen.findByRole('table', { name: 'Open on the lines' });
    const row = within(open).getByRole('row', { name: /MO-20261126-015/ });
    expect(within(row).getByText('Blocked')).toBeInTheDocument();
    expect(within(row).getByText('Embroidery')).toBeInTheDocument();
    expect(within(row).getByText('from Cutting · 96 pcs')).toBeInTheDocument();
    expect(within(row).getByText('MO-20261126-014 · 40551544 · Japan · week 48-2026')).toBeInTheDocument();
    expect(within(row).getByText('line supervisor → PPIC manager')).toBeInTheDocument();

    const escalations = screen.getByRole('table', { name: 'Escalations' });
    const fired = within(escalations).getByRole('row', { name: /MO-20261126-015/ });
    expect(within(fired).getByText('2 · PPIC manager')).toBeInTheDocument();
    expect(within(fired).getByText('Still open')).toBeInTheDocument();
  });

  it('says what to expect when nothing is open', async () => {
    const { fetch } = stubFetch(() => ({ status: 200, body: { blocks: [], alarms: [], escalations: [] } }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<LineAlertsPage />, { user: testUser(['production.view'], 'manager') });
    expect(await screen.findByText('No line is blocked, no alarm is open')).toBeInTheDocument();
    expect(screen.getByText('Nothing escalated')).toBeInTheDocument();
  });
});
