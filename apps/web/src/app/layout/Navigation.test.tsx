import { PERMISSIONS } from '@kapok/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp, testUser } from '../../test/render';
import { Navigation } from './Navigation';

const viewer = testUser(
  PERMISSIONS.filter((p) => p.endsWith('.view') && p !== 'admin.view'),
  'viewer',
);

describe('Navigation', () => {
  it('shows every module, Admin included, to a user holding all permissions', () => {
    renderWithApp(<Navigation />);
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    for (const name of ['Home', 'Warehouse', 'BOM', 'PPIC', 'Production', 'Kanban', 'Admin'])
      expect(within(nav).getByText(name)).toBeInTheDocument();
  });

  it('hides Admin from a user without admin.view', () => {
    renderWithApp(<Navigation />, { user: viewer });
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Warehouse' })).toHaveAttribute('href', '/warehouse');
    expect(within(nav).queryByText('Admin')).not.toBeInTheDocument();
    expect(within(nav).queryByText('Users')).not.toBeInTheDocument();
  });

  it('shows a warehouse operator only the modules of their role', () => {
    renderWithApp(<Navigation />, {
      user: testUser(
        ['warehouse.view', 'warehouse.create', 'kanban.view', 'kanban.update'],
        'warehouse_operator',
      ),
    });
    const links = within(screen.getByRole('navigation'))
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(links).toEqual(['Home', 'Warehouse', 'Kanban']);
  });
});
