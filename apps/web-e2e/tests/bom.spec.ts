import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, mainNav, signIn, test } from './support';

async function authHeaders(request: APIRequestContext, username: string) {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.ok()).toBe(true);
  return { authorization: `Bearer ${(await login.json()).accessToken}` };
}

/** Types into a searchable product select and picks the option whose code matches. */
async function pick(page: Page, name: string, code: string) {
  await page.getByRole('combobox', { name, exact: true }).fill(code);
  await page.getByRole('option', { name: new RegExp(`^${code}\\b`) }).click();
}

test.describe('bills of materials', () => {
  test('an engineer creates a BOM with two lines and a variant, saves a revision, and finds it in the history', async ({
    page,
    request,
  }) => {
    // Engineers may not register products; the warehouse registers the new WIP level.
    const code = `E2E_BEAR_WIP_CUTTING_${Date.now().toString(36).toUpperCase()}`;
    const product = await request.post('/api/v1/warehouse/products', {
      headers: await authHeaders(request, 'warehouse'),
      data: { code, name: 'E2E bear — cut parts', type: 'WIP', uom: 'PCS' },
    });
    expect(product.ok()).toBe(true);

    await signIn(page, 'engineer');
    await page.goto('/bom');
    await page.getByRole('link', { name: 'New BOM' }).click();
    await pick(page, 'Product', code);

    await pick(page, 'Component · Cutting line 1', 'IKHR504');
    const firstQuantity = page.getByRole('textbox', { name: 'Quantity · Cutting line 1 (IKHR504)' });
    await firstQuantity.fill('0.1');
    // Enter in a quantity adds the next line and puts the cursor on its component.
    await firstQuantity.press('Enter');
    await expect(
      page.getByRole('combobox', { name: 'Component · Cutting line 2', exact: true }),
    ).toBeFocused();
    await pick(page, 'Component · Cutting line 2', 'IPR301');
    await page.getByRole('textbox', { name: 'Quantity · Cutting line 2 (IPR301)' }).fill('0.25');

    await page.getByRole('button', { name: 'Department and variants · Cutting line 2 (IPR301)' }).click();
    await page.getByRole('button', { name: 'Add variant · Cutting line 2 (IPR301)' }).click();
    await pick(page, 'Material · variant 1 of Cutting line 2 (IPR301)', 'IPPR351');

    await page.getByRole('button', { name: 'Create BOM' }).click();
    await expect(page.getByText(`BOM for ${code} created`)).toBeVisible();
    await expect(page.getByRole('heading', { name: new RegExp(code) })).toBeVisible();

    const quantity = page.getByRole('textbox', { name: 'Quantity · Cutting line 1 (IKHR504)' });
    await expect(quantity).toHaveValue('0.1');
    await quantity.fill('0.12');
    await page.getByRole('button', { name: 'Save revision…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save revision 2' });
    await expect(dialog.getByRole('row', { name: /IKHR504/ })).toContainText('0.1 → 0.12');
    await dialog.getByLabel('Reason for this revision').fill('More kohair after the first cutting trial');
    await dialog.getByRole('button', { name: 'Save revision 2' }).click();
    await expect(page.getByText('Revision 2 saved')).toBeVisible();

    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('table', { name: 'Revisions' });
    const latest = history.getByRole('row', { name: /Rev\. 2/ });
    await expect(latest).toContainText('More kohair after the first cutting trial');
    await expect(latest).toContainText('engineer');
    await expect(latest).toContainText('WIB');
    await expect(
      page.getByRole('table', { name: 'Changes from revision 1 to 2' }).getByRole('row', { name: /IKHR504/ }),
    ).toContainText('Quantity: 0.1 → 0.12');
  });

  test('the explosion of AFTONSPARV for 450 pieces lists the planner’s material figures', async ({
    page,
  }) => {
    await signIn(page, 'engineer');
    await page.goto('/bom');
    await page.getByLabel('Product', { exact: true }).fill('40551542');
    await page.getByRole('link', { name: '40551542', exact: true }).click();
    await page.getByRole('tab', { name: 'Explosion' }).click();
    await page.getByLabel('Quantity to make').fill('450');

    const requirements = page.getByRole('table', { name: 'Materials needed' });
    await expect(page.getByText('Revision 1, for 450 PCS, wastage included')).toBeVisible();
    await expect(requirements.getByRole('row', { name: /IKP20157/ })).toContainText('24.3');
    await expect(requirements.getByRole('row', { name: /IKHR504/ })).toContainText('43.4215');
    await expect(page.getByRole('tree', { name: 'Structure' })).toContainText('AFTONSPARV_WIP_CUTTING');
  });

  test('leaving the BOM editor with unsaved edits asks first; staying keeps them, leaving discards them', async ({
    page,
  }) => {
    await signIn(page, 'engineer');
    await page.goto('/bom');
    await page.getByLabel('Product', { exact: true }).fill('40551542');
    await page.getByRole('link', { name: '40551542', exact: true }).click();
    const quantity = page.getByRole('textbox', { name: /^Quantity · / }).first();
    await expect(quantity).toBeVisible();
    const saved = await quantity.inputValue();
    const bomUrl = page.url();
    await quantity.fill('7.5');

    // A tab of the BOM page is a route: switching to it would drop the edit, so it asks.
    await page.getByRole('tab', { name: 'History' }).click();
    const prompt = page.getByRole('dialog', { name: 'Leave without saving?' });
    await expect(prompt).toBeVisible();
    await prompt.getByRole('button', { name: 'Stay and keep editing' }).click();
    await expect(prompt).toBeHidden();
    await expect(quantity).toHaveValue('7.5');

    await mainNav(page).getByRole('link', { name: 'Warehouse' }).click();
    await prompt.getByRole('button', { name: 'Leave and discard' }).click();
    await expect(page).toHaveURL(/\/warehouse/);
    await page.goto(bomUrl);
    await expect(page.getByRole('textbox', { name: /^Quantity · / }).first()).toHaveValue(saved);
  });
});
