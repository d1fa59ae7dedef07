import type { Page } from '@playwright/test';
import { expect, mainNav, signIn, test } from './support';

async function expectNoAdmin(page: Page) {
  const nav = mainNav(page);
  await expect(nav.getByRole('link', { name: 'Warehouse' })).toBeVisible();
  await expect(nav.getByText('Admin', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Admin/ })).toHaveCount(0);

  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  await expect(page.getByText(/admin\.view/)).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
}

test.describe('what each role sees', () => {
  test('admin sees the Admin menu and the users table', async ({ page }) => {
    await signIn(page, 'admin');
    const nav = mainNav(page);
    await nav.getByText('Admin', { exact: true }).click();
    await nav.getByRole('link', { name: 'Users' }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    const table = page.getByRole('table', { name: 'Users' });
    await expect(table.getByRole('row', { name: /Adi Nugroho/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /Oki Setiawan/ })).toContainText('Viewer');
    await expect(page.getByRole('button', { name: 'New user' })).toBeVisible();

    await page.getByPlaceholder('Search by name or username').fill('sewing');
    await expect(table.getByRole('row', { name: /Joko Susilo/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /Adi Nugroho/ })).toHaveCount(0);
  });

  test('a user without admin.view has no Admin menu and no access to the admin pages', async ({ page }) => {
    await signIn(page, 'engineer');
    await expectNoAdmin(page);
  });

  // The viewer reads every business module but not users and the audit log (docs/decisions/0001).
  test('viewer sees the modules but no Admin menu', async ({ page }) => {
    await signIn(page, 'viewer');
    await expect(page.getByRole('button', { name: 'Account menu' })).toContainText('Viewer');
    await expectNoAdmin(page);
  });

  test('admin edits a role’s permissions and finds the change in the audit log', async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto('/admin/roles?role=qc_inspector');
    await expect(page.getByRole('heading', { name: 'Permissions of QC inspector' })).toBeVisible();
    const kanbanView = page.getByRole('checkbox', { name: 'Kanban: View' });
    await expect(kanbanView).not.toBeChecked();

    await kanbanView.check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Permissions of QC inspector saved')).toBeVisible();

    await page.goto('/admin/audit');
    // The audit log speaks words: "Role", "Updated", the role's name, the person, "Permissions".
    const row = page
      .getByRole('table', { name: 'Audit log' })
      .getByRole('row')
      .filter({ hasText: 'Role' })
      .filter({ hasText: 'Updated' })
      .first();
    await expect(row).toContainText('admin');
    await row.getByRole('button', { name: 'Show changes' }).click();
    await expect(page.getByRole('cell', { name: 'Permissions', exact: true })).toBeVisible();
  });
});
