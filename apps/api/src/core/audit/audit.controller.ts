import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { auditEntityTypesOf } from '@kapok/contracts';
import { DataSource } from 'typeorm';
import { People } from '../database/people.js';
import { RequirePermission } from '../permissions/route-access.decorators.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditLinks } from './audit-links.js';
import { AuditPage, type AuditEntryResponse, AuditQuery } from './dto/audit.dto.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('admin')
@Controller('admin/audit')
export class AuditController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: AuditLinks,
    private readonly people: People,
  ) {}

  @Get()
  @RequirePermission('admin.view')
  @ApiOkResponse({ type: AuditPage })
  async listAuditEntries(@Query() q: AuditQuery): Promise<AuditPage> {
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (q.module) qb.andWhere('a.entity_type = any(:types)', { types: auditEntityTypesOf(q.module) });
    if (q.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: q.entityType });
    if (q.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: q.entityId });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    // Sign-ins outnumber every other entry; people look for changes.
    else if (!q.includeLogins) qb.andWhere("a.action <> 'auth.login'");
    if (q.actor) {
      if (UUID.test(q.actor)) qb.andWhere('a.actor_id = :actorId', { actorId: q.actor });
      else qb.andWhere('a.actor_username = :actor', { actor: q.actor.toLowerCase() });
    }
    if (q.from) qb.andWhere('a.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.at < :to', { to: q.to });
    const [rows, total] = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip(q.skip)
      .take(q.limit)
      .getManyAndCount();
    const m = this.dataSource.manager;
    const [{ linkOf }, person] = await Promise.all([
      this.links.resolve(m, rows),
      this.people.lookup(
        rows.map((r) => r.actorId),
        m,
      ),
    ]);
    const items = rows.map((a): AuditEntryResponse => ({
      id: a.id,
      at: a.at.toISOString(),
      actor: a.actorId
        ? {
            id: a.actorId,
            username: a.actorUsername ?? '',
            fullName: person(a.actorId)?.fullName ?? a.actorUsername ?? '',
          }
        : null,
      action: a.action,
      entityType: a.entityType,
      entityId: a.entityId,
      link: linkOf(a.entityType, a.entityId),
      before: a.before,
      after: a.after,
      requestId: a.requestId,
    }));
    return { items, total, skip: q.skip, limit: q.limit };
  }
}
