import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { errorBody, renderWithApp, stubFetch, testUser } from '../../../test/render';
import type { SubconAlert } from '../../subcon/api';
import type { StockAlert } from '../api';
import { AlertsPage } from './AlertsPage';
import { NoTransitions, page } from './test-data';

const overdue: SubconAlert = {
  id: '00000000-0000-4000-8000-000000000601',
  gatePassId: '00000000-0000-4000-8000-0000000000a1',
  number: 'GPO-20261118-0002',
  batchNumber: 'MO-20261118-011',
  partner: { id: '00000000-0000-4000-8000-0000000000b1', code: 'SUB-JM', name: 'CV Jahit Makmur' },
  agreedDays: 14,
  dueAt: '2026-12-02T03:00:00.000Z',
  outstandingQuantity: 1240,
  status: 'OPEN',
  resolvedAt: null,
  createdAt: '2026-12-02T03:00:01.000Z',
  updatedAt: '2026-12-02T03:00:01.000Z',
};

const alert: StockAlert = {
  id: '00000000-0000-4000-8000-000000000501',
  productId: '00000000-0000-4000-8000-000000000161',
  productCode: 'IKP20161',
  productName: 'RECYCLE 15D FIBRE (YELLOW BAG)',
  locationId: null,
  locationCode: null,
  level: 'CRITICAL',
  status: 'OPEN',
  availableAtOpen: 22,
  availableNow: 22,
  uom: 'KG',
  openedAt: '2026-11-26T01:05:00.000Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
  acknowledgeNote: null,
  resolvedAt: null,
  createdAt: '2026-11-26T01:05:00.000Z',
  updatedAt: '2026-11-26T01:05:00.000Z',
};

function stubAlerts(acknowledge: { status: number; body?: unknown }, subconAlerts: SubconAlert[] = []) {
  const { fetch, requests } = stubFetch((request) =>
    request.method === 'POST'
      ? acknowledge
      : new URL(request.url).pathname === '/api/v1/subcon/alerts'
        ? { status: 200, body: { items: subconAlerts, total: subconAlerts.length } }
        : { status: 200, body: page([alert]) },
  );
  vi.stubGlobal('fetch', fetch);
  return requests;
}

describe('AlertsPage', { timeout: 15_000 }, () => {
  it('lists open alerts in factory time, and acknowledges one with a note', async () => {
    const requests = stubAlerts({ status: 200, body: { ...alert, status: 'ACKNOWLEDGED' } });
    renderWithApp(
      <NoTransitions>
        <AlertsPage />
      </NoTransitions>,
    );

    const row = await screen.findByRole('row', { name: /IKP20161/ });
    expect(within(row).getByText('Critical')).toBeInTheDocument();
    expect(within(row).getByText('All warehouse racks')).toBeInTheDocument();
    expect(within(row).getByText('22 KG')).toBeInTheDocument();
    expect(within(row).getByText('26 Nov 2026, 08:05 WIB')).toBeInTheDocument();
    const list = requests.find(
      (r) =>
        r.method === 'GET' &&
        new URL(r.url).pathname === '/api/v1/warehouse/alerts' &&
        !new URL(r.url).searchParams.has('limit', '1'),
    )!;
    expect(new URL(list.url).searchParams.get('status')).toBe('OPEN');

    await userEvent.click(within(row).getByRole('button', { name: 'Acknowledge the alert for IKP20161' }));
    const dialog = screen.getByRole('dialog', { name: 'Acknowledge stock alert' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Fibre ordered, PO 2611-045');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe(`/api/v1/warehouse/alerts/${alert.id}/acknowledge`);
    expect(await post.json()).toEqual({ note: 'Fibre ordered, PO 2611-045' });
  });

  it('explains an alert that was no longer open', async () => {
    stubAlerts({ status: 409, body: errorBody(409, 'INVALID_STATE', 'The alert is RESOLVED') });
    renderWithApp(
      <NoTransitions>
        <AlertsPage />
      </NoTransitions>,
    );
    const row = await screen.findByRole('row', { name: /IKP20161/ });
    await userEvent.click(within(row).getByRole('button', { name: /Acknowledge/ }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Acknowledge' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This alert is no longer open');
  });

  it('shows no acknowledge action to a user without warehouse.update', async () => {
    stubAlerts({ status: 200 });
    renderWithApp(<AlertsPage />, {
      user: testUser(['warehouse.view', 'warehouse.create'], 'warehouse_operator'),
    });
    const row = await screen.findByRole('row', { name: /IKP20161/ });
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });

  it('lists the passes overdue at a subcontractor: partner, pass link, pieces still out, due date, days overdue', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-05T04:00:00.000Z') });
    try {
      const requests = stubAlerts({ status: 200 }, [overdue]);
      renderWithApp(<AlertsPage />);

      const table = await screen.findByRole('table', { name: 'Overdue at subcontractors' });
      const row = await within(table).findByRole('row', { name: /GPO-20261118-0002/ });
      expect(within(row).getByText('CV Jahit Makmur')).toBeInTheDocument();
      expect(within(row).getByRole('link', { name: 'GPO-20261118-0002' })).toHaveAttribute(
        'href',
        `/warehouse/gate-passes/${overdue.gatePassId}`,
      );
      expect(within(row).getByText('1,240')).toBeInTheDocument();
      expect(within(row).getByText('2 Dec 2026, 10:00 WIB')).toBeInTheDocument();
      expect(within(row).getByText('agreed 14 days')).toBeInTheDocument();
      expect(within(row).getByText('3 days')).toBeInTheDocument();
      const list = requests.find((r) => new URL(r.url).pathname === '/api/v1/subcon/alerts')!;
      expect(new URL(list.url).searchParams.get('status')).toBe('OPEN');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says what to expect when nothing is overdue at the subcontractors', async () => {
    stubAlerts({ status: 200 }, []);
    renderWithApp(<AlertsPage />);
    expect(await screen.findByText('Nothing overdue at the subcontractors')).toBeInTheDocument();
    expect(
      screen.getByText(/An overdue pass appears here as soon as its due date passes/),
    ).toBeInTheDocument();
  });
});
