import { randomBytes } from 'node:crypto';
import { raw, type TestApp } from './test-app.js';

/** Builders for partners, sales and purchase orders over the real HTTP API. */
export function ordersFixtures(t: TestApp) {
  const suffix = () => randomBytes(3).toString('hex').toUpperCase();
  const call = async (
    user: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    raw(t.baseUrl, `/api/v1${path}`, {
      method,
      token: (await t.as(user)).accessToken,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers,
    });
  const ok = async (user: string, method: string, path: string, body?: unknown) => {
    const res = await call(user, method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return {
    suffix,
    call,
    ok,
    partner: (type: 'CUSTOMER' | 'SUPPLIER' | 'SUBCONTRACTOR', over: Record<string, unknown> = {}) =>
      ok('admin', 'POST', '/partners', { code: `P-${suffix()}`, name: `Partner ${type}`, type, ...over }),
    product: (over: Record<string, unknown> = {}) =>
      ok('admin', 'POST', '/warehouse/products', {
        code: `T-${suffix()}`,
        name: 'Test product',
        type: 'RAW_MATERIAL',
        uom: 'PCS',
        ...over,
      }),
    rack: () =>
      ok('admin', 'POST', '/warehouse/locations', {
        code: `R-${suffix()}`,
        name: 'Test rack',
        type: 'WAREHOUSE',
      }),
  };
}

/** Opens the live event stream as a user and collects the events it delivers. */
export async function openEvents(t: TestApp, token: string) {
  const controller = new AbortController();
  const res = await fetch(`${t.baseUrl}/api/v1/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const events: Array<{ type: string; ids: string[] }> = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          for (const line of text.slice(0, end).split('\n'))
            if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
          text = text.slice(end + 2);
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    close: async () => {
      controller.abort();
      await pump;
    },
  };
}
