import type { Browser, Page } from '@playwright/test';
import { expect, signIn, test } from './support';

// Line clearance on the 1024×768 line tablet (SOP QT-09 checks 1–2): the demo's cutting line tried to
// send a half-cut batch onto the embroidery line while another article's WIP was still on it.
test.use({ viewport: { width: 1024, height: 768 } });

/** A line user signed in on a tablet of their own, with the live event stream open. */
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

const BATCH = /MO-\d{8}-\d{3}/;

test('a blocked handover waits on the line board and the alerts page, the line is cleared by scrapping, then the handover is sent and accepted', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  // The supervisor's board: the embroidery line is BLOCKED by the batch still on it.
  const streamOpen = page.waitForResponse((r) => r.url().endsWith('/api/v1/events') && r.ok());
  await signIn(page, 'manager');
  await streamOpen;
  await page.goto('/production/lines');
  const embroidery = page.getByRole('region', { name: 'Embroidery' });
  await expect(embroidery).toHaveAttribute('data-status', 'BLOCKED');
  await expect(embroidery.getByText('Blocked', { exact: true })).toBeVisible();
  const block = embroidery.getByTestId('line-block');
  await expect(block).toContainText('from Cutting');
  await expect(block).toContainText(/Refused once since/);
  const waiting = (await block.textContent())!.match(BATCH)![0];
  await page.screenshot({ path: test.info().outputPath('line-blocked-1024.png'), fullPage: true });

  // The alerts page lists the block: the line, the waiting batch, and what holds it up.
  await page.getByRole('link', { name: 'Line alerts' }).click();
  await expect(page.getByRole('heading', { name: 'Line alerts' })).toBeVisible();
  const alert = page
    .getByRole('table', { name: 'Open on the lines' })
    .getByRole('row', { name: new RegExp(waiting) });
  await expect(alert).toContainText('Blocked');
  await expect(alert).toContainText('Embroidery');
  await expect(alert).toContainText('Another article is still on the line');
  await page.screenshot({ path: test.info().outputPath('line-alerts-1024.png'), fullPage: true });

  // The embroidery line's admin clears the line: the blocking batch is scrapped, with a reason.
  const line = await tablet(browser, 'embroidery');
  await line.goto('/production/lines');
  const own = line.getByRole('region', { name: 'Embroidery' });
  const blocker = (await own.locator('[data-testid="line-block"]').textContent())!;
  expect(blocker).toContain(waiting);
  await own.getByRole('button', { name: 'Scrap from line' }).click();
  const scrap = line.getByRole('dialog');
  await expect(scrap).toContainText('booked as a loss');
  await scrap.getByLabel('Reason').fill('Panels soiled by the leaking machine; re-cut ordered');
  await scrap.getByRole('button', { name: 'Scrap from line' }).click();
  await expect(line.getByText(/scrapped from the Embroidery line/)).toBeVisible();

  // The board (live) turns CLEAR: the sender may hand over again.
  await page.goto('/production/lines');
  await expect(embroidery).toHaveAttribute('data-status', 'CLEAR');
  await expect(embroidery.getByText('Clear', { exact: true })).toBeVisible();
  await expect(embroidery.getByTestId('line-block')).toContainText('The line is clear now');

  // The cutting line sends the batch: the dialog checks the receiving line first.
  const cutting = await tablet(browser, 'cutting');
  await cutting.goto('/production');
  const card = cutting.getByRole('article', { name: new RegExp(`^${waiting}`) });
  await card.getByRole('button', { name: 'Hand over' }).click();
  const send = cutting.getByRole('dialog');
  await expect(send.getByTestId('handover-check')).toContainText('The Embroidery line is clear.');
  await send.getByRole('button', { name: 'Hand over' }).click();
  const sent = cutting.getByText(/handed over to Embroidery \((HO-[\d-]+)\)/);
  await expect(sent).toBeVisible();
  const handover = (await sent.textContent())!.match(/HO-[\d-]+/)![0];

  // The embroidery line counts it in and accepts it.
  await line.goto('/production');
  const incoming = line.getByRole('article', { name: handover });
  await incoming.getByRole('button', { name: 'Count & accept' }).click();
  const accept = line.getByRole('dialog');
  const sentQuantity = (await accept.getByText(/^Sent: /).textContent())!.replace('Sent: ', '');
  await accept.getByLabel('Counted quantity').fill(sentQuantity);
  await accept.getByRole('button', { name: 'Accept' }).click();
  await expect(line.getByText(new RegExp(`${handover} accepted`))).toBeVisible();

  // The board shows the batch on the embroidery line, no block; the alert is gone.
  await expect(embroidery).toHaveAttribute('data-status', 'OCCUPIED');
  await expect(embroidery).toContainText(waiting);
  await expect(embroidery.getByTestId('line-block')).toHaveCount(0);
  await page.goto('/production/alerts');
  await expect(page.getByText('No line is blocked, no alarm is open')).toBeVisible();
  await line.context().close();
  await cutting.context().close();
});
