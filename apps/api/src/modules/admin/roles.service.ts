import { Injectable } from '@nestjs/common';
import { PERMISSIONS } from '@kapok/contracts';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import { RoleEntity } from '../../core/auth/entities/role.entity.js';
import { PrincipalCache } from '../../core/auth/principal.cache.js';
import { Transactions } from '../../core/database/transactions.js';
import { AppError, notFound, staleVersion, validationFailed } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import type { CreateRoleRequest, RolePage, RoleResponse, UpdateRoleRequest } from './dto/role.dto.js';

export const SUPERADMIN_ROLE = 'superadmin';

@Injectable()
export class RolesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    private readonly principals: PrincipalCache,
  ) {}

  async list(): Promise<RolePage> {
    const rows = await this.dataSource.getRepository(RoleEntity).find({ order: { code: 'ASC' } });
    const counts: Array<{ role_id: string; n: string }> = await this.dataSource.query(
      'select role_id, count(*) as n from users group by role_id',
    );
    const byRole = new Map(counts.map((c) => [c.role_id, Number(c.n)]));
    const items = rows.map((r) => toRoleResponse(r, byRole.get(r.id) ?? 0));
    return { items, total: items.length, skip: 0, limit: 500 };
  }

  /** A new role with the given permissions, or with a copy of another role's. */
  async create(body: CreateRoleRequest): Promise<RoleResponse> {
    if ((body.permissions === undefined) === (body.copyFrom === undefined))
      throw validationFailed('Give either permissions or copyFrom', [
        { field: 'permissions', messages: ['give either permissions or copyFrom, not both'] },
      ]);
    const name = body.name.trim();
    if (!name)
      throw validationFailed('The name is empty', [{ field: 'name', messages: ['name must not be empty'] }]);
    return this.tx.run(async (manager) => {
      // Serialises role creation, so two admins cannot create the same name at once.
      await manager.query(`select pg_advisory_xact_lock(hashtext('roles.create'))`);
      const clash: Array<{ code: string; name: string }> = await manager.query(
        'select code, name from roles where code = $1 or lower(name) = lower($2)',
        [body.code, name],
      );
      if (clash.some((r) => r.code === body.code))
        throw new AppError(409, 'ROLE_CODE_TAKEN', `A role with the code ${body.code} already exists`, {
          code: body.code,
        });
      if (clash.length)
        throw new AppError(409, 'ROLE_NAME_TAKEN', `A role named ${name} already exists`, { name });
      let permissions = body.permissions;
      if (body.copyFrom !== undefined) {
        const source = await manager.findOneBy(RoleEntity, { code: body.copyFrom });
        if (!source)
          throw validationFailed(`There is no role ${body.copyFrom}`, [
            { field: 'copyFrom', messages: ['unknown role'] },
          ]);
        permissions = source.permissions;
      }
      const saved = await manager.save(
        manager.create(RoleEntity, { code: body.code, name, permissions: [...(permissions ?? [])].sort() }),
      );
      const after = toRoleResponse(saved, 0);
      await this.audit.record(manager, {
        action: 'role.created',
        entityType: 'role',
        entityId: saved.id,
        after: {
          code: after.code,
          name: after.name,
          permissions: after.permissions,
          ...(body.copyFrom !== undefined ? { copiedFrom: body.copyFrom } : {}),
        },
      });
      await this.events.publish(manager, 'role.created', [saved.id]);
      return after;
    });
  }

  async update(code: string, body: UpdateRoleRequest): Promise<RoleResponse> {
    const result = await this.tx.run(async (manager) => {
      const role = await manager.findOne(RoleEntity, {
        where: { code },
        lock: { mode: 'pessimistic_write' },
      });
      if (!role) throw notFound('role', code);
      if (body.version !== undefined && body.version !== role.version)
        throw staleVersion('role', role.version);
      if (code === SUPERADMIN_ROLE && PERMISSIONS.some((p) => !body.permissions.includes(p))) {
        throw new AppError(
          409,
          'ROLE_PROTECTED',
          'The superadmin role keeps every permission, so nobody is locked out',
        );
      }
      const before = toRoleResponse(role, 0);
      const permissions = [...body.permissions].sort();
      await manager.update(
        RoleEntity,
        { id: role.id },
        { permissions, name: body.name?.trim() ?? role.name, version: role.version + 1 },
      );
      const updated = await manager.findOneByOrFail(RoleEntity, { id: role.id });
      const [{ n }] = await manager.query('select count(*) as n from users where role_id = $1', [role.id]);
      const after = toRoleResponse(updated, Number(n));
      await this.audit.record(manager, {
        action: 'role.updated',
        entityType: 'role',
        entityId: role.id,
        before: { code: before.code, name: before.name, permissions: before.permissions },
        after: { code: after.code, name: after.name, permissions: after.permissions },
      });
      await this.events.publish(manager, 'role.updated', [role.id]);
      return after;
    });
    this.principals.clear();
    return result;
  }
}

const toRoleResponse = (r: RoleEntity, userCount: number): RoleResponse => ({
  id: r.id,
  code: r.code,
  name: r.name,
  permissions: [...r.permissions].sort(),
  userCount,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});
