import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp, stubFetch } from '../../../test/render';
import type { Partner } from '../api';
import { PartnerFormModal } from './PartnerFormModal';

const at = '2026-12-01T08:00:00.000Z';
const subcontractor: Partner = {
  id: '00000000-0000-4000-8000-000000000501',
  code: 'SUB-SEWING',
  name: 'CV Jahit Makmur',
  type: 'SUBCONTRACTOR',
  address: null,
  contact: null,
  email: null,
  phone: null,
  transitDays: 0,
  leadTimeDays: 5,
  subcontractAgreedDays: 10,
  active: true,
  version: 3,
  createdAt: at,
  updatedAt: at,
};

// Mantine inputs and typing take a few seconds in jsdom on a busy machine.
describe('PartnerFormModal', { timeout: 20_000 }, () => {
  it("edits a subcontractor's agreed days (the overdue alert's limit) and sends them with the version read", async () => {
    const { fetch, requests } = stubFetch((request) =>
      request.method === 'PUT'
        ? { status: 200, body: { ...subcontractor, subcontractAgreedDays: 21, version: 4 } }
        : { status: 200, body: subcontractor },
    );
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<PartnerFormModal opened onClose={() => undefined} partner={subcontractor} />);

    const days = await screen.findByRole('textbox', { name: 'Agreed days at the subcontractor' });
    expect(days).toHaveValue('10');
    expect(screen.queryByRole('textbox', { name: 'Lead time (days)' })).not.toBeInTheDocument();
    await userEvent.clear(days);
    await userEvent.type(days, '21');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe(`/api/v1/partners/${subcontractor.id}`);
    expect(await put.json()).toMatchObject({
      type: 'SUBCONTRACTOR',
      subcontractAgreedDays: 21,
      leadTimeDays: 5,
      version: 3,
    });
  });
});
