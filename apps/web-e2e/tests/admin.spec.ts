import { DEMO_PASSWORD, expect, signIn, test } from './support';

test.describe('administration', () => {
  test('admin creates a user, and a second user with the same name is refused inline', async ({
    page,
    consoleErrors,
  }) => {
    consoleErrors.allow(/status of 409 .*\/api\/v1\/admin\/users\)$/);
    await signIn(page, 'admin');
    await page.goto('/admin/users');

    const create = async () => {
      await page.getByRole('button', { name: 'New user' }).click();
      const dialog = page.getByRole('dialog', { name: 'New user' });
      await dialog.getByLabel('Username').fill('sewing_line2');
      await dialog.getByLabel('Full name').fill('Rina Marlina');
      await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill('Benang-Jarum-Kancing-77');
      await dialog.getByRole('combobox', { name: 'Role' }).click();
      await page.getByRole('option', { name: 'Department admin' }).click();
      await dialog.getByRole('combobox', { name: 'Department' }).click();
      await page.getByRole('option', { name: 'Sewing' }).click();
      await dialog.getByRole('button', { name: 'Create user' }).click();
      return dialog;
    };

    await create();
    await expect(page.getByText('User sewing_line2 created')).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Users' }).getByRole('row', { name: /Rina Marlina/ }),
    ).toContainText('Sewing');

    const dialog = await create();
    await expect(dialog.getByText('This username is already taken.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test('the users table follows a change made elsewhere, without reloading', async ({ page, request }) => {
    const streamOpen = page.waitForResponse((r) => r.url().endsWith('/api/v1/events') && r.ok());
    await signIn(page, 'admin');
    await streamOpen;
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByText('Admin', { exact: true }).click();
    await nav.getByRole('link', { name: 'Users' }).click();
    const table = page.getByRole('table', { name: 'Users' });
    // More users than one page holds: find her by name, as an administrator would.
    await page.getByRole('textbox', { name: 'Search by name or username' }).fill('Gita');
    await expect(table.getByRole('row', { name: /Gita Permata/ })).toBeVisible();

    // Another administrator renames the user through the API.
    const login = await request.post('/api/v1/auth/login', {
      data: { username: 'admin', password: DEMO_PASSWORD },
    });
    const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
    const { items } = await (await request.get('/api/v1/admin/users?search=wh_operator', { headers })).json();
    const renamed = await request.put(`/api/v1/admin/users/${items[0].id}`, {
      headers,
      data: { version: items[0].version, fullName: 'Gita Permata Sari' },
    });
    expect(renamed.ok()).toBe(true);

    await expect(table.getByRole('row', { name: /Gita Permata Sari/ })).toBeVisible();
  });
});
