import { type Permission, PERMISSIONS, SEEDED_ROLES } from '@kapok/contracts';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { QueryRunner } from 'typeorm';
import { OrderPermissions1796409928386 } from '../src/core/database/migrations/1796409928386-OrderPermissions.js';
import { ROUTE_ACCESS, type RouteAccess } from '../src/core/permissions/route-access.decorators.js';
import { raw, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

interface RouteInfo {
  key: string;
  access: RouteAccess | undefined;
}

/** Every route Nest registered, with the access rule the guard will read. */
function registeredRoutes(): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler);
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const full = ['/api/v1', base, String(path)]
          .join('/')
          .replace(/\/+/g, '/')
          .replace(/\/$/, '')
          .replace(/:(\w+)/g, '{$1}');
        const access =
          (Reflect.getMetadata(ROUTE_ACCESS, handler) as RouteAccess | undefined) ??
          (Reflect.getMetadata(ROUTE_ACCESS, controller) as RouteAccess | undefined);
        routes.push({ key: `${method} ${full}`, access });
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

const label = (a: RouteAccess | undefined) =>
  !a ? 'UNDECLARED' : a.kind === 'permission' ? a.permission : a.kind;

describe('route access declarations', () => {
  it('every route declares exactly one of @RequirePermission, @Public or @SignedIn', () => {
    const routes = registeredRoutes();
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => !r.access).map((r) => r.key)).toEqual([]);
  });

  it('matches the committed route → permission snapshot (apps/api/route-permissions.json)', () => {
    const snapshot = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../route-permissions.json'), 'utf8'),
    );
    const current = Object.fromEntries(registeredRoutes().map((r) => [r.key, label(r.access)]));
    expect(current).toEqual(snapshot);
  });

  it('only public routes are public: health, login, refresh and the product passport', () => {
    const open = registeredRoutes()
      .filter((r) => r.access?.kind === 'public')
      .map((r) => r.key)
      .sort();
    expect(open).toEqual([
      'GET /api/v1/health/live',
      'GET /api/v1/health/ready',
      'GET /api/v1/public/passports/{code}',
      'GET /api/v1/public/passports/{code}/image',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/refresh',
    ]);
  });
});

describe('the permission guard', () => {
  const snapshot: Record<string, string> = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../route-permissions.json'), 'utf8'),
  );
  const protectedRoutes = Object.entries(snapshot).filter(([, p]) => p !== 'public');

  it.each(protectedRoutes)('%s answers 401 without a token', async (route) => {
    const [method, path] = route.split(' ');
    const res = await raw(t.baseUrl, path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000'), {
      method,
      body: method === 'GET' ? undefined : '{}',
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHORIZED');
  });

  const demoUserOfRole = new Map([
    ['manager', 'manager'],
    ['ppic_manager', 'ppic'],
    ['ppic_admin', 'ppic_admin'],
    ['engineer', 'engineer'],
    ['warehouse_admin', 'warehouse'],
    ['warehouse_operator', 'wh_operator'],
    ['dept_admin', 'packing'],
    ['dept_supervisor', 'spv_sewing'],
    ['qc_inspector', 'qc'],
    ['qc_manager', 'qc_manager'],
    ['viewer', 'viewer'],
    ['merchandiser', 'merchandiser'],
    ['purchasing_admin', 'purchasing'],
    ['purchasing_manager', 'purchasing_mgr'],
    ['fg_admin', 'fg'],
    ['security', 'security'],
  ]);
  const cases = protectedRoutes.flatMap(([route, permission]) =>
    SEEDED_ROLES.filter(
      (role) => permission.includes('.') && !role.permissions.includes(permission as Permission),
    ).map((role) => [route, role.code] as const),
  );

  it.each(cases)('%s answers 403 for role %s', async (route, role) => {
    const [method, path] = route.split(' ');
    const { accessToken } = await t.as(demoUserOfRole.get(role)!);
    const res = await raw(t.baseUrl, path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000'), {
      method,
      token: accessToken,
      body: method === 'GET' ? undefined : '{}',
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN', details: { required: snapshot[route] } });
  });

  it('drops the cached permissions when a role changes: the next request is judged by the new role', async () => {
    const manager = await t.as('manager');
    const admin = await t.as('admin');
    expect((await raw(t.baseUrl, '/api/v1/admin/users', { token: manager.accessToken })).status).toBe(200);
    const roles = await raw(t.baseUrl, '/api/v1/admin/roles', { token: admin.accessToken });
    const managerRole = roles.body.items.find((r: { code: string }) => r.code === 'manager');
    const without = managerRole.permissions.filter((p: string) => p !== 'admin.view');
    const put = await raw(t.baseUrl, '/api/v1/admin/roles/manager', {
      method: 'PUT',
      token: admin.accessToken,
      body: JSON.stringify({ version: managerRole.version, permissions: without }),
    });
    expect(put.status).toBe(200);
    expect((await raw(t.baseUrl, '/api/v1/admin/users', { token: manager.accessToken })).status).toBe(403);
    await raw(t.baseUrl, '/api/v1/admin/roles/manager', {
      method: 'PUT',
      token: admin.accessToken,
      body: JSON.stringify({ permissions: managerRole.permissions }),
    });
    expect((await raw(t.baseUrl, '/api/v1/admin/users', { token: manager.accessToken })).status).toBe(200);
  });
});

describe('the order-permissions migration', () => {
  it('grants the new modules to the roles of a database seeded before them, and takes them back on revert', async () => {
    const runner = { query: (sql: string, params?: unknown[]) => t.db.query(sql, params) };
    const migration = new OrderPermissions1796409928386();
    const permissionsOf = async (code: string): Promise<string[]> =>
      (await t.db.query('select permissions from roles where code = $1', [code])).rows[0].permissions;
    await migration.down(runner as unknown as QueryRunner);
    // Revoking the order modules leaves the others (quality came later).
    expect(await permissionsOf('superadmin')).toHaveLength(PERMISSIONS.length - 20);
    expect((await permissionsOf('ppic_admin')).some((p) => p.startsWith('planning.'))).toBe(false);
    await migration.up(runner as unknown as QueryRunner);
    expect(new Set(await permissionsOf('superadmin'))).toEqual(new Set(PERMISSIONS));
    expect((await permissionsOf('ppic_admin')).filter((p) => p.startsWith('planning.'))).toEqual([
      'planning.create',
      'planning.view',
    ]);
    expect((await permissionsOf('ppic_manager')).filter((p) => p.startsWith('planning.'))).toHaveLength(5);
  });
});
