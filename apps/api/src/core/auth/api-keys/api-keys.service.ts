import { Injectable } from '@nestjs/common';
import type { Permission } from '@kapok/contracts';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../../audit/audit.writer.js';
import type { Principal } from '../../context/request-context.js';
import { isUniqueViolation } from '../../database/db-errors.js';
import { Transactions } from '../../database/transactions.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { EventPublisher } from '../../events/event-publisher.js';
import { RoleEntity } from '../entities/role.entity.js';
import type {
  ApiKeyPage,
  ApiKeyResponse,
  CreateApiKeyRequest,
  CreatedApiKeyResponse,
} from './api-key.dto.js';
import { ApiKeyAuth } from './api-key.auth.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { newApiKeySecret } from './api-key.secret.js';

interface KeyListRow {
  id: string;
  name: string;
  prefix: string;
  role: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  created_at: Date;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toResponse = (r: KeyListRow): ApiKeyResponse => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  role: r.role,
  expiresAt: iso(r.expires_at),
  revokedAt: iso(r.revoked_at),
  lastUsedAt: iso(r.last_used_at),
  createdAt: r.created_at.toISOString(),
});

const SELECT = `select k.id, k.name, k.prefix, r.code as role, k.expires_at, k.revoked_at, k.last_used_at, k.created_at
                  from api_keys k join roles r on r.id = k.role_id`;

/** Service accounts: created with a role, the secret shown once, revoked for good. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    private readonly auth: ApiKeyAuth,
  ) {}

  async list(): Promise<ApiKeyPage> {
    const rows: KeyListRow[] = await this.dataSource.query(
      `${SELECT} order by k.revoked_at is not null, k.created_at desc, k.id`,
    );
    return { items: rows.map(toResponse), total: rows.length, skip: 0, limit: rows.length };
  }

  async create(body: CreateApiKeyRequest, by: Principal): Promise<CreatedApiKeyResponse> {
    if (body.expiresAt && body.expiresAt.getTime() <= Date.now())
      throw new AppError(422, 'VALIDATION_FAILED', 'The expiry must be in the future', [
        { field: 'expiresAt', messages: ['must be in the future'] },
      ]);
    const { secret, prefix, hash } = newApiKeySecret();
    try {
      const created = await this.tx.run(async (m) => {
        const role = await m.findOneBy(RoleEntity, { code: body.role });
        if (!role)
          throw new AppError(422, 'VALIDATION_FAILED', `There is no role ${body.role}`, [
            { field: 'role', messages: ['unknown role'] },
          ]);
        const key = await m.save(
          m.create(ApiKeyEntity, {
            name: body.name,
            prefix,
            secretHash: hash,
            roleId: role.id,
            expiresAt: body.expiresAt ?? null,
            revokedAt: null,
            lastUsedAt: null,
            createdById: by.userId,
          }),
        );
        const rows: KeyListRow[] = await m.query(`${SELECT} where k.id = $1`, [key.id]);
        const response = toResponse(rows[0]);
        await this.audit.record(m, {
          action: 'api_key.created',
          entityType: 'api_key',
          entityId: key.id,
          after: { ...response, permissions: role.permissions as Permission[] },
        });
        await this.events.publish(m, 'api_key.created', [key.id]);
        return response;
      });
      return { ...created, secret };
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError(409, 'API_KEY_NAME_TAKEN', `A live API key is already named ${body.name}`);
      throw error;
    }
  }

  async revoke(id: string): Promise<void> {
    await this.tx.run(async (m) => {
      const rows: KeyListRow[] = await m.query(`${SELECT} where k.id = $1 for update of k`, [id]);
      if (!rows[0]) throw notFound('API key', id);
      if (rows[0].revoked_at) return;
      await m.query('update api_keys set revoked_at = now(), updated_at = now() where id = $1', [id]);
      await this.audit.record(m, {
        action: 'api_key.revoked',
        entityType: 'api_key',
        entityId: id,
        before: toResponse(rows[0]),
      });
      await this.events.publish(m, 'api_key.revoked', [id]);
    });
    // This instance refuses the key from the next request; others drop it on the event.
    this.auth.clear();
  }
}
