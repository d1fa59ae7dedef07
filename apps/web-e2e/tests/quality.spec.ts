import type { Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, signIn, test } from './support';

/** The demo's approved AFTONSPARV order whose only NYLEX WHITE roll waits in quarantine (quality.seed.ts). */
const SHORT_MO_NOTE = 'Waiting for the NYLEX WHITE roll in quarantine';
const ROLL = 'R-INYR001-2612-01';

/** A user on a 1024×768 tablet, signed in, with the live event stream open. */
async function onTablet(browser: Browser, username: string): Promise<Page> {
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

test.describe('quality', () => {
  test('QC inspects a quarantined fabric roll in the QC station, and the planner’s MO that was short of it starts', async ({
    browser,
    request,
    consoleErrors,
  }) => {
    // The first start is refused on purpose: the roll is not released yet.
    consoleErrors.allow(/409/);
    const login = await request.post('/api/v1/auth/login', {
      data: { username: 'ppic_admin', password: DEMO_PASSWORD },
    });
    const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
    const orders = (await (
      await request.get('/api/v1/ppic/tasks?state=APPROVED&search=40551542&limit=100', { headers })
    ).json()) as { items: Array<{ id: string; batchNumber: string; notes: string | null }> };
    const mo = orders.items.find((o) => o.notes === SHORT_MO_NOTE)!;
    expect(mo, 'the demo order short of the quarantined roll').toBeTruthy();

    // The planner sees the fabric short: quarantined stock is not free stock.
    const planner = await onTablet(browser, 'ppic_admin');
    await planner.goto(`/ppic/orders/${mo.id}`);
    await expect(planner.getByTestId('mo-state')).toHaveText('Approved');
    const shortRow = planner.getByRole('row').filter({ hasText: 'INYR001' });
    await expect(shortRow.getByTestId('material-short')).toBeVisible();
    await planner.getByRole('button', { name: 'Start', exact: true }).click();
    const start = planner.getByRole('dialog', { name: `Start ${mo.batchNumber}` });
    await start.getByRole('button', { name: 'Start production' }).click();
    await expect(start.getByRole('table', { name: 'Missing materials' })).toContainText('INYR001');
    await start.getByRole('button', { name: 'Cancel' }).click();

    // QC on the tablet: the roll waits with its ISO 2859-1 plan; 91 m → letter F, 20 pieces, Ac 1 / Re 2.
    const qc = await onTablet(browser, 'qc');
    await qc.goto('/quality');
    const card = qc.getByTestId(`incoming-lot-${ROLL}`);
    await expect(card).toContainText('Quarantine');
    await expect(card).toContainText('F');
    await expect(card).toContainText('1 / 2');
    await card.getByRole('button', { name: 'Inspect' }).click();
    const dialog = qc.getByRole('dialog', { name: `Incoming inspection of ${ROLL}` });
    await expect(dialog.getByTestId('sampling-plan')).toContainText(
      'Letter F: inspect 20 pieces, accept with up to 1 defective, reject at 2.',
    );
    await dialog.getByLabel('Defective pieces in the sample').fill('1');
    await expect(dialog.getByTestId('incoming-verdict')).toContainText('the lot will be released');
    await dialog.getByRole('button', { name: 'Record inspection' }).click();
    await expect(qc.getByText(`${ROLL} released: it can be used now.`)).toBeVisible();
    await expect(card).toHaveCount(0);
    await qc.screenshot({ path: test.info().outputPath('qc-station-1024.png'), fullPage: true });
    await qc.context().close();

    // The planner's page follows without a reload: nothing short, and the order starts.
    await expect(shortRow.getByTestId('material-short')).toHaveCount(0);
    await planner.getByRole('button', { name: 'Start', exact: true }).click();
    await planner
      .getByRole('dialog', { name: `Start ${mo.batchNumber}` })
      .getByRole('button', { name: 'Start production' })
      .click();
    await expect(
      planner.getByText(`${mo.batchNumber} started: the work orders are on the lines`),
    ).toBeVisible();
    await expect(planner.getByTestId('mo-state')).toHaveText('In progress');
    await planner.context().close();
  });
});
