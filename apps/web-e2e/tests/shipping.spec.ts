import type { APIRequestContext } from '@playwright/test';
import { expect, signIn, test } from './support';

const suffix = () => Math.random().toString(16).slice(2, 8).toUpperCase();

async function tokenOf(request: APIRequestContext, username: string): Promise<string> {
  const res = await request.post('/api/v1/auth/login', { data: { username, password: 'kapok-demo' } });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function call<T>(
  request: APIRequestContext,
  token: string,
  method: 'GET' | 'POST',
  path: string,
  data?: unknown,
) {
  const res = await request.fetch(`/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
    data,
  });
  expect(res.status(), `${method} ${path}`).toBeLessThan(300);
  return (await res.json()) as T;
}

test.describe('shipping', () => {
  test('the FG admin ships from an order line to printed labels', async ({ page, request }) => {
    // A customer, a finished good on the FG rack (released) and a confirmed order, through the API.
    const admin = await tokenOf(request, 'admin');
    const merchandiser = await tokenOf(request, 'merchandiser');
    const customer = await call<{ id: string; code: string }>(request, admin, 'POST', '/partners', {
      code: `C-${suffix()}`,
      name: 'IKEA Distribution Services',
      type: 'CUSTOMER',
    });
    const article = await call<{ id: string; code: string }>(request, admin, 'POST', '/warehouse/products', {
      code: `4056${suffix().slice(0, 4)}`,
      name: 'KRAMIG boneka harimau',
      type: 'FINISHED_GOOD',
      uom: 'PCS',
      unitConversions: [{ uom: 'CARTON', factor: 60 }],
      cartonsPerPallet: 8,
    });
    const racks = await call<{ items: Array<{ id: string; code: string }> }>(
      request,
      admin,
      'GET',
      '/warehouse/locations?search=WH-FG',
    );
    const fg = racks.items.find((l) => l.code === 'WH-FG')!;
    await call(request, admin, 'POST', '/warehouse/stock/receipts', {
      productId: article.id,
      locationId: fg.id,
      quantity: 200,
      lotNumber: `BATCH-E2E-${suffix()}`,
    });
    const so = await call<{ id: string; number: string }>(request, merchandiser, 'POST', '/sales/orders', {
      customerId: customer.id,
      customerPo: `4500${suffix()}`,
      lines: [{ productId: article.id, quantity: 150, deliveryWeek: '2027-W20', destination: 'EU' }],
    });
    await call(request, merchandiser, 'POST', `/sales/orders/${so.id}/confirm`, {});

    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, 'fg');
    await page.goto('/shipping/shipments/new');
    await page.getByTestId('shipment-customer').click();
    await page.getByRole('option', { name: new RegExp(customer.code) }).click();
    await page.getByLabel(new RegExp(`To ship ${so.number}`)).fill('150');
    await page.getByRole('button', { name: 'Create shipment' }).click();
    await expect(page.getByTestId('shipment-state')).toHaveText('Draft');
    await page.getByRole('button', { name: 'Pick', exact: true }).click();
    await expect(page.getByTestId('shipment-state')).toHaveText('Picked');
    const plan = page.getByTestId('packing-plan');
    await expect(plan.getByRole('row')).toHaveCount(4); // header + 3 cartons (60, 60, 30 partial)
    await expect(plan.getByText('Partial')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('shipment-1440.png'), fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: test.info().outputPath('shipment-1024.png'), fullPage: true });

    // Printing the carton labels fetches the PDF with the session and opens it in a new tab. Chromium
    // does not keep the body of a fetch the page read as a blob, so the route passes the server's answer
    // through unchanged and keeps a copy to check.
    let pdf: Buffer | undefined;
    await page.route('**/carton-labels.pdf', async (route) => {
      const response = await route.fetch();
      pdf = await response.body();
      await route.fulfill({ response });
    });
    const [labels, tab] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/carton-labels.pdf')),
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Carton labels (MIA)' }).click(),
    ]);
    expect(labels.status()).toBe(200);
    expect(labels.headers()['content-type']).toBe('application/pdf');
    await expect.poll(() => pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    await expect.poll(() => tab.url()).toMatch(/^blob:/);
    await tab.close();

    await page.getByRole('button', { name: 'Ship', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ship', exact: true }).click();
    await expect(page.getByTestId('shipment-state')).toHaveText('Shipped');
    await page.goto(`/sales/orders/${so.id}`);
    await expect(page.getByTestId('so-state')).toHaveText('Shipped');
    await page.screenshot({ path: test.info().outputPath('sales-order-1024.png'), fullPage: true });
  });
});
