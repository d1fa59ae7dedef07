import { raw, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let adminToken: string;
beforeAll(async () => {
  t = await startTestApp();
  adminToken = (await t.as('admin')).accessToken;
});
afterAll(() => t.close());

const post = (body: unknown, token = adminToken) =>
  raw(t.baseUrl, '/api/v1/admin/roles', { token, method: 'POST', body: JSON.stringify(body) });

describe('creating a role', () => {
  it('creates a role with the permissions given (201), lists it and audits it', async () => {
    const res = await post({
      code: 'line_planner',
      name: '  Line planner ',
      permissions: ['ppic.view', 'kanban.view', 'ppic.create'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: 'line_planner',
      name: 'Line planner',
      permissions: ['kanban.view', 'ppic.create', 'ppic.view'],
      userCount: 0,
      version: 1,
    });
    const list = await raw(t.baseUrl, '/api/v1/admin/roles', { token: adminToken });
    expect(list.body.items.map((r: { code: string }) => r.code)).toContain('line_planner');
    const audit = await raw(
      t.baseUrl,
      `/api/v1/admin/audit?entityType=role&entityId=${res.body.id}&action=role.created`,
      { token: adminToken },
    );
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      actor: { username: 'admin' },
      before: null,
      after: { code: 'line_planner', name: 'Line planner', permissions: res.body.permissions },
    });
  });

  it('copies another role: the new role starts with exactly its permissions, and later edits stay apart', async () => {
    const roles = (await raw(t.baseUrl, '/api/v1/admin/roles', { token: adminToken })).body.items as Array<{
      code: string;
      permissions: string[];
    }>;
    const source = roles.find((r) => r.code === 'ppic_admin')!;
    const res = await post({
      code: 'ppic_admin_night',
      name: 'PPIC admin (night shift)',
      copyFrom: 'ppic_admin',
    });
    expect(res.status).toBe(201);
    expect(res.body.permissions).toEqual(source.permissions);
    const edited = await raw(t.baseUrl, '/api/v1/admin/roles/ppic_admin_night', {
      token: adminToken,
      method: 'PUT',
      body: JSON.stringify({ version: 1, permissions: ['ppic.view'] }),
    });
    expect(edited.status).toBe(200);
    const after = (await raw(t.baseUrl, '/api/v1/admin/roles', { token: adminToken })).body.items as Array<{
      code: string;
      permissions: string[];
    }>;
    expect(after.find((r) => r.code === 'ppic_admin')!.permissions).toEqual(source.permissions);
    const audit = await raw(t.baseUrl, `/api/v1/admin/audit?entityId=${res.body.id}&action=role.created`, {
      token: adminToken,
    });
    expect(audit.body.items[0].after.copiedFrom).toBe('ppic_admin');
  });

  it('a user given the new role holds exactly its permissions', async () => {
    await post({ code: 'stock_reader', name: 'Stock reader', permissions: ['warehouse.view'] });
    const user = await raw(t.baseUrl, '/api/v1/admin/users', {
      token: adminToken,
      method: 'POST',
      body: JSON.stringify({
        username: 'reader1',
        fullName: 'Dewi Lestari',
        password: 'Quiet-Shelf-Mango-83',
        role: 'stock_reader',
      }),
    });
    expect(user.status).toBe(201);
    const login = await raw(t.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'reader1', password: 'Quiet-Shelf-Mango-83' }),
    });
    const token = login.body.accessToken as string;
    expect((await raw(t.baseUrl, '/api/v1/warehouse/stock', { token })).status).toBe(200);
    expect((await raw(t.baseUrl, '/api/v1/ppic/tasks', { token })).status).toBe(403);
  });

  it('answers 409 for a code or a name (ignoring case) that is taken, and writes nothing', async () => {
    const taken = await post({ code: 'viewer', name: 'Somebody new', permissions: [] });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('ROLE_CODE_TAKEN');
    await post({ code: 'packing_lead', name: 'Packing lead', permissions: ['production.view'] });
    const sameName = await post({ code: 'packing_lead_2', name: 'PACKING LEAD', permissions: [] });
    expect(sameName.status).toBe(409);
    expect(sameName.body.code).toBe('ROLE_NAME_TAKEN');
    const { rows } = await t.db.query(`select count(*)::int as n from roles where code = 'packing_lead_2'`);
    expect(rows[0].n).toBe(0);
  });

  it('answers 422 for unknown permissions, an unknown source role, both or neither, and a bad code', async () => {
    const unknown = await post({ code: 'pilot', name: 'Pilot', permissions: ['kanban.fly'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    expect((await post({ code: 'pilot', name: 'Pilot', copyFrom: 'astronaut' })).status).toBe(422);
    expect(
      (await post({ code: 'pilot', name: 'Pilot', copyFrom: 'viewer', permissions: ['bom.view'] })).status,
    ).toBe(422);
    expect((await post({ code: 'pilot', name: 'Pilot' })).status).toBe(422);
    expect((await post({ code: 'Pilot Role', name: 'Pilot', permissions: [] })).status).toBe(422);
    expect((await post({ code: 'pilot', name: '   ', permissions: [] })).status).toBe(422);
    expect((await post({ code: 'pilot', name: 'Pilot', permissions: [], extra: 1 })).status).toBe(422);
    const { rows } = await t.db.query(`select count(*)::int as n from roles where code = 'pilot'`);
    expect(rows[0].n).toBe(0);
  });

  it('needs admin.create: a manager (admin.view only at most) is refused with 403', async () => {
    const manager = (await t.as('manager')).accessToken;
    const res = await post({ code: 'sneaky', name: 'Sneaky', permissions: ['admin.view'] }, manager);
    expect(res.status).toBe(403);
  });
});
