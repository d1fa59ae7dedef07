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
