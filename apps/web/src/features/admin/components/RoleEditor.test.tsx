import { PERMISSIONS, type Permission } from '@kapok/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { errorBody, renderWithApp, stubFetch, testUser } from '../../../test/render';
import type { Role } from '../api';
import { RoleEditor } from './RoleEditor';

const role = (permissions: Permission[], code = 'line_lead'): Role => ({
  id: '00000000-0000-4000-8000-0000000000aa',
  code,
  name: 'Line lead',
  permissions,
  userCount: 3,
  version: 4,
  createdAt: '2025-11-01T00:00:00.000Z',
  updatedAt: '2025-11-01T00:00:00.000Z',
});

describe('RoleEditor permission matrix', () => {
  it('toggles single permissions and whole modules, then saves them with the version read', async () => {
    const { fetch, requests } = stubFetch((request) => ({
      status: 200,
      body: { ...role([]), version: 5, permissions: [] as string[], _method: request.method },
    }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<RoleEditor role={role(['warehouse.view', 'kanban.view', 'kanban.update'])} />);

    const save = screen.getByRole('button', { name: 'Save changes' });
    expect(save).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Warehouse: View' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Kanban: All' })).toHaveAttribute(
      'data-indeterminate',
      'true',
    );

    await userEvent.click(screen.getByRole('checkbox', { name: 'Warehouse: Create' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Kanban: Update' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'BOM: All' }));
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    await userEvent.click(save);

    await waitFor(() => expect(requests).toHaveLength(1));
    const request = requests[0]!;
    expect(request.method).toBe('PUT');
    expect(new URL(request.url).pathname).toBe('/api/v1/admin/roles/line_lead');
    expect(await request.json()).toEqual({
      version: 4,
      permissions: [
        'warehouse.view',
        'warehouse.create',
        'bom.view',
        'bom.create',
        'bom.update',
        'bom.delete',
        'bom.approve',
        'kanban.view',
      ],
    });
  });

  it('shows the refusal when superadmin would lose a permission', async () => {
    const { fetch } = stubFetch(() => ({
      status: 409,
      body: errorBody(409, 'ROLE_PROTECTED', 'superadmin keeps every permission'),
    }));
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<RoleEditor role={role([...PERMISSIONS], 'superadmin')} />);

    await userEvent.click(screen.getByRole('checkbox', { name: 'Admin: Delete' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The superadmin role must keep every permission.',
    );
  });

  it('is read-only without admin.update', () => {
    renderWithApp(<RoleEditor role={role(['warehouse.view'])} />, {
      user: testUser(['admin.view'], 'auditor'),
    });
    expect(screen.getByRole('checkbox', { name: 'Warehouse: View' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
    expect(screen.getByText('You can view these permissions but not change them.')).toBeInTheDocument();
  });
});
