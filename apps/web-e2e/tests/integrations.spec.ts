import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, signIn, test } from './support';

test.describe('integrations', () => {
  test('admin creates an API key, sees its secret once, uses it and revokes it', async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto('/admin/api-keys');
    await expect(page.getByRole('heading', { name: 'API keys' })).toBeVisible();

    await page.getByRole('button', { name: 'New API key' }).click();
    const form = page.getByRole('dialog', { name: 'New API key' });
    await form.getByLabel('Name').fill('label-printer');
    await form.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Viewer' }).click();
    await form.getByRole('button', { name: 'Create key' }).click();

    const shown = page.getByRole('dialog', { name: 'API key created' });
    const secret = (await shown.getByTestId('secret').textContent()) ?? '';
    expect(secret).toMatch(/^kpk_[0-9a-f]{8}_/);
    await expect(shown.getByRole('button', { name: 'Copy' })).toBeVisible();
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await expect(shown).toBeHidden();

    // The list shows the prefix only, never the secret.
    const row = page.getByRole('row', { name: /label-printer/ });
    await expect(row).toContainText(`${secret.slice(0, 12)}…`);
    await expect(row).toContainText('Active');
    await expect(page.getByText(secret)).toHaveCount(0);

    // The key works for another program until it is revoked.
    const me = () =>
      page.request.get('/api/v1/warehouse/products?limit=1', { headers: { 'x-api-key': secret } });
    expect((await me()).status()).toBe(200);
    await row.getByRole('button', { name: 'Revoke label-printer' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke label-printer?' })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await expect(page.getByText('label-printer revoked')).toBeVisible();
    await expect(row).toContainText('Revoked');
    expect((await me()).status()).toBe(401);
  });

  test('admin subscribes a webhook, sends a test and sees the delivery', async ({ page }) => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/kapok`;
    try {
      await signIn(page, 'admin');
      await page.goto('/admin/webhooks');
      await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();

      await page.getByRole('button', { name: 'New webhook' }).click();
      const form = page.getByRole('dialog', { name: 'New webhook' });
      await form.getByLabel('URL').fill(url);
      await form.getByLabel('Events').fill('kanban_card.*');
      await page.getByRole('option', { name: 'kanban_card.*', exact: true }).click();
      await form.getByLabel('Description').fill('Line display');
      await form.getByRole('button', { name: 'Create webhook' }).click();

      const shown = page.getByRole('dialog', { name: 'Webhook created' });
      await expect(shown.getByTestId('secret')).toHaveText(/^whsec_/);
      await shown.getByRole('button', { name: 'I have copied it' }).click();

      const row = page.getByRole('row', { name: new RegExp(url) });
      await expect(row).toContainText('kanban_card.*');
      await row.getByRole('button', { name: 'Send test' }).click();
      await expect(page.getByText('Test delivery queued')).toBeVisible();

      // The drawer opens on the log; the job queue delivers at once and the row follows live.
      const log = page.getByRole('dialog', { name: `Deliveries to ${url}` });
      const delivery = log.getByRole('row', { name: /webhook\.ping/ });
      await expect(delivery).toContainText('Delivered · 200');
      await expect(delivery).toContainText('1');
      expect(received).toHaveLength(1);
      expect(JSON.parse(received[0].body)).toMatchObject({ type: 'webhook.ping' });
      expect(received[0].headers['webhook-signature']).toMatch(/^v1,/);

      await delivery.getByRole('button', { name: 'Redeliver' }).click();
      await expect(log.getByRole('row', { name: /webhook\.ping/ })).toHaveCount(2);
      await expect.poll(() => received.length).toBe(2);
      expect(received[1].headers['webhook-id']).toBe(received[0].headers['webhook-id']);

      // Deleted after a confirmation that names the address: nothing more goes there.
      await page.keyboard.press('Escape');
      await expect(log).toBeHidden();
      await row.getByRole('button', { name: `Delete webhook ${url}` }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete this webhook?' });
      await expect(confirm).toContainText(`Nothing more is sent to ${url}`);
      await confirm.getByRole('button', { name: 'Delete' }).click();
      await expect(confirm).toBeHidden();
      await expect(row).toHaveCount(0);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  test('both admin pages fit the desktop and the tablet', async ({ page }) => {
    await signIn(page, 'admin');
    for (const [width, height] of [
      [1440, 900],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const [path, heading] of [
        ['/admin/api-keys', 'API keys'],
        ['/admin/webhooks', 'Webhooks'],
      ] as const) {
        await page.goto(path);
        await expect(page.getByRole('heading', { name: heading })).toBeVisible();
        // Nothing wider than the window: no sideways scrolling of the page.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: test.info().outputPath(`${path.slice(7)}-${width}.png`) });
      }
    }
  });
});
