import { expect, signIn, test } from './support';

test.describe('list pages', () => {
  test('the sales order list keeps its filter and sort in the address: back from an order finds them again', async ({
    page,
  }) => {
    await signIn(page, 'admin');
    await page.goto('/sales');
    await expect(page.getByRole('heading', { name: 'Sales orders', exact: true })).toBeVisible();

    await page.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: 'Confirmed', exact: true }).click();
    await expect(page).toHaveURL(/\/sales\?state=CONFIRMED$/);
    const table = page.getByRole('table', { name: 'Sales orders' });
    const rows = table.getByRole('row').filter({ has: page.getByRole('link') });
    await expect(rows.first()).toBeVisible();
    await expect(rows.filter({ hasNotText: 'Confirmed' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Sort by Number' }).click();
    await expect(page).toHaveURL(/\/sales\?state=CONFIRMED&sort=number$/);
    const first = (await rows.first().getByRole('link').textContent())!;
    await rows.first().getByRole('link').click();
    await expect(page.getByRole('heading', { name: first })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/\/sales\?state=CONFIRMED&sort=number$/);
    await expect(page.getByRole('combobox', { name: 'State' })).toHaveValue('Confirmed');
    await expect(rows.first().getByRole('link')).toHaveText(first);

    // A search that finds nothing says so, and the search is in the address too.
    await page.getByRole('textbox', { name: 'Search' }).fill('NO-SUCH-ORDER');
    await expect(page.getByText('No sales order matches')).toBeVisible();
    await expect(page).toHaveURL(/q=NO-SUCH-ORDER/);
  });
});
