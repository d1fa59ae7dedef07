import { PERMISSIONS } from '@kapok/contracts';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../lib/i18n';
import { renderWithApp, testUser } from '../../test/render';
import { Navigation } from './Navigation';

const viewer = testUser(
  PERMISSIONS.filter((p) => p.endsWith('.view') && p !== 'admin.view'),
  'viewer',
);

describe('Navigation', () => {
  afterEach(async () => {
    await setLanguage('en');
    localStorage.clear();
  });

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

  it('speaks Indonesian once chosen, and remembers the choice', async () => {
    await setLanguage('id');
    renderWithApp(<Navigation />);
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    for (const name of ['Beranda', 'Gudang', 'Produksi', 'Admin'])
      expect(within(nav).getByText(name)).toBeInTheDocument();
    expect(localStorage.getItem('kapok.language')).toBe('id');
    expect(document.documentElement.lang).toBe('id');
  });
});
