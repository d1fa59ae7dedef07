import type { Locator, Page } from '@playwright/test';
import { expect, mainNav, signIn, test } from './support';

// The line tablet: 1024×768, landscape.
test.use({ viewport: { width: 1024, height: 768 } });

/** Whether the element lies inside the window horizontally (nothing cut off at the right edge). */
async function withinWindow(page: Page, locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

/** The page itself never scrolls sideways: only boards and tables do, inside their own frame. */
async function noPageScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

test.describe('on the 1024×768 line tablet', () => {
  test('the navigation collapses to give the page the width, and comes back', async ({ page }) => {
    await signIn(page, 'manager');
    const toggle = page.getByRole('button', { name: 'Collapse navigation' });
    await toggle.click();
    await expect(mainNav(page)).not.toBeInViewport();
    await shot(page, 'navigation-collapsed');
    // The choice is remembered.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Expand navigation' })).toBeVisible();
    await page.getByRole('button', { name: 'Expand navigation' }).click();
    await expect(mainNav(page)).toBeInViewport();
  });

  test('the kanban board scrolls its columns sideways, so Received is reachable', async ({ page }) => {
    await signIn(page, 'warehouse');
    await mainNav(page).getByRole('link', { name: 'Kanban' }).click();
    await expect(page.getByRole('region', { name: 'Requested', exact: true })).toBeVisible();
    await noPageScroll(page);
    const received = page.getByRole('region', { name: 'Received', exact: true });
    await received.scrollIntoViewIfNeeded();
    await withinWindow(page, received.getByRole('heading').first());
    await shot(page, 'kanban');
  });

  test('the MO list keeps its state column on screen', async ({ page }) => {
    await signIn(page, 'manager');
    await mainNav(page).getByRole('link', { name: 'PPIC' }).click();
    const table = page.getByRole('table').first();
    await expect(table).toBeVisible();
    await noPageScroll(page);
    await withinWindow(page, table.getByRole('columnheader', { name: 'State' }));
    await shot(page, 'mo-list');
  });

  test('the alerts page keeps Acknowledge on screen', async ({ page }) => {
    await signIn(page, 'warehouse');
    await page.goto('/warehouse/alerts');
    const open = page.getByRole('table', { name: 'Open alerts' });
    await expect(open).toBeVisible();
    await noPageScroll(page);
    await withinWindow(page, open.getByRole('button', { name: /^Acknowledge the alert for/ }).first());
    await shot(page, 'alerts');
  });

  test('the production page fits the tablet', async ({ page }) => {
    await signIn(page, 'sewing');
    await mainNav(page).getByRole('link', { name: 'Production' }).click();
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await noPageScroll(page);
    await shot(page, 'production');
  });
});
