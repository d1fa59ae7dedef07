import type { Browser, Page } from '@playwright/test';
import { expect, mainNav, signIn, test } from './support';

const column = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const columnNode = (page: Page, status: string) => page.locator(`section[data-status="${status}"]`);

/** A signed-in user in a browser context of their own, on the board, with the live event stream open. */
async function openBoard(browser: Browser, username: string): Promise<Page> {
  const { baseURL, locale, timezoneId } = test.info().project.use;
  const context = await browser.newContext({
    baseURL,
    locale,
    timezoneId,
    viewport: { width: 1366, height: 768 },
  });
  const page = await context.newPage();
  const streamOpen = page.waitForResponse((r) => r.url().endsWith('/api/v1/events') && r.ok());
  await signIn(page, username);
  await streamOpen;
  // Through the navigation, not a reload: the stream stays open.
  await mainNav(page).getByRole('link', { name: 'Kanban' }).click();
  await expect(page.getByRole('heading', { name: 'Kanban board' })).toBeVisible();
  await expect(column(page, 'Requested')).toBeVisible();
  return page;
}

test.describe('e-kanban board', () => {
  test('packing requests cartons, the warehouse sees the card arrive and drags it to Approved, packing sees it move', async ({
    browser,
  }) => {
    const packing = await openBoard(browser, 'packing');
    const warehouse = await openBoard(browser, 'warehouse');
    // A department user starts on their own department; the warehouse sees every line.
    await expect(packing.getByRole('combobox', { name: 'Department' })).toHaveValue('PACKING');
    await expect(warehouse.getByRole('combobox', { name: 'Department' })).toHaveValue('all');

    // Packing asks for 40 cartons.
    await packing.getByRole('button', { name: 'New request' }).click();
    const dialog = packing.getByRole('dialog', { name: 'New material request' });
    await dialog.getByRole('combobox', { name: 'Product' }).fill('ACB30104');
    await packing.getByRole('option', { name: /ACB30104/ }).click();
    await expect(dialog.getByTestId('quantity-unit')).toHaveText('PCS');
    await dialog.getByRole('textbox', { name: 'Quantity' }).fill('40');
    await dialog.getByText('High', { exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Cartons for the BLÅHAJ container, line 2');
    await dialog.getByRole('button', { name: 'Send request' }).click();

    const created = packing.getByText(/^Card KB-\d{8}-\d{4} requested$/);
    await expect(created).toBeVisible();
    const number = (await created.textContent())!.match(/KB-\d{8}-\d{4}/)![0];
    const onPacking = packing.getByRole('article', { name: new RegExp(`^${number}:`) });
    await expect(
      column(packing, 'Requested').getByRole('article', { name: new RegExp(`^${number}:`) }),
    ).toBeVisible();
    await expect(onPacking).toContainText('40PCS');

    // The warehouse's board shows it without a reload (live event), within moments.
    const card = column(warehouse, 'Requested').getByRole('article', { name: new RegExp(`^${number}:`) });
    await expect(card).toBeVisible({ timeout: 5_000 });
    await expect(card).toContainText('ACB30104');
    await expect(card).toContainText('High');

    // Keyboard drag: pick it up by its grip, one column to the right, drop.
    const grip = warehouse.getByRole('button', { name: `Move ${number}` });
    await grip.focus();
    await warehouse.keyboard.press(' ');
    await expect(columnNode(warehouse, 'APPROVED')).toHaveAttribute('data-drop', 'allowed');
    await expect(columnNode(warehouse, 'IN_TRANSIT')).toHaveAttribute('data-drop', 'blocked');
    await expect(columnNode(warehouse, 'RECEIVED')).toHaveAttribute('data-drop', 'blocked');
    await warehouse.keyboard.press('ArrowRight');
    await expect(columnNode(warehouse, 'APPROVED')).toHaveAttribute('data-over', 'true');
    await warehouse.keyboard.press(' ');
    // The drop asks first: free stock per rack and lot, and how much to approve (all by default).
    const approve = warehouse.getByRole('dialog', { name: `Approve ${number}` });
    await expect(approve.getByTestId('stock-row').first()).toBeVisible();
    await approve.getByRole('button', { name: 'Approve', exact: true }).click();

    await expect(warehouse.getByText(`${number} approved`)).toBeVisible();
    const approved = column(warehouse, 'Approved').getByRole('article', { name: new RegExp(`^${number}:`) });
    await expect(approved).toBeVisible();
    await expect(approved.getByRole('button', { name: `Ship ${number}` })).toBeVisible();

    // Packing's board follows, again without a reload; the requester has nothing to do there yet.
    const moved = column(packing, 'Approved').getByRole('article', { name: new RegExp(`^${number}:`) });
    await expect(moved).toBeVisible({ timeout: 5_000 });
    await expect(
      column(packing, 'Requested').getByRole('article', { name: new RegExp(`^${number}:`) }),
    ).toHaveCount(0);
    await expect(moved.getByRole('button', { name: /^(Approve|Reject|Ship|Receive|Cancel) / })).toHaveCount(
      0,
    );

    await packing.context().close();
    await warehouse.context().close();
  });

  test('the demo board has cards in every column', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'warehouse');
    await page.goto('/kanban?closed=1');
    for (const [name, status] of [
      ['Requested', 'REQUESTED'],
      ['Approved', 'APPROVED'],
      ['In transit', 'IN_TRANSIT'],
      ['Received', 'RECEIVED'],
      ['Rejected', 'REJECTED'],
      ['Cancelled', 'CANCELLED'],
    ]) {
      await expect(column(page, name!).getByRole('article').first()).toBeVisible();
      await expect(columnNode(page, status!)).toBeVisible();
    }
    await expect(page.getByText('Auto', { exact: true })).toBeVisible();
    await expect(column(page, 'In transit').getByText(/^Overdue, needed /)).toBeVisible();
    await testInfo.attach('board', { body: await page.screenshot(), contentType: 'image/png' });
  });
});

test.describe('partial quantities', () => {
  test('the warehouse approves part of a request (the rest stays requested), ships it from a lot it picks, and packing receives it short with a reason', async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const packing = await openBoard(browser, 'packing');
    const warehouse = await openBoard(browser, 'warehouse');
    await packing.getByRole('button', { name: 'New request' }).click();
    const dialog = packing.getByRole('dialog', { name: 'New material request' });
    await dialog.getByRole('combobox', { name: 'Product' }).fill('ACB30104');
    await packing.getByRole('option', { name: /ACB30104/ }).click();
    await dialog.getByRole('textbox', { name: 'Quantity' }).fill('30');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    const created = packing.getByText(/^Card KB-\d{8}-\d{4} requested$/);
    await expect(created).toBeVisible();
    const number = (await created.textContent())!.match(/KB-\d{8}-\d{4}/)![0];
    const cardOf = (page: Page, status: string) =>
      column(page, status).getByRole('article', { name: new RegExp(`^${number}:`) });

    // Approve 12 of 30: the stock per rack and lot is shown, the other 18 stay requested.
    await cardOf(warehouse, 'Requested')
      .getByRole('button', { name: `Approve ${number}` })
      .click();
    const approve = warehouse.getByRole('dialog', { name: `Approve ${number}` });
    await expect(approve.getByRole('table', { name: 'Free stock per rack and lot' })).toBeVisible();
    await expect(approve.getByTestId('stock-row').first()).toContainText('oldest (FIFO)');
    const quantity = approve.getByRole('textbox', { name: 'Approve' });
    await quantity.fill('12.5');
    await expect(approve.getByText(/whole/i).first()).toBeVisible();
    await quantity.fill('12');
    await expect(
      approve.getByRole('radio', { name: 'Keep requested (a new card for the rest)' }),
    ).toBeChecked();
    await approve.getByRole('button', { name: /^Approve 12/ }).click();
    await expect(warehouse.getByText(`${number} approved`)).toBeVisible();
    await expect(cardOf(warehouse, 'Approved')).toBeVisible();
    // The rest is a new requested card of packing for 18.
    await expect(
      column(packing, 'Requested')
        .getByRole('article')
        .filter({ hasText: 'ACB30104' })
        .filter({ hasText: '18PCS' }),
    ).toBeVisible({ timeout: 5_000 });

    // Ship 10 from the lot the warehouse picks (the FIFO lot is suggested).
    await cardOf(warehouse, 'Approved')
      .getByRole('button', { name: `Ship ${number}` })
      .click();
    const ship = warehouse.getByRole('dialog', { name: `Ship ${number}` });
    const rows = ship.getByTestId('stock-row');
    await expect(rows.first().getByRole('radio')).toBeChecked();
    await rows.last().click();
    await expect(rows.last().getByRole('radio')).toBeChecked();
    await ship.getByRole('textbox', { name: 'Ship' }).fill('10');
    await expect(ship.getByText('2 PCS not shipped goes back to free stock.')).toBeVisible();
    await ship.getByRole('button', { name: 'Ship', exact: true }).click();
    await expect(warehouse.getByText(`${number} shipped`)).toBeVisible();
    await expect(cardOf(warehouse, 'In transit')).toBeVisible();

    // Packing counts 9: a short receipt needs a reason.
    await expect(cardOf(packing, 'In transit')).toBeVisible({ timeout: 5_000 });
    await cardOf(packing, 'In transit')
      .getByRole('button', { name: `Receive ${number}` })
      .click();
    const receive = packing.getByRole('dialog', { name: `Receive ${number}` });
    await receive.getByRole('textbox', { name: /Received quantity/ }).fill('9');
    await receive.getByRole('button', { name: 'Receive' }).click();
    await expect(receive.getByText('A short receipt needs a reason (at least 3 characters)')).toBeVisible();
    await receive.getByRole('textbox', { name: /Why less arrived/ }).fill('One carton crushed');
    await receive.getByRole('button', { name: 'Receive' }).click();
    await expect(packing.getByText(`${number} received`)).toBeVisible();

    await packing.context().close();
    await warehouse.context().close();
  });
});
