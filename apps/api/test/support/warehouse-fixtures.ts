import { randomBytes } from 'node:crypto';
import { raw, type TestApp } from './test-app.js';

/** Small builders over the real HTTP API, for warehouse tests. */
export function warehouseFixtures(t: TestApp, token: () => string) {
  const call = async (method: string, path: string, body?: unknown) =>
    raw(t.baseUrl, `/api/v1${path}`, {
      method,
      token: token(),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await call(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const suffix = () => randomBytes(3).toString('hex').toUpperCase();
  return {
    call,
    ok,
    product: (over: Record<string, unknown> = {}) =>
      ok('POST', '/warehouse/products', {
        code: `T-${suffix()}`,
        name: 'Test material',
        type: 'RAW_MATERIAL',
        uom: 'PCS',
        ...over,
      }),
    rack: (over: Record<string, unknown> = {}) =>
      ok('POST', '/warehouse/locations', {
        code: `R-${suffix()}`,
        name: 'Test rack',
        type: 'WAREHOUSE',
        ...over,
      }),
    location: async (code: string) =>
      (await ok('GET', `/warehouse/locations?search=${code}`)).items.find(
        (l: { code: string }) => l.code === code,
      ),
    receive: (productId: string, locationId: string, quantity: number, over: Record<string, unknown> = {}) =>
      ok('POST', '/warehouse/stock/receipts', { productId, locationId, quantity, ...over }),
    stock: (productId: string) => ok('GET', `/warehouse/stock/${productId}`),
    balance: async (productId: string, locationId: string) => {
      const page = await ok('GET', `/warehouse/stock?productId=${productId}&locationId=${locationId}`);
      return page.items.reduce((s: number, b: { onHand: number }) => s + b.onHand, 0);
    },
  };
}
