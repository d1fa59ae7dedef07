import { expect, signIn, test } from './support';

test.describe('audit log', () => {
  test('shows changes in words with document numbers that open the document, filtered by module and person', async ({
    page,
  }) => {
    await signIn(page, 'admin');
    await page.goto('/admin/audit');
    const table = page.getByRole('table', { name: 'Audit log' });
    await expect(table).toBeVisible();
    // Sign-ins are hidden by default: no row says so.
    await expect(table.getByText('Signed in', { exact: true })).toHaveCount(0);

    await page.getByRole('combobox', { name: 'Module' }).click();
    await page.getByRole('option', { name: 'PPIC', exact: true }).click();
    const approved = table.getByRole('row').filter({ hasText: 'Approved' }).first();
    await expect(approved).toContainText('Manufacturing order');
    await expect(table.getByText('manufacturing_order.approved')).toHaveCount(0);
    const number = approved.getByRole('link', { name: /^MO-\d{8}-\d{3}$/ });
    const label = (await number.textContent())!;

    // The details name the fields in words.
    await approved.getByRole('button', { name: 'Show changes' }).click();
    await expect(page.getByRole('cell', { name: 'State', exact: true })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'state', exact: true })).toHaveCount(0);

    // A person's sign-ins, once asked for.
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByRole('combobox', { name: 'Actor' }).click();
    await page.getByRole('option', { name: /\(admin\)$/ }).click();
    await page.getByRole('switch', { name: 'Show sign-ins' }).check();
    const signIns = table.getByRole('row').filter({ hasText: 'Signed in' });
    await expect(signIns.first()).toContainText('admin');
    await expect(signIns.first().getByRole('link', { name: 'admin', exact: true })).toBeVisible();
    await page.getByRole('switch', { name: 'Show sign-ins' }).uncheck();

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByRole('combobox', { name: 'Module' }).click();
    await page.getByRole('option', { name: 'PPIC', exact: true }).click();
    await table.getByRole('link', { name: label }).first().click();
    await expect(page).toHaveURL(/\/ppic\/orders\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: new RegExp(label) })).toBeVisible();
  });

  test('speaks Indonesian: actions, entities and fields', async ({ page }) => {
    await signIn(page, 'admin');
    await page.evaluate(() => localStorage.setItem('kapok.language', 'id'));
    await page.goto('/admin/audit');
    const table = page.getByRole('table', { name: 'Log audit' });
    await page.getByRole('combobox', { name: 'Entitas' }).click();
    await page.getByRole('option', { name: 'Perintah kerja', exact: true }).click();
    const row = table.getByRole('row').filter({ hasText: 'Hasil dicatat' }).first();
    await expect(row).toContainText('Perintah kerja');
    await row.getByRole('button', { name: 'Tampilkan perubahan' }).click();
    await expect(page.getByRole('cell', { name: 'Jumlah baik', exact: true })).toBeVisible();
  });
});
