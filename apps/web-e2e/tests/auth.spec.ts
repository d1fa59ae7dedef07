import { expect, mainNav, signIn, signOut, test } from './support';

test.describe('signing in and out', () => {
  test('a wrong password is refused with a clear message', async ({ page, consoleErrors }) => {
    consoleErrors.allow(/status of 401 .*\/api\/v1\/auth\/login\)$/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await page.getByLabel('Username').fill('engineer');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page.getByRole('alert')).toContainText('Wrong username or password.');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('button', { name: 'Account menu' })).toHaveCount(0);
  });

  test('the session survives a page reload through the refresh cookie', async ({ page }) => {
    await signIn(page, 'manager');
    await page.goto('/kanban');
    await expect(page.getByRole('heading', { name: 'Kanban', level: 2 })).toBeVisible();

    await page.reload();

    await expect(page).toHaveURL(/\/kanban$/);
    await expect(page.getByRole('heading', { name: 'Kanban', level: 2 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Account menu' })).toContainText('Budi Santoso');
    // The access token lives in memory only.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toMatch(/ey[A-Za-z0-9_-]{10,}\./);
  });

  test('signing out returns to the login page, and a reload does not bring the session back', async ({
    page,
  }) => {
    await signIn(page, 'warehouse');
    await expect(mainNav(page).getByRole('link', { name: 'Warehouse' })).toBeVisible();

    await signOut(page);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByText('You have signed out.')).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
    await page.goto('/warehouse');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('button', { name: 'Account menu' })).toHaveCount(0);
  });

  test('after signing in, the user lands on the page they asked for', async ({ page }) => {
    await page.goto('/admin/audit');
    await expect(page).toHaveURL(/\/login$/);
    await signIn(page, 'admin');
    await expect(page).toHaveURL(/\/admin\/audit$/);
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  });
});
