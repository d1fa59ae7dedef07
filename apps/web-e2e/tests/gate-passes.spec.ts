import type { Browser, Page } from '@playwright/test';
import { expect, signIn, test } from './support';

// The gate on the 1024×768 tablet: the warehouse prepares a pass out for the demo's SUBCON work order,
// security counts it at the gate — a wrong count holds it, the right count releases it.
test.use({ viewport: { width: 1024, height: 768 } });

async function tablet(browser: Browser, username: string): Promise<Page> {
  const { baseURL, locale, timezoneId } = test.info().project.use;
  const context = await browser.newContext({
    baseURL,
    locale,
    timezoneId,
    viewport: { width: 1024, height: 768 },
  });
  const page = await context.newPage();
  const streamOpen = page.waitForResponse((r) => r.url().endsWith('/api/v1/events') && r.ok());
  await signIn(page, username);
  await streamOpen;
  return page;
}

/** Picks an option of a Mantine select by its accessible name. */
async function choose(page: Page, label: string, option: RegExp | string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

test('a pass out is prepared, held on a wrong count at the gate, and released on the right one', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signIn(page, 'warehouse');
  await page.goto('/warehouse/gate-passes');
  await expect(page.getByRole('heading', { name: 'Gate passes' })).toBeVisible();
  // The demo's passes, and the panels still at the subcontractor (consignment stock).
  const passes = page.getByRole('table', { name: 'Gate passes' });
  await expect(passes.getByRole('row').nth(1)).toContainText(/GP[IO]-/);
  const batch = (await passes.getByRole('row').nth(1).textContent())!.match(/MO-\d{8}-\d{3}/)![0];
  const consignment = page.getByRole('table', { name: 'At the subcontractors (consignment stock)' });
  await expect(consignment.getByRole('row', { name: new RegExp(batch) })).toContainText('60');

  await page.getByRole('link', { name: 'New pass out' }).click();
  await expect(page.getByRole('heading', { name: 'New pass out' })).toBeVisible();
  await choose(page, 'SUBCON work order', new RegExp(batch));
  await choose(page, 'Subcontractor', /·/);
  await page.getByRole('textbox', { name: 'Vehicle', exact: true }).fill('B 1234 GP');
  await page.getByRole('textbox', { name: 'Driver', exact: true }).fill('Bambang Sutrisno');
  await page.getByRole('textbox', { name: 'Customs document (BC 2.6.1)', exact: true }).fill('BC261-E2E-01');
  // One line: a little more supporting material for the panels already out.
  const material = page.locator('[data-kind="MATERIAL"] input').first();
  await material.fill('2');
  await page.getByRole('button', { name: 'Prepare the pass' }).click();
  const heading = page.getByRole('heading', { name: /^Gate pass GPO-\d{8}-\d{4}$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.replace('Gate pass ', '');
  await expect(page.getByTestId('gate-pass-state')).toHaveText('Draft');

  // Security at the gate counts one short: the pass is held, nothing moves.
  const security = await tablet(browser, 'security');
  await security.goto('/warehouse/gate-passes');
  await security.getByRole('link', { name: number }).click();
  await expect(security.getByRole('heading', { name: 'Security count' })).toBeVisible();
  const count = security.getByRole('textbox', { name: /^Counted / });
  await count.fill('1');
  await security.getByRole('button', { name: 'Record the count' }).click();
  await expect(security.getByTestId('gate-pass-state')).toHaveText('On hold');
  await expect(security.getByRole('alert', { name: /^On hold/ })).toContainText(
    '1 line was counted differently',
  );
  await security.screenshot({ path: test.info().outputPath('gate-pass-hold-1024.png'), fullPage: true });
  // The warehouse's page follows live.
  await expect(page.getByTestId('gate-pass-state')).toHaveText('On hold');

  // Counted again, right this time: released.
  await expect(security.getByRole('heading', { name: 'Count again' })).toBeVisible();
  await security.getByRole('textbox', { name: /^Counted / }).fill('2');
  await security.getByRole('button', { name: 'Record the count' }).click();
  await expect(security.getByTestId('gate-pass-state')).toHaveText('Released');
  await expect(security.getByText(`${number} released: the goods may pass the gate`)).toBeVisible();
  await expect(security.getByRole('heading', { name: 'Count again' })).toHaveCount(0);
  await expect(page.getByTestId('gate-pass-state')).toHaveText('Released');
  await security.context().close();
});
