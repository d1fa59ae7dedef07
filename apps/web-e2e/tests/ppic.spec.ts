import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, mainNav, signIn, test } from './support';

const ARTICLE = '40551543'; // BLÅHAJ soft toy 100 shark

/** A signed-in user in a browser context of their own, with the live event stream open. */
async function signedIn(browser: Browser, username: string): Promise<Page> {
  const { baseURL, locale, timezoneId } = test.info().project.use;
  const context = await browser.newContext({
    baseURL,
    locale,
    timezoneId,
    viewport: { width: 1366, height: 900 },
  });
  const page = await context.newPage();
  const streamOpen = page.waitForResponse((r) => r.url().endsWith('/api/v1/events') && r.ok());
  await signIn(page, username);
  await streamOpen;
  return page;
}

/** On-hand of the article in the finished-goods warehouse, read through the warehouse stock API. */
async function finishedGoodsOnHand(request: APIRequestContext): Promise<number> {
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'ppic_admin', password: DEMO_PASSWORD },
  });
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const products = await (
    await request.get(`/api/v1/warehouse/products?code=${ARTICLE}`, { headers })
  ).json();
  const stock = await (
    await request.get(`/api/v1/warehouse/stock/${products.items[0].id}`, { headers })
  ).json();
  return (stock.balances as { locationCode: string; onHand: number }[])
    .filter((b) => b.locationCode === 'WH-FG')
    .reduce((sum, b) => sum + b.onHand, 0);
}

/** A factory day two weeks ahead (YYYY-MM-DD, WIB), for the due date. */
const inTwoWeeks = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(
    new Date(Date.now() + 14 * 86_400_000),
  );

test.describe('manufacturing orders', () => {
  test('ppic_admin plans BLÅHAJ, the manager approves it elsewhere, ppic_admin starts and completes it and the finished goods arrive', async ({
    browser,
    request,
  }) => {
    test.setTimeout(90_000);
    const before = await finishedGoodsOnHand(request);
    const planner = await signedIn(browser, 'ppic_admin');
    await mainNav(planner).getByRole('link', { name: 'PPIC' }).click();
    await expect(planner.getByRole('heading', { name: 'Manufacturing orders' })).toBeVisible();

    // Create: the explosion preview shows the materials for 12 pieces before the draft is saved.
    await planner.getByRole('button', { name: 'New MO' }).click();
    const form = planner.getByRole('dialog', { name: 'New manufacturing order' });
    await form.getByRole('combobox', { name: 'Product', exact: true }).fill(ARTICLE);
    await planner.getByRole('option', { name: new RegExp(ARTICLE) }).click();
    await form.getByRole('textbox', { name: 'Planned quantity' }).fill('12');
    await form.getByRole('radio', { name: /Route 2/ }).click();
    await form.getByLabel('Due date').fill(inTwoWeeks());
    await form.getByRole('textbox', { name: 'Destination' }).fill('Belgium / EU');
    const preview = form.getByRole('table', { name: 'Materials for this quantity' });
    await expect(preview.getByRole('row', { name: /IVBR210/ })).toContainText('7.1433 METER');
    await expect(form.getByText('All materials available')).toBeVisible();
    await form.getByRole('button', { name: 'Create draft' }).click();

    const created = planner.getByText(/^MO-\d{8}-\d{3} created as a draft$/);
    await expect(created).toBeVisible();
    const number = (await created.textContent())!.match(/MO-\d{8}-\d{3}/)![0];
    await expect(planner.getByRole('heading', { name: number })).toBeVisible();
    await expect(planner.getByTestId('mo-state')).toHaveText('Draft');
    // Whoever created the order cannot approve it.
    await expect(planner.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    const orderUrl = planner.url();

    // The manager, in another browser, approves it.
    const manager = await signedIn(browser, 'manager');
    await manager.goto(orderUrl);
    await expect(manager.getByTestId('mo-state')).toHaveText('Draft');
    await manager.getByRole('button', { name: 'Approve' }).click();
    const approve = manager.getByRole('dialog', { name: `Approve ${number}` });
    await approve.getByRole('textbox', { name: 'Notes (optional)' }).fill('Container week 50');
    await approve.getByRole('button', { name: 'Approve' }).click();
    await expect(manager.getByText(`${number} approved`)).toBeVisible();
    await expect(manager.getByTestId('mo-state')).toHaveText('Approved');
    await expect(manager.getByText('BOM rev. 1 frozen')).toBeVisible();
    await manager.context().close();

    // The planner's page follows without a reload, and offers Start now.
    await expect(planner.getByTestId('mo-state')).toHaveText('Approved');
    await expect(planner.getByRole('region', { name: 'History' })).toContainText('Container week 50');
    await planner.getByRole('button', { name: 'Start', exact: true }).click();
    await planner
      .getByRole('dialog', { name: `Start ${number}` })
      .getByRole('button', { name: 'Start production' })
      .click();
    await expect(planner.getByText(`${number} started: the work orders are on the lines`)).toBeVisible();
    await expect(planner.getByTestId('mo-state')).toHaveText('In progress');
    const cutting = planner.getByRole('group', { name: 'Work order of Cutting' });
    await expect(cutting).toContainText('Ready');
    await expect(planner.getByRole('group', { name: /^Work order of/ })).toHaveCount(4);

    // Complete with the 12 planned: no variance. No line has recorded output, so nothing is
    // pre-filled and the four open work orders are listed.
    await planner.getByRole('button', { name: 'Complete', exact: true }).click();
    const complete = planner.getByRole('dialog', { name: `Complete ${number}` });
    const made = complete.getByRole('textbox', { name: /Good pieces made/ });
    await expect(made).toHaveValue('');
    await expect(complete.getByTestId('open-work-orders')).toContainText('4 work orders are still open');
    await made.fill('12');
    await expect(complete.getByTestId('variance')).toContainText('exactly as planned');
    await complete.getByRole('button', { name: 'Complete order' }).click();
    await expect(planner.getByText(`${number} completed`)).toBeVisible();
    await expect(planner.getByTestId('mo-state')).toHaveText('Completed');
    await expect(planner.getByRole('region', { name: 'History' })).toContainText('Dewi Anggraini');

    expect(await finishedGoodsOnHand(request)).toBe(before + 12);
  });
});
