import { type KapokClient, type Schemas, unwrap } from '@kapok/api-client';

/** Products and locations by code, loaded page by page once per command. */
export async function productsByCode(client: KapokClient): Promise<Map<string, Schemas['ProductResponse']>> {
  const map = new Map<string, Schemas['ProductResponse']>();
  for (let skip = 0; ; skip += 500) {
    const page = unwrap(
      await client.GET('/api/v1/warehouse/products', { params: { query: { skip, limit: 500 } } }),
    );
    for (const p of page.items) map.set(p.code, p);
    if (skip + page.items.length >= page.total) return map;
  }
}

export async function locationsByCode(
  client: KapokClient,
): Promise<Map<string, Schemas['LocationResponse']>> {
  const map = new Map<string, Schemas['LocationResponse']>();
  for (let skip = 0; ; skip += 500) {
    const page = unwrap(
      await client.GET('/api/v1/warehouse/locations', { params: { query: { skip, limit: 500 } } }),
    );
    for (const l of page.items) map.set(l.code, l);
    if (skip + page.items.length >= page.total) return map;
  }
}
