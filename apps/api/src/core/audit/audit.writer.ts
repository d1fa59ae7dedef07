import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context.js';
import { outboxOf } from '../database/outbox.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

export interface AuditRecord {
  action: string;
  /** snake_case singular: product, bom, manufacturing_order, kanban_card, user, role, ... */
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** Defaults to the signed-in user of the current request. */
  actor?: { id: string; username: string } | null;
}

/** The one audit writer: services call it with their transaction's manager, so audit commits with the change. */
@Injectable()
export class AuditWriter {
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    const principal = RequestContext.principal();
    const actor =
      record.actor !== undefined
        ? record.actor
        : principal
          ? { id: principal.userId, username: principal.username }
          : null;
    const row = {
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      before: record.before === undefined ? null : toJson(record.before),
      after: record.after === undefined ? null : toJson(record.after),
      actorId: actor?.id ?? null,
      actorUsername: actor?.username ?? null,
      requestId: RequestContext.requestId() ?? null,
    };
    const outbox = outboxOf(manager);
    if (!outbox) {
      await manager.insert(AuditEntryEntity, row);
      return;
    }
    outbox.audit.push({
      action: row.action,
      entity_type: row.entityType,
      entity_id: row.entityId,
      before: row.before,
      after: row.after,
      actor_id: row.actorId,
      actor_username: row.actorUsername,
      request_id: row.requestId,
    });
  }
}

const toJson = (value: unknown): object => JSON.parse(JSON.stringify(value)) as object;
