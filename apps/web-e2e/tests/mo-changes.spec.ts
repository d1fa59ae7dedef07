import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, signIn, test } from './support';

const ARTICLE = '40551543'; // BLÅHAJ soft toy 100 shark

/** The API as a demo user, for the steps a test is not about. */
async function apiAs(request: APIRequestContext, username: string) {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const ok = async (method: 'get' | 'post', path: string, data?: unknown) => {
    const res = await request[method](`/api/v1${path}`, { headers, data });
    expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
    return res.json();
  };
  return { ok };
}

/** A DRAFT of the article by ppic_admin, approved by the manager (and started, if asked). */
async function approvedOrder(request: APIRequestContext, quantity: number, start = false) {
  const planner = await apiAs(request, 'ppic_admin');
  const manager = await apiAs(request, 'manager');
  const product = (await planner.ok('get', `/warehouse/products?code=${ARTICLE}`)).items[0];
  const mo = await planner.ok('post', '/ppic/tasks', {
    productId: product.id,
    plannedQuantity: quantity,
    route: 'ROUTE_2',
    destination: 'Belgium / EU',
  });
  await manager.ok('post', `/ppic/tasks/${mo.id}/approve`, {});
  if (start) await planner.ok('post', `/ppic/tasks/${mo.id}/start`, {});
  return mo as { id: string; batchNumber: string };
}

async function signedIn(browser: Browser, username: string, width = 1440, height = 900): Promise<Page> {
  const { baseURL, locale, timezoneId } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId, viewport: { width, height } });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

test.describe('manufacturing order changes', () => {
  test('the manager sees the material check of an approved order and returns it to draft with a reason; the planner edits the draft', async ({
    browser,
    request,
  }) => {
    test.setTimeout(90_000);
    const mo = await approvedOrder(request, 10);
    const manager = await signedIn(browser, 'manager');
    await manager.goto(`/ppic/orders/${mo.id}`);
    await expect(manager.getByTestId('mo-state')).toHaveText('Approved');
    // The shortage check stays visible after approval (free stock against the frozen needs).
    await expect(manager.getByTestId('approved-material-check')).toBeVisible();
    await expect(manager.getByRole('columnheader', { name: 'Free now' })).toBeVisible();
    await manager.screenshot({ path: test.info().outputPath('mo-approved-check.png') });

    await manager.getByRole('button', { name: 'Return to draft' }).click();
    const dialog = manager.getByRole('dialog', { name: `Return ${mo.batchNumber} to draft` });
    await dialog.getByRole('button', { name: 'Return to draft' }).click();
    await expect(dialog.getByText('Say why the order goes back (at least 3 characters)')).toBeVisible();
    await dialog.getByRole('textbox', { name: /Reason/ }).fill('Buyer cut the forecast to 8');
    await dialog.getByRole('button', { name: 'Return to draft' }).click();
    await expect(manager.getByText(`${mo.batchNumber} returned to draft`)).toBeVisible();
    await expect(manager.getByTestId('mo-state')).toHaveText('Draft');
    const history = manager.getByRole('region', { name: 'History' });
    await expect(history).toContainText('Returned to draft');
    await expect(history).toContainText('Buyer cut the forecast to 8');
    await manager.context().close();

    const planner = await signedIn(browser, 'ppic_admin');
    await planner.goto(`/ppic/orders/${mo.id}`);
    await expect(planner.getByTestId('mo-state')).toHaveText('Draft');
    await planner.getByRole('button', { name: 'Edit draft' }).click();
    const form = planner.getByRole('dialog', { name: `Edit ${mo.batchNumber}` });
    const quantity = form.getByRole('textbox', { name: 'Planned quantity' });
    await expect(quantity).toHaveValue('10');
    await quantity.fill('8.5');
    await expect(form.getByText(/counted whole/)).toBeVisible();
    await quantity.fill('8');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(planner.getByText(`${mo.batchNumber} saved`)).toBeVisible();
    await expect(planner.getByRole('region', { name: 'Order', exact: true })).toContainText('8 PCS');
    await expect(planner.getByRole('region', { name: 'History' })).toContainText('Edited');
    await planner.context().close();
  });

  test('cutting records good and rejected pieces on the line tablet; the planner completes the order with a variance and a quality note', async ({
    browser,
    request,
  }) => {
    test.setTimeout(90_000);
    const mo = await approvedOrder(request, 10, true);

    const line = await signedIn(browser, 'cutting', 1024, 768);
    await line.goto('/production');
    const card = line.getByRole('article', { name: new RegExp(`^${mo.batchNumber} · `) });
    await card.getByRole('button', { name: 'Start' }).click();
    await card.getByRole('button', { name: 'Record output' }).click();
    const output = line.getByRole('dialog', { name: `Record output · ${mo.batchNumber}` });
    await output.getByRole('textbox', { name: 'Good', exact: true }).fill('7');
    await output.getByRole('textbox', { name: 'Reject', exact: true }).fill('2');
    await output.getByRole('textbox', { name: 'Reject reason' }).fill('Fabric flaw on the lay');
    const submit = output.getByRole('button', { name: 'Record' });
    const box = (await submit.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await line.screenshot({ path: test.info().outputPath('output-tablet.png') });
    await submit.click();
    await expect(line.getByText(`7 good and 2 rejected pieces recorded for ${mo.batchNumber}`)).toBeVisible();
    await line.context().close();

    const planner = await signedIn(browser, 'ppic_admin');
    await planner.goto(`/ppic/orders/${mo.id}`);
    await planner.getByRole('button', { name: 'Complete', exact: true }).click();
    const complete = planner.getByRole('dialog', { name: `Complete ${mo.batchNumber}` });
    const made = complete.getByRole('textbox', { name: /Good pieces made/ });
    await made.fill('8');
    await expect(complete.getByTestId('variance')).toContainText('fewer than planned');
    await complete.getByRole('button', { name: 'Complete order' }).click();
    await expect(
      complete.getByText(
        'Beyond the tolerance: say in the quality note why the count differs (at least 3 characters)',
      ),
    ).toBeVisible();
    await complete
      .getByRole('textbox', { name: /Quality note/ })
      .fill('Two rejected at cutting: fabric flaw');
    await complete.getByRole('button', { name: 'Complete order' }).click();
    await expect(planner.getByTestId('mo-state')).toHaveText('Completed');
    await expect(planner.getByText(/^Produced 8 .*against 10 .*planned/).first()).toBeVisible();
    await planner.context().close();
  });
});
