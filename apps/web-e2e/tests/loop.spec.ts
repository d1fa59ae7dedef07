import type { Browser, Page } from '@playwright/test';
import { expect, mainNav, signIn, test } from './support';

const ARTICLE = '40551544'; // KRAMIG soft toy tiger
const CUSTOMER_PO = 'E2E-4500900001';
const LOT = 'E2E-LOT-0001';

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

/** Picks an option of a Mantine select by its accessible name. */
async function choose(page: Page, field: ReturnType<Page['getByRole']>, option: RegExp | string) {
  await field.click();
  await page.getByRole('option', { name: option }).first().click();
}

test.describe('the loop: order, plan, buy, receive', () => {
  test('a merchandiser confirms an order, a planner runs MRP and releases, a purchasing manager approves the PO, the warehouse receives it and the stock page shows the new lot', async ({
    browser,
  }) => {
    test.setTimeout(150_000);

    // 1. The merchandiser enters the buyer's order and confirms it.
    const merchandiser = await signedIn(browser, 'merchandiser');
    await mainNav(merchandiser).getByRole('link', { name: 'Sales orders' }).click();
    await merchandiser.getByRole('link', { name: 'New sales order' }).click();
    await expect(merchandiser.getByRole('heading', { name: 'New sales order' })).toBeVisible();
    await choose(merchandiser, merchandiser.getByRole('combobox', { name: 'Customer', exact: true }), /IKEA/);
    await expect(merchandiser.getByText('21 days transit to the port')).toBeVisible();
    await merchandiser.getByRole('textbox', { name: 'Customer PO', exact: true }).fill(CUSTOMER_PO);
    await choose(
      merchandiser,
      merchandiser.getByRole('combobox', { name: 'Article of line 1', exact: true }),
      new RegExp(ARTICLE),
    );
    const week = merchandiser.getByRole('combobox', { name: 'Delivery week of line 1', exact: true });
    await week.click();
    await merchandiser.getByRole('option').nth(8).click();
    await choose(
      merchandiser,
      merchandiser.getByRole('combobox', { name: 'Destination of line 1', exact: true }),
      'EU',
    );
    await merchandiser.getByRole('textbox', { name: 'Quantity of line 1', exact: true }).fill('480');
    // The ex-factory date is the Monday of the delivery week minus IKEA's 21 transit days.
    await expect(merchandiser.getByTestId('ex-factory-1')).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
    await merchandiser.getByRole('button', { name: 'Create draft' }).click();
    const soHeading = merchandiser.getByRole('heading', { name: /^SO-\d{8}-\d{4}$/ });
    await expect(soHeading).toBeVisible();
    await expect(merchandiser.getByTestId('so-state')).toHaveText('Draft');
    await merchandiser.getByRole('button', { name: 'Confirm' }).click();
    await expect(merchandiser.getByTestId('so-state')).toHaveText('Confirmed');
    await expect(merchandiser.getByRole('row', { name: new RegExp(ARTICLE) })).toContainText(
      'Not planned yet',
    );

    // 2. The planner runs MRP and releases a BUY order for filling.
    const planner = await signedIn(browser, 'ppic');
    await mainNav(planner).getByRole('link', { name: 'Planning' }).click();
    await planner
      .getByRole('button', { name: /^Run MRP/ })
      .first()
      .click();
    await expect(planner.getByText('MRP run finished')).toBeVisible({ timeout: 30_000 });
    await planner.getByRole('radiogroup', { name: 'Order type' }).getByText('BUY', { exact: true }).click();
    const orders = planner.getByRole('table', { name: 'Planned orders' });
    const buy = orders.getByRole('row').filter({ hasText: 'PT Indo Dacron Filling' }).first();
    await buy.getByRole('checkbox').check();
    await planner.getByRole('button', { name: 'Release 1 order' }).click();
    const released = planner.getByText(/draft POs: PO-\d{8}-\d{4}/);
    await expect(released).toBeVisible();
    const poNumber = (await released.textContent())!.match(/PO-\d{8}-\d{4}/)![0];

    // 3. A purchasing manager (not the planner who created the PO) approves it.
    const manager = await signedIn(browser, 'purchasing_mgr');
    await mainNav(manager).getByRole('link', { name: 'Purchasing' }).click();
    await manager.getByRole('textbox', { name: 'Search', exact: true }).fill(poNumber);
    await manager.getByRole('link', { name: poNumber }).click();
    await expect(manager.getByTestId('po-state')).toHaveText('Draft');
    await manager.getByRole('button', { name: 'Approve' }).click();
    await expect(manager.getByTestId('po-state')).toHaveText('Approved');

    // 4. The warehouse scans the PO line, receives part of it into a lot on a rack.
    const warehouse = await signedIn(browser, 'warehouse');
    await mainNav(warehouse).getByRole('link', { name: 'Warehouse' }).click();
    await warehouse.getByRole('tab', { name: 'Receive' }).click();
    await warehouse
      .getByRole('textbox', { name: 'Scan or type a reference', exact: true })
      .fill(`${poNumber}-1`);
    await expect(warehouse.getByRole('heading', { name: `${poNumber}-1` })).toBeVisible();
    const product = (await warehouse.getByTestId('receive-product').textContent())!.trim();
    await warehouse.getByRole('textbox', { name: 'Quantity received', exact: true }).fill('1');
    await warehouse.getByRole('textbox', { name: 'Lot number', exact: true }).fill(LOT);
    await choose(warehouse, warehouse.getByRole('combobox', { name: 'Rack', exact: true }), /WH-RAW-B1/);
    await warehouse.getByRole('button', { name: 'Post receipt' }).click();
    await expect(warehouse.getByText(/^Receipt GRN-\d{8}-\d{4} posted$/)).toBeVisible();

    // 5. The stock page of the product shows the new lot on the rack.
    await warehouse.getByRole('tab', { name: 'Stock' }).click();
    await warehouse.getByRole('textbox', { name: 'Search by code or name', exact: true }).fill(product);
    await warehouse.getByRole('link', { name: product, exact: true }).click();
    const balances = warehouse.getByRole('table', { name: 'Stock by location and lot' });
    await expect(balances.getByRole('row', { name: new RegExp(LOT) })).toContainText('WH-RAW-B1');

    // The purchase order, live on the manager's page, is now partly received with the receipt listed.
    await expect(manager.getByTestId('po-state')).toHaveText('Partly received');
    await expect(manager.getByRole('table', { name: 'Receipts' })).toContainText(LOT);
  });
});
