import { expect, signIn, test } from './support';

test.describe('trace and passport', () => {
  test('QC traces a demo batch, issues its passport, and the QR URL opens on a phone without login', async ({
    page,
    browser,
    consoleErrors,
  }) => {
    // A batch without a passport yet answers 404 to the passport lookup.
    consoleErrors.allow(/404.*\/quality\/lots\/[0-9a-f-]+\/passport/);
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, 'qc_manager');
    await page.goto('/trace');
    await page.getByLabel('Lot number').fill('MO-2');
    await page.getByRole('button', { name: 'Find' }).click();
    await page
      .getByTestId('trace-lots')
      .getByRole('button', { name: /^MO-\d{8}-\d{3}/ })
      // A released batch: newer ones wait in quarantine for their lab tests (every demo article has a plan).
      .filter({ hasText: 'Released' })
      .first()
      .click();
    // Backward: the batch lot, its MO and the material lots it consumed.
    await expect(page.getByTestId('trace-node-batch').first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('trace-backward.png'), fullPage: true });
    const issue = page.getByRole('button', { name: 'Issue passport' });
    if (await issue.isVisible()) await issue.click();
    const link = page.getByTestId('passport-link');
    await expect(link).toBeVisible();
    await expect(page.getByTestId('passport-qr')).toBeVisible();
    const url = (await link.textContent())!;
    expect(url).toMatch(/\/passport\/[A-Za-z0-9_-]{22}$/);
    const batch = new URL(page.url()).searchParams.get('lot');
    expect(batch).toBeTruthy();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: test.info().outputPath('trace-1024.png'), fullPage: true });

    // A phone that has never signed in opens the QR's URL.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const mobile = await phone.newPage();
    await mobile.goto(url);
    await expect(mobile.getByRole('heading', { name: 'Digital Product Passport' })).toBeVisible();
    await expect(mobile.getByTestId('passport-batch')).toHaveText(/^MO-\d{8}-\d{3}$/);
    await expect(mobile.getByText('Regulation (EU) 2025/2509 on the safety of toys')).toBeVisible();
    await expect(mobile.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
    await mobile.screenshot({ path: test.info().outputPath('passport-phone-en.png'), fullPage: true });
    await mobile.getByText('ID', { exact: true }).click();
    await expect(mobile.getByRole('heading', { name: 'Paspor Produk Digital' })).toBeVisible();
    await mobile.screenshot({ path: test.info().outputPath('passport-phone-id.png'), fullPage: true });
    await phone.close();
  });

  test('an unknown passport code says so, without login', async ({ page, consoleErrors }) => {
    consoleErrors.allow(/404/);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/passport/AAAAAAAAAAAAAAAAAAAAAA');
    await expect(page.getByText('There is no passport with this code.')).toBeVisible();
  });
});
