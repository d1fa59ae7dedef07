import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { raw, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await startTestApp();
  token = (await t.as('warehouse')).accessToken;
});
afterAll(() => t.close());

/** A GET with exactly the headers given (fetch would add and decode its own accept-encoding). */
function get(path: string, headers: Record<string, string>) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const url = new URL(path, t.baseUrl);
    const req = request(url, { headers: { authorization: `Bearer ${token}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const BOARD = '/api/v1/ppic/kanban/cards/all';

describe('the kanban board over HTTP', () => {
  it('answers gzip when the client accepts it, plain JSON otherwise, with the same tag', async () => {
    const zipped = await get(BOARD, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const fromZip = JSON.parse(gunzipSync(zipped.body).toString('utf8'));
    const plain = await get(BOARD, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString('utf8'))).toEqual(fromZip);
    expect(fromZip.items.length).toBeGreaterThan(0);
    expect(plain.headers.etag).toBe(zipped.headers.etag);
  });

  it('answers 304 to an unchanged board and 200 with a new tag once a card changed', async () => {
    const first = await get(BOARD, { 'accept-encoding': 'gzip' });
    const etag = String(first.headers.etag);
    const again = await get(BOARD, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    const packing = await t.as('packing');
    const product = await raw(t.baseUrl, '/api/v1/warehouse/products?search=IKP20157', {
      token: packing.accessToken,
    });
    const created = await raw(t.baseUrl, '/api/v1/ppic/kanban/cards', {
      method: 'POST',
      token: packing.accessToken,
      body: JSON.stringify({ productId: product.body.items[0].id, quantity: 5 }),
    });
    expect(created.status).toBe(201);
    const changed = await get(BOARD, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    const ids = JSON.parse(gunzipSync(changed.body).toString('utf8')).items.map((c: { id: string }) => c.id);
    expect(ids).toContain(created.body.id);
  });

  it('keeps actions per user: the same board tags differently for a user who may do other things', async () => {
    const viewer = (await t.as('viewer')).accessToken;
    const mine = await get(BOARD, {});
    const theirs = await new Promise<string | undefined>((resolve, reject) => {
      const req = request(
        new URL(BOARD, t.baseUrl),
        { headers: { authorization: `Bearer ${viewer}` } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.headers.etag));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(theirs).toBeDefined();
    expect(theirs).not.toBe(mine.headers.etag);
  });
});
