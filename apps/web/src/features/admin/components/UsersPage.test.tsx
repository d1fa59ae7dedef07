import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp, stubFetch, testUser } from '../../../test/render';
import { UsersPage } from './UsersPage';

const user = {
  id: '00000000-0000-4000-8000-0000000000b1',
  username: 'sewing',
  fullName: 'Joko Susilo',
  role: 'dept_admin',
  department: 'SEWING',
  active: true,
  lastLoginAt: '2025-11-26T01:30:00.000Z',
  version: 1,
  createdAt: '2025-11-01T00:00:00.000Z',
  updatedAt: '2025-11-01T00:00:00.000Z',
};
const roles = [{ ...user, code: 'dept_admin', name: 'Department admin', permissions: [], userCount: 1 }];

function stubApi() {
  const { fetch, requests } = stubFetch((r) =>
    new URL(r.url).pathname === '/api/v1/admin/roles'
      ? { status: 200, body: { items: roles, total: 1, skip: 0, limit: 50 } }
      : { status: 200, body: { items: [user], total: 1, skip: 0, limit: 20 } },
  );
  vi.stubGlobal('fetch', fetch);
  return requests;
}

describe('UsersPage', () => {
  it('lists users with role names, departments and Jakarta times', async () => {
    const requests = stubApi();
    renderWithApp(<UsersPage />);

    const row = await screen.findByRole('row', { name: /Joko Susilo/ });
    expect(within(row).getByText('Department admin')).toBeInTheDocument();
    expect(within(row).getByText('Sewing')).toBeInTheDocument();
    expect(within(row).getByText('26 Nov 2025, 08:30 WIB')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New user' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Edit sewing' })).toBeInTheDocument();
    const list = requests.find((r) => new URL(r.url).pathname === '/api/v1/admin/users')!;
    expect(Object.fromEntries(new URL(list.url).searchParams)).toEqual({ skip: '0', limit: '20' });
  });

  it('shows no create or edit buttons to a user who may only view', async () => {
    stubApi();
    renderWithApp(<UsersPage />, { user: testUser(['admin.view'], 'auditor') });

    const row = await screen.findByRole('row', { name: /Joko Susilo/ });
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New user' })).not.toBeInTheDocument();
  });
});
