import { createKapokClient, unwrap } from '@kapok/api-client';
import { setTimeout as delay } from 'node:timers/promises';
import { raw, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let adminToken: string;
beforeAll(async () => {
  t = await startTestApp();
  adminToken = (await t.as('admin')).accessToken;
});
afterAll(() => t.close());

const admin = (path: string, init: RequestInit = {}) => raw(t.baseUrl, path, { token: adminToken, ...init });
const withKey = (key: string, path: string, init: RequestInit = {}) =>
  raw(t.baseUrl, path, { ...init, headers: { ...(init.headers as object), 'x-api-key': key } });
const createKey = async (body: Record<string, unknown>) => {
  const res = await admin('/api/v1/admin/api-keys', { method: 'POST', body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string; prefix: string; name: string };
};
const location = () => ({
  code: `K${Math.floor(Math.random() * 1e8)}`,
  name: 'Rack from the ERP',
  type: 'WAREHOUSE',
});

describe('API keys', () => {
  it('creates a key whose secret is shown once and stored only hashed; the list never shows it', async () => {
    const res = await admin('/api/v1/admin/api-keys', {
      method: 'POST',
      body: JSON.stringify({ name: 'erp-sync', role: 'warehouse_admin' }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'erp-sync', role: 'warehouse_admin', expiresAt: null });
    expect(res.body.secret).toMatch(/^kpk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(res.body.secret.startsWith(`${res.body.prefix}_`)).toBe(true);
    const list = await admin('/api/v1/admin/api-keys');
    expect(list.status).toBe(200);
    const listed = list.body.items.find((k: { id: string }) => k.id === res.body.id);
    expect(listed).toMatchObject({ prefix: res.body.prefix, role: 'warehouse_admin', lastUsedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(res.body.secret.slice(13));
    const { rows } = await t.db.query('select * from api_keys where id = $1', [res.body.id]);
    expect(JSON.stringify(rows[0])).not.toContain(res.body.secret.slice(13));
    expect(rows[0].secret_hash).toMatch(/^[0-9a-f]{64}$/);
    // A second live key of the same name is refused.
    const again = await admin('/api/v1/admin/api-keys', {
      method: 'POST',
      body: JSON.stringify({ name: 'erp-sync', role: 'viewer' }),
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('API_KEY_NAME_TAKEN');
  });

  it('authenticates with x-api-key, acts with its role, and the audit names the key', async () => {
    const key = await createKey({ name: 'wms-bridge', role: 'warehouse_admin' });
    const body = location();
    const created = await withKey(key.secret, '/api/v1/warehouse/locations', {
      method: 'POST',
      body: JSON.stringify(body),
    });
    expect(created.status).toBe(201);
    const audit = await admin(`/api/v1/admin/audit?entityType=location&entityId=${created.body.id}`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].actor).toMatchObject({ id: key.id, username: 'key:wms-bridge' });
    const me = await withKey(key.secret, '/api/v1/auth/me');
    expect(me.body).toMatchObject({ id: key.id, username: 'key:wms-bridge', role: 'warehouse_admin' });
    // The generated client takes the key as well.
    const client = createKapokClient({ baseUrl: t.baseUrl, apiKey: key.secret });
    const stock = unwrap(await client.GET('/api/v1/warehouse/locations'));
    expect(stock.items.some((l) => l.id === created.body.id)).toBe(true);
    // Last used is recorded, at most once a minute (a second request does not write it again).
    const first = await t.db.query('select last_used_at from api_keys where id = $1', [key.id]);
    expect(first.rows[0].last_used_at).toBeInstanceOf(Date);
    await withKey(key.secret, '/api/v1/warehouse/locations');
    const second = await t.db.query('select last_used_at from api_keys where id = $1', [key.id]);
    expect(second.rows[0].last_used_at).toEqual(first.rows[0].last_used_at);
    // The key's creation and the use are audited, the creation by the admin.
    const keyAudit = await admin(`/api/v1/admin/audit?entityType=api_key&entityId=${key.id}`);
    expect(keyAudit.body.items[0]).toMatchObject({ action: 'api_key.created', actor: { username: 'admin' } });
  });

  it('enforces the role: 403 on a route outside it', async () => {
    const key = await createKey({ name: 'reporting', role: 'viewer' });
    expect((await withKey(key.secret, '/api/v1/warehouse/locations')).status).toBe(200);
    const denied = await withKey(key.secret, '/api/v1/warehouse/locations', {
      method: 'POST',
      body: JSON.stringify(location()),
    });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 'FORBIDDEN', details: { required: 'warehouse.create' } });
    expect((await withKey(key.secret, '/api/v1/admin/api-keys')).status).toBe(403);
    // A key has no password or session of its own.
    const password = await withKey(key.secret, '/api/v1/auth/password', {
      method: 'POST',
      body: JSON.stringify({ currentPassword: 'kapok-demo-long', newPassword: 'Another-Long-Phrase-93' }),
    });
    expect(password.status).toBe(403);
    expect(password.body.code).toBe('NOT_FOR_API_KEYS');
  });

  it('answers 401 for an expired key, checked on every request (also while the key is cached)', async () => {
    const expiresAt = Date.now() + 3_000;
    const key = await createKey({
      name: 'short-lived',
      role: 'viewer',
      expiresAt: new Date(expiresAt).toISOString(),
    });
    expect((await withKey(key.secret, '/api/v1/warehouse/locations')).status).toBe(200);
    await delay(Math.max(0, expiresAt - Date.now() + 50));
    const expired = await withKey(key.secret, '/api/v1/warehouse/locations');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('API_KEY_EXPIRED');
    const past = await admin('/api/v1/admin/api-keys', {
      method: 'POST',
      body: JSON.stringify({ name: 'already-gone', role: 'viewer', expiresAt: '2020-01-01T00:00:00Z' }),
    });
    expect(past.status).toBe(422);
  });

  it('answers 401 for a revoked key, at once, and for unknown, malformed or doubled credentials', async () => {
    const key = await createKey({ name: 'to-revoke', role: 'viewer' });
    expect((await withKey(key.secret, '/api/v1/warehouse/locations')).status).toBe(200);
    expect((await admin(`/api/v1/admin/api-keys/${key.id}`, { method: 'DELETE' })).status).toBe(204);
    const revoked = await withKey(key.secret, '/api/v1/warehouse/locations');
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe('API_KEY_REVOKED');
    const audit = await admin(`/api/v1/admin/audit?entityType=api_key&entityId=${key.id}`);
    expect(audit.body.items.map((i: { action: string }) => i.action)).toEqual([
      'api_key.revoked',
      'api_key.created',
    ]);
    // The name is free again once the key is revoked.
    await createKey({ name: 'to-revoke', role: 'viewer' });
    const unknown = `${key.prefix}_${'A'.repeat(43)}`;
    expect((await withKey(unknown, '/api/v1/warehouse/locations')).body.code).toBe('INVALID_API_KEY');
    expect((await withKey('kpk_nonsense', '/api/v1/warehouse/locations')).status).toBe(401);
    const both = await withKey(key.secret, '/api/v1/warehouse/locations', {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(both.status).toBe(401);
    expect(both.body.code).toBe('AMBIGUOUS_CREDENTIALS');
    expect((await admin(`/api/v1/admin/api-keys/${crypto.randomUUID()}`, { method: 'DELETE' })).status).toBe(
      404,
    );
  });
});
