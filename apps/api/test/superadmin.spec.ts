import { randomUUID } from 'node:crypto';
import { raw, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: { accessToken: string; userId: string };
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
});
afterAll(() => t.close());

const user = async (id: string) =>
  (await raw(t.baseUrl, `/api/v1/admin/users/${id}`, { token: admin.accessToken })).body;
const update = async (id: string, changes: Record<string, unknown>, token = admin.accessToken) =>
  raw(t.baseUrl, `/api/v1/admin/users/${id}`, {
    method: 'PUT',
    token,
    body: JSON.stringify({ version: (await user(id)).version, ...changes }),
  });
const activeSuperadmins = async () =>
  (
    await t.db.query(
      `select count(*)::int as n from users u join roles r on r.id = u.role_id where r.code = 'superadmin' and u.active`,
    )
  ).rows[0].n;

async function newSuperadmin(): Promise<{ id: string; accessToken: string }> {
  const username = `root-${randomUUID().slice(0, 8)}`;
  const password = 'Granite-Heron-Teapot-17';
  const created = await raw(t.baseUrl, '/api/v1/admin/users', {
    method: 'POST',
    token: admin.accessToken,
    body: JSON.stringify({ username, fullName: 'Second administrator', password, role: 'superadmin' }),
  });
  expect(created.status).toBe(201);
  const login = await raw(t.baseUrl, '/api/v1/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username, password }),
  });
  return { id: created.body.id, accessToken: login.body.accessToken };
}

describe('the last active superadmin', () => {
  it('cannot be demoted or deactivated, by itself or anybody: 409 LAST_SUPERADMIN, nothing changes', async () => {
    expect(await activeSuperadmins()).toBe(1);
    for (const change of [{ role: 'manager' }, { active: false }, { role: 'viewer', active: false }]) {
      const res = await update(admin.userId, change);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'LAST_SUPERADMIN', requestId: expect.any(String) });
    }
    expect(await user(admin.userId)).toMatchObject({ role: 'superadmin', active: true });
    // Other changes to the last superadmin are fine.
    expect((await update(admin.userId, { fullName: 'The Administrator' })).status).toBe(200);
  });

  it('can step down once another active superadmin exists, and that one then cannot', async () => {
    const second = await newSuperadmin();
    expect((await update(admin.userId, { role: 'manager' }, second.accessToken)).status).toBe(200);
    const last = await update(second.id, { active: false }, second.accessToken);
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('LAST_SUPERADMIN');
    expect((await update(admin.userId, { role: 'superadmin' }, second.accessToken)).status).toBe(200);
    expect(await activeSuperadmins()).toBe(2);
  });

  it('two superadmins demoting each other at once leave one of them', async () => {
    while ((await activeSuperadmins()) > 1) {
      const { rows } = await t.db.query(
        `select u.id from users u join roles r on r.id = u.role_id where r.code = 'superadmin' and u.active and u.id <> $1 limit 1`,
        [admin.userId],
      );
      expect((await update(rows[0].id, { active: false })).status).toBe(200);
    }
    const other = await newSuperadmin();
    const [a, b] = await Promise.all([
      update(other.id, { role: 'viewer' }, admin.accessToken),
      update(admin.userId, { role: 'viewer' }, other.accessToken),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await activeSuperadmins()).toBe(1);
  });
});
