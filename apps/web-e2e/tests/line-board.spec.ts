import { expect, signIn, test } from './support';

// The supervisor's line board on the 1024×768 line tablet.
test.use({ viewport: { width: 1024, height: 768 } });

test('the line board shows one tile per department line, and fits the tablet', async ({ page }) => {
  await signIn(page, 'manager');
  await page.goto('/production/lines');
  await expect(page.getByRole('heading', { name: 'Line board' })).toBeVisible();
  for (const line of ['Cutting', 'Embroidery', 'Subcontractor', 'Sewing', 'Finishing', 'Packing'])
    await expect(page.getByRole('region', { name: line })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('line-board-1024.png'), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
