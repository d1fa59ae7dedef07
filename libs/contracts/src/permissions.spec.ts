import { describe, expect, it } from 'vitest';
import { DEMO_USERS, PERMISSIONS, SEEDED_ROLES, isPermission } from './permissions.js';
import { eventModule } from './events.js';

describe('permission catalogue', () => {
  it('has module.action for twelve modules and five actions', () => {
    expect(PERMISSIONS).toHaveLength(60);
    expect(isPermission('purchasing.approve')).toBe(true);
    expect(isPermission('kanban.approve')).toBe(true);
    expect(isPermission('kanban.fly')).toBe(false);
  });

  it('gives superadmin every permission and every role only catalogue permissions', () => {
    const superadmin = SEEDED_ROLES.find((r) => r.code === 'superadmin');
    expect(new Set(superadmin?.permissions)).toEqual(new Set(PERMISSIONS));
    for (const role of SEEDED_ROLES) for (const p of role.permissions) expect(isPermission(p)).toBe(true);
  });

  it('matches the role table of domain.md on a few rows', () => {
    const role = (code: string) => new Set(SEEDED_ROLES.find((r) => r.code === code)?.permissions);
    expect(role('viewer')).toEqual(
      new Set(PERMISSIONS.filter((p) => p.endsWith('.view') && p !== 'admin.view')),
    );
    expect(role('manager').has('admin.view')).toBe(true);
    expect(role('dept_supervisor').has('production.approve')).toBe(true);
    expect(role('dept_admin').has('production.approve')).toBe(false);
    expect(role('manager').has('ppic.approve')).toBe(true);
    expect(role('manager').has('ppic.create')).toBe(false);
    expect(role('warehouse_operator')).toEqual(
      new Set(['warehouse.view', 'warehouse.create', 'kanban.view', 'kanban.update']),
    );
  });

  it('gives the order roles of planning.md their permissions', () => {
    const role = (code: string) => new Set(SEEDED_ROLES.find((r) => r.code === code)?.permissions);
    const merchandiser = role('merchandiser');
    for (const p of ['partners.approve', 'sales.approve', 'ppic.view', 'warehouse.view'] as const)
      expect(merchandiser.has(p)).toBe(true);
    expect(merchandiser.has('purchasing.view')).toBe(false);
    const admin = role('purchasing_admin');
    expect(admin.has('purchasing.delete')).toBe(true);
    expect(admin.has('partners.delete')).toBe(false);
    expect(admin.has('purchasing.approve')).toBe(false);
    expect(role('purchasing_manager')).toEqual(new Set([...admin, 'purchasing.approve']));
    expect(role('ppic_manager').has('planning.approve')).toBe(true);
    expect(role('ppic_admin').has('planning.create')).toBe(true);
    expect(role('ppic_admin').has('planning.approve')).toBe(false);
  });

  it('makes qc an inspector who records quality, not output, and qc_manager the one who decides', () => {
    const role = (code: string) => new Set(SEEDED_ROLES.find((r) => r.code === code)?.permissions);
    const inspector = role('qc_inspector');
    expect(inspector).toEqual(
      new Set(['quality.view', 'quality.create', 'production.view', 'ppic.view', 'warehouse.view']),
    );
    expect(inspector.has('production.update')).toBe(false);
    expect(role('qc_manager')).toEqual(new Set([...inspector, 'quality.update', 'quality.approve']));
    expect(DEMO_USERS.find((u) => u.username === 'qc_manager')?.role).toBe('qc_manager');
  });

  it('gives the finished-goods admin shipping, and the merchandiser a read of it (quality-shipping.md)', () => {
    const role = (code: string) => new Set(SEEDED_ROLES.find((r) => r.code === code)?.permissions);
    expect(role('fg_admin')).toEqual(
      new Set([
        'shipping.view',
        'shipping.create',
        'shipping.update',
        'shipping.delete',
        'shipping.approve',
        'warehouse.view',
        'warehouse.create',
        'sales.view',
        'partners.view',
      ]),
    );
    expect(role('merchandiser').has('shipping.view')).toBe(true);
    expect(role('merchandiser').has('shipping.create')).toBe(false);
    expect(DEMO_USERS.find((u) => u.username === 'fg')?.role).toBe('fg_admin');
  });

  it('assigns every demo user a seeded role', () => {
    const codes = new Set(SEEDED_ROLES.map((r) => r.code));
    for (const u of DEMO_USERS) expect(codes.has(u.role)).toBe(true);
    expect(DEMO_USERS.map((u) => u.username)).toContain('spv_sewing');
  });

  it('maps event types to the module a client must view', () => {
    expect(eventModule('kanban_card.approved')).toBe('kanban');
    expect(eventModule('handover.accepted')).toBe('production');
    expect(eventModule('stock.changed')).toBe('warehouse');
    expect(eventModule('mystery.thing')).toBeNull();
    expect(eventModule('quality.lot.released')).toBe('quality');
    expect(eventModule('lab_test.recorded')).toBe('quality');
    expect(eventModule('shipment.shipped')).toBe('shipping');
  });
});
