import { expect, signIn, test } from './support';

test.describe('home: my work', () => {
  test('the manager sees the orders and cards waiting for approval and opens one from the home page', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, 'manager');
    const orders = page.getByRole('region', { name: 'Orders to approve' });
    await expect(orders).toBeVisible();
    await expect(page.getByRole('region', { name: 'Cards to approve' })).toBeVisible();
    // Nothing the manager cannot act on: no shipping, no receiving.
    await expect(page.getByRole('region', { name: 'Cards to ship' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Cards to receive' })).toHaveCount(0);
    // The modules stay one click away.
    await expect(page.getByRole('link', { name: 'PPIC' }).last()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('home-manager.png') });
    const first = orders.getByRole('link', { name: /^MO-\d{8}-\d{3}$/ }).first();
    if ((await first.count()) > 0) {
      const number = (await first.textContent())!;
      await first.click();
      await expect(page.getByRole('heading', { name: number })).toBeVisible();
    } else {
      await expect(orders).toContainText('No order waits for your approval.');
    }
  });

  test('a line sees its queue, the handovers to count in and the cards to receive, on the tablet', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await signIn(page, 'packing');
    await expect(page.getByRole('region', { name: 'Your department’s queue' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Handovers to count in' })).toBeVisible();
    const receive = page.getByRole('region', { name: 'Cards to receive' });
    await expect(receive).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('home-packing.png') });
  });
});
