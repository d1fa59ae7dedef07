import { DEMO_USERS, SEEDED_ROLES } from '@kapok/contracts';
import { unwrap } from '@kapok/api-client';
import { raw, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let adminToken: string;
beforeAll(async () => {
  t = await startTestApp();
  adminToken = (await t.as('admin')).accessToken;
});
afterAll(() => t.close());

const api = (path: string, init: RequestInit = {}) => raw(t.baseUrl, path, { token: adminToken, ...init });
const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: `rina${Math.floor(Math.random() * 1e6)}`,
  fullName: 'Rina Marlina',
  password: 'Sewing-Lamp-Orchid-62',
  role: 'dept_admin',
  department: 'SEWING',
  ...overrides,
});

describe('users', () => {
  it('lists with paging, search and filters', async () => {
    const { client } = await t.as('admin');
    const page = unwrap(await client.GET('/api/v1/admin/users', { params: { query: { limit: 5 } } }));
    expect(page).toMatchObject({ total: DEMO_USERS.length, skip: 0, limit: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.items.map((u) => u.username)).toEqual([...page.items.map((u) => u.username)].sort());
    const sewing = unwrap(
      await client.GET('/api/v1/admin/users', { params: { query: { department: 'SEWING' } } }),
    );
    expect(sewing.items.map((u) => u.username).sort()).toEqual(['sewing', 'spv_sewing']);
    const search = unwrap(
      await client.GET('/api/v1/admin/users', { params: { query: { search: 'kusuma' } } }),
    );
    expect(search.items.map((u) => u.username)).toEqual(['spv_sewing']);
    const byRole = unwrap(
      await client.GET('/api/v1/admin/users', { params: { query: { role: 'dept_admin' } } }),
    );
    expect(byRole.total).toBe(5);
    expect((await api('/api/v1/admin/users?limit=501')).status).toBe(422);
    expect((await api('/api/v1/admin/users?department=MOON')).status).toBe(422);
    expect((await api('/api/v1/admin/users?search=%25')).body.total).toBe(0);
  });

  it('creates a user (201, never returning the password), who can then sign in; the change is audited', async () => {
    const body = newUser();
    const res = await api('/api/v1/admin/users', { method: 'POST', body: JSON.stringify(body) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username: body.username,
      role: 'dept_admin',
      department: 'SEWING',
      active: true,
      version: 1,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password|Sewing-Lamp-Orchid-62/i);
    const login = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: body.username, password: body.password }),
    });
    expect(login.status).toBe(200);
    const audit = await api(
      `/api/v1/admin/audit?entityType=user&entityId=${res.body.id}&action=user.created`,
    );
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      actor: { username: 'admin' },
      after: { username: body.username },
    });
    expect(JSON.stringify(audit.body.items[0])).not.toMatch(
      /Sewing-Lamp-Orchid-62|password_hash|passwordHash/,
    );
  });

  it('answers 409 USERNAME_TAKEN for a duplicate and 422 for bad input or an unknown role', async () => {
    expect(
      (
        await api('/api/v1/admin/users', {
          method: 'POST',
          body: JSON.stringify(newUser({ username: 'packing' })),
        })
      ).body.code,
    ).toBe('USERNAME_TAKEN');
    const bad = await api('/api/v1/admin/users', {
      method: 'POST',
      body: JSON.stringify(newUser({ username: 'A B', password: 'short' })),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['password', 'username']);
    expect(
      (await api('/api/v1/admin/users', { method: 'POST', body: JSON.stringify(newUser({ role: 'pilot' })) }))
        .status,
    ).toBe(422);
    expect(
      (
        await api('/api/v1/admin/users', {
          method: 'POST',
          body: JSON.stringify(newUser({ department: 'MOON' })),
        })
      ).status,
    ).toBe(422);
    const { rows } = await t.db.query(
      `select count(*)::int as n from users where full_name = 'Rina Marlina' and role_id not in (select id from roles where code = 'dept_admin')`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('reads one user; 404 for an unknown or malformed id', async () => {
    const { userId } = await t.as('packing');
    expect((await api(`/api/v1/admin/users/${userId}`)).body.username).toBe('packing');
    expect((await api('/api/v1/admin/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api('/api/v1/admin/users/not-a-uuid')).status).toBe(404);
  });

  it('updates with optimistic versions: a stale version is 409 and nothing changes', async () => {
    const created = (await api('/api/v1/admin/users', { method: 'POST', body: JSON.stringify(newUser()) }))
      .body;
    const first = await api(`/api/v1/admin/users/${created.id}`, {
      method: 'PUT',
      body: JSON.stringify({ version: 1, fullName: 'Rina M.', role: 'dept_supervisor' }),
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ fullName: 'Rina M.', role: 'dept_supervisor', version: 2 });
    const stale = await api(`/api/v1/admin/users/${created.id}`, {
      method: 'PUT',
      body: JSON.stringify({ version: 1, fullName: 'Lost update' }),
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });
    expect((await api(`/api/v1/admin/users/${created.id}`)).body.fullName).toBe('Rina M.');
    const audit = await api(`/api/v1/admin/audit?entityId=${created.id}&action=user.updated`);
    expect(audit.body.items[0]).toMatchObject({
      before: { fullName: 'Rina Marlina', role: 'dept_admin' },
      after: { fullName: 'Rina M.', role: 'dept_supervisor' },
    });
  });

  it('disabling a user ends their sessions at once and refuses new logins', async () => {
    const body = newUser();
    const created = (await api('/api/v1/admin/users', { method: 'POST', body: JSON.stringify(body) })).body;
    const login = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: body.username, password: body.password }),
    });
    expect((await raw(t.baseUrl, '/api/v1/auth/me', { token: login.body.accessToken })).status).toBe(200);
    const off = await api(`/api/v1/admin/users/${created.id}`, {
      method: 'PUT',
      body: JSON.stringify({ version: 1, active: false }),
    });
    expect(off.body.active).toBe(false);
    expect((await raw(t.baseUrl, '/api/v1/auth/me', { token: login.body.accessToken })).status).toBe(401);
    expect(
      (
        await raw(t.baseUrl, '/api/v1/auth/refresh', {
          method: 'POST',
          body: JSON.stringify({ refreshToken: login.body.refreshToken }),
        })
      ).status,
    ).toBe(401);
    const again = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: body.username, password: body.password }),
    });
    expect(again.status).toBe(401);
  });

  it('a password reset works and is audited without the password', async () => {
    const body = newUser();
    const created = (await api('/api/v1/admin/users', { method: 'POST', body: JSON.stringify(body) })).body;
    const res = await api(`/api/v1/admin/users/${created.id}`, {
      method: 'PUT',
      body: JSON.stringify({ version: 1, password: 'Brand-Kettle-Violet-85' }),
    });
    expect(res.status).toBe(200);
    const login = (password: string) =>
      raw(t.baseUrl, '/api/v1/auth/login', {
        method: 'POST',
        body: JSON.stringify({ username: body.username, password }),
      });
    expect((await login('Brand-Kettle-Violet-85')).status).toBe(200);
    const audit = await api(`/api/v1/admin/audit?entityId=${created.id}&action=user.updated`);
    expect(audit.body.items[0].after.passwordChanged).toBe(true);
    expect(JSON.stringify(audit.body)).not.toMatch(/Brand-Kettle-Violet-85/);
  });
});

describe('roles', () => {
  it('lists the seeded roles with their permissions and user counts', async () => {
    const res = await api('/api/v1/admin/roles');
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.items.map((r: { code: string }) => [r.code, r]));
    expect(Object.keys(byCode)).toHaveLength(SEEDED_ROLES.length);
    expect(byCode.superadmin.permissions).toHaveLength(60);
    expect(byCode.dept_admin.userCount).toBeGreaterThanOrEqual(5);
    expect(byCode.warehouse_operator.permissions).toEqual([
      'kanban.update',
      'kanban.view',
      'warehouse.create',
      'warehouse.view',
    ]);
  });

  it('updates a role (audited), refuses unknown permissions (422), a stale version (409), an unknown role (404)', async () => {
    const qc = (await api('/api/v1/admin/roles')).body.items.find(
      (r: { code: string }) => r.code === 'qc_inspector',
    );
    const put = (code: string, body: unknown) =>
      api(`/api/v1/admin/roles/${code}`, { method: 'PUT', body: JSON.stringify(body) });
    const ok = await put('qc_inspector', {
      version: qc.version,
      name: 'Quality inspector',
      permissions: [...qc.permissions, 'kanban.view'],
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 'Quality inspector', version: qc.version + 1 });
    expect(ok.body.permissions).toContain('kanban.view');
    expect((await put('qc_inspector', { permissions: ['kanban.fly'] })).status).toBe(422);
    expect((await put('qc_inspector', { version: qc.version, permissions: [] })).body.code).toBe(
      'STALE_VERSION',
    );
    expect((await put('pilot', { permissions: [] })).status).toBe(404);
    const audit = await api(`/api/v1/admin/audit?entityType=role&entityId=${qc.id}`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'role.updated',
      after: { name: 'Quality inspector' },
    });
    expect(audit.body.items[0].before.permissions).not.toContain('kanban.view');
  });

  it('never lets the superadmin role lose a permission', async () => {
    const res = await api('/api/v1/admin/roles/superadmin', {
      method: 'PUT',
      body: JSON.stringify({ permissions: ['admin.view'] }),
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ROLE_PROTECTED');
  });
});

describe('audit log', () => {
  it('records logins and filters by actor, action and time window', async () => {
    await t.signIn('wh_operator');
    const byActor = await api('/api/v1/admin/audit?actor=wh_operator&action=auth.login');
    expect(byActor.status).toBe(200);
    expect(byActor.body.items.length).toBeGreaterThanOrEqual(1);
    expect(byActor.body.items[0]).toMatchObject({
      entityType: 'user',
      actor: { username: 'wh_operator' },
      requestId: expect.any(String),
    });
    const future = await api(
      `/api/v1/admin/audit?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(future.body.total).toBe(0);
    expect((await api('/api/v1/admin/audit?from=yesterday')).status).toBe(422);
  });

  it('leaves sign-ins out unless asked for (includeLogins=true or action=auth.login); 422 for a non-boolean', async () => {
    await t.signIn('viewer');
    const changes = await api('/api/v1/admin/audit?actor=viewer');
    expect(changes.status).toBe(200);
    expect(changes.body.items.map((e: { action: string }) => e.action)).not.toContain('auth.login');
    const all = await api('/api/v1/admin/audit?actor=viewer&includeLogins=true');
    expect(all.body.items.map((e: { action: string }) => e.action)).toContain('auth.login');
    expect(all.body.total).toBeGreaterThan(changes.body.total);
    expect((await api('/api/v1/admin/audit?includeLogins=maybe')).status).toBe(422);
  });

  it('stores the request id the client sent', async () => {
    const requestId = `test-${Date.now()}`;
    const created = await api('/api/v1/admin/users', {
      method: 'POST',
      body: JSON.stringify(newUser()),
      headers: { 'x-request-id': requestId },
    });
    expect(created.headers.get('x-request-id')).toBe(requestId);
    const audit = await api(`/api/v1/admin/audit?entityId=${created.body.id}`);
    expect(audit.body.items[0].requestId).toBe(requestId);
  });
});
