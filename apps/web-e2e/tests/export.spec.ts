import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { expect, signIn, test } from './support';

test.describe('export all (CSV)', () => {
  for (const [path, heading, header, viewport] of [
    ['/sales', 'Sales orders', 'id,number,customerCode', { width: 1024, height: 768 }],
    ['/purchasing', 'Purchase orders', 'id,number,supplierCode', { width: 1440, height: 900 }],
  ] as const) {
    test(`${heading}: the server's CSV of the whole list downloads with the user's token`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await signIn(page, 'admin');
      await page.goto(path);
      await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
      const count = page.getByText(/^Showing \d+–\d+ of \d+$/);
      await expect(count).toBeVisible();
      const total = Number(/of (\d+)$/.exec((await count.textContent()) ?? '')![1]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await page.screenshot({ path: test.info().outputPath(`${path.slice(1).replace('/', '-')}.png`) });

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export all (CSV)' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/-all\.csv$/);
      const text = await readFile((await file.path())!, 'utf8');
      expect(text.startsWith(header)).toBe(true);
      // Every row of the filter, not only the page on show.
      const rows: unknown[] = parse(text, { columns: true });
      expect(rows).toHaveLength(total);
    });
  }
});
