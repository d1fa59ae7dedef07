import { expect, signIn, test } from './support';

test.describe('roles', () => {
  test('admin copies a role, adjusts the copy, and a taken name is refused inline', async ({
    page,
    consoleErrors,
  }) => {
    consoleErrors.allow(/status of 409 .*\/api\/v1\/admin\/roles\)$/);
    await signIn(page, 'admin');
    await page.goto('/admin/roles?role=ppic_admin');

    await page.getByRole('button', { name: 'Copy role' }).click();
    const dialog = page.getByRole('dialog', { name: 'Copy PPIC admin' });
    await expect(dialog.getByLabel('Name')).toHaveValue('PPIC admin (copy)');
    await dialog.getByLabel('Name').fill('Night planner');
    // The code follows the name until it is typed over.
    await expect(dialog.getByLabel('Code')).toHaveValue('night_planner');
    await dialog.getByRole('button', { name: 'Create role' }).click();
    await expect(page.getByText('Role Night planner created')).toBeVisible();

    // The new role is selected, with the copied permissions; one more is ticked and saved.
    await expect(page.getByRole('heading', { name: 'Permissions of Night planner' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'PPIC: Create' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'PPIC: Approve' })).not.toBeChecked();
    await page.getByRole('checkbox', { name: 'PPIC: Approve' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Permissions of Night planner saved')).toBeVisible();

    await page.getByRole('button', { name: 'New role' }).click();
    const second = page.getByRole('dialog', { name: 'New role' });
    await second.getByLabel('Name').fill('night PLANNER');
    await second.getByLabel('Code').fill('night_planner_2');
    await second.getByRole('button', { name: 'Create role' }).click();
    // Names are unique ignoring case: the refusal stands under the name, and nothing was created.
    await expect(second.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    await expect(second.getByText(/already exists/)).toBeVisible();
    await expect(second.getByLabel('Code')).not.toHaveAttribute('aria-invalid', 'true');
    await second.getByRole('button', { name: 'Cancel' }).click();
  });
});
