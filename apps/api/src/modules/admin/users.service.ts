import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import { AuthService } from '../../core/auth/auth.service.js';
import { RoleEntity } from '../../core/auth/entities/role.entity.js';
import { UserEntity } from '../../core/auth/entities/user.entity.js';
import { assertStrongPassword, hashPassword } from '../../core/auth/passwords.js';
import { PrincipalCache } from '../../core/auth/principal.cache.js';
import { Transactions } from '../../core/database/transactions.js';
import { escapeLike } from '../../core/database/like.js';
import { isUniqueViolation } from '../../core/database/db-errors.js';
import { AppError, notFound, staleVersion } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import { SUPERADMIN_ROLE } from './roles.service.js';
import type {
  CreateUserRequest,
  UpdateUserRequest,
  UserPage,
  UserQuery,
  UserResponse,
} from './dto/user.dto.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    private readonly auth: AuthService,
    private readonly principals: PrincipalCache,
  ) {}

  async list(q: UserQuery): Promise<UserPage> {
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.role', 'r');
    if (q.search)
      qb.andWhere('(u.username ilike :s or u.full_name ilike :s)', { s: `%${escapeLike(q.search)}%` });
    if (q.role) qb.andWhere('r.code = :role', { role: q.role });
    if (q.department) qb.andWhere('u.department = :department', { department: q.department });
    if (q.active !== undefined) qb.andWhere('u.active = :active', { active: q.active });
    const [rows, total] = await qb.orderBy('u.username', 'ASC').skip(q.skip).take(q.limit).getManyAndCount();
    return { items: rows.map(toUserResponse), total, skip: q.skip, limit: q.limit };
  }

  async get(id: string): Promise<UserResponse> {
    return toUserResponse(await this.find(this.dataSource.manager, id));
  }

  async create(body: CreateUserRequest): Promise<UserResponse> {
    assertStrongPassword('password', body.password, [body.username, body.fullName]);
    const passwordHash = await hashPassword(body.password);
    try {
      return await this.tx.run(async (manager) => {
        const role = await this.role(manager, body.role);
        const saved = await manager.save(
          manager.create(UserEntity, {
            username: body.username,
            fullName: body.fullName.trim(),
            passwordHash,
            roleId: role.id,
            department: body.department ?? null,
            active: true,
            lastLoginAt: null,
          }),
        );
        const user = await this.find(manager, saved.id);
        const after = toUserResponse(user);
        await this.audit.record(manager, {
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          after,
        });
        await this.events.publish(manager, 'user.created', [user.id]);
        return after;
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError(409, 'USERNAME_TAKEN', `The username ${body.username} is already taken`);
      throw e;
    }
  }

  async update(id: string, body: UpdateUserRequest): Promise<UserResponse> {
    if (body.password) {
      const current = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
      assertStrongPassword('password', body.password, [
        current?.username ?? '',
        body.fullName ?? current?.fullName ?? '',
      ]);
    }
    const passwordHash = body.password ? await hashPassword(body.password) : undefined;
    const result = await this.tx.run(async (manager) => {
      const user = await this.find(manager, id, true);
      if (user.version !== body.version) throw staleVersion('user', user.version);
      const before = toUserResponse(user);
      const changes: Partial<UserEntity> = {};
      if (body.fullName !== undefined) changes.fullName = body.fullName.trim();
      if (body.department !== undefined) changes.department = body.department;
      if (body.active !== undefined) changes.active = body.active;
      if (body.role !== undefined) changes.roleId = (await this.role(manager, body.role)).id;
      if (passwordHash) changes.passwordHash = passwordHash;
      const superadminNow = user.active && user.role?.code === SUPERADMIN_ROLE;
      const superadminAfter =
        (body.active ?? user.active) && (body.role ?? user.role?.code) === SUPERADMIN_ROLE;
      if (superadminNow && !superadminAfter) await keepOneSuperadmin(manager, id);
      await manager.update(UserEntity, { id }, { ...changes, version: user.version + 1 });
      if (body.active === false || passwordHash) {
        await this.auth.revokeAllSessions(
          manager,
          id,
          body.active === false ? 'ACCOUNT_DISABLED' : 'PASSWORD_CHANGED',
        );
      }
      const after = toUserResponse(await this.find(manager, id));
      await this.audit.record(manager, {
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        before,
        after: passwordHash ? { ...after, passwordChanged: true } : after,
      });
      await this.events.publish(manager, 'user.updated', [id]);
      return after;
    });
    this.principals.clear();
    return result;
  }

  private async find(manager: EntityManager, id: string, lock = false): Promise<UserEntity> {
    const user = await manager.findOne(UserEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : { relations: { role: true } }),
    });
    if (!user) throw notFound('user', id);
    if (lock) user.role = (await manager.findOneBy(RoleEntity, { id: user.roleId })) ?? undefined;
    return user;
  }

  private async role(manager: EntityManager, code: string): Promise<RoleEntity> {
    const role = await manager.findOneBy(RoleEntity, { code });
    if (!role)
      throw new AppError(422, 'VALIDATION_FAILED', `There is no role ${code}`, [
        { field: 'role', messages: ['unknown role'] },
      ]);
    return role;
  }
}

/** Demotions and deactivations of superadmins run one at a time, so two cannot remove the last two. */
const SUPERADMIN_LOCK = 7_041_002;

async function keepOneSuperadmin(manager: EntityManager, leaving: string): Promise<void> {
  await manager.query('select pg_advisory_xact_lock($1)', [SUPERADMIN_LOCK]);
  const [{ n }]: Array<{ n: number }> = await manager.query(
    `select count(*)::int as n from users u join roles r on r.id = u.role_id
      where r.code = $1 and u.active and u.id <> $2`,
    [SUPERADMIN_ROLE, leaving],
  );
  if (n === 0)
    throw new AppError(
      409,
      'LAST_SUPERADMIN',
      'This is the last active superadmin: make another user superadmin first, so nobody is locked out',
    );
}

export const toUserResponse = (u: UserEntity): UserResponse => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  role: u.role?.code ?? '',
  department: u.department,
  active: u.active,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  version: u.version,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});
