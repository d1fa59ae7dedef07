import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** How a person knows an audited record: its document number (or code) and the web page that shows it. */
export interface AuditLink {
  label: string;
  /** A path of the web app (`/ppic/orders/…`), or null when no page shows the record. */
  path: string | null;
}

/**
 * The labels of many records of one entity type, read in one query. Ids that no longer exist (a
 * deleted record) are simply missing from the answer.
 */
export type AuditLinkLookup = (m: EntityManager, ids: readonly string[]) => Promise<Map<string, AuditLink>>;

const key = (entityType: string, entityId: string) => `${entityType}\u0000${entityId}`;

/**
 * Each module registers a lookup for the entity types it audits (its own tables, its own SQL); the
 * audit log asks them for the records of one page, one query per entity type.
 */
@Injectable()
export class AuditLinks {
  private readonly lookups = new Map<string, AuditLinkLookup>();

  register(entityType: string, lookup: AuditLinkLookup): void {
    if (this.lookups.has(entityType)) throw new Error(`audit link lookup for ${entityType} registered twice`);
    this.lookups.set(entityType, lookup);
  }

  registered(): string[] {
    return [...this.lookups.keys()].sort();
  }

  /** The links of the given entries; `linkOf` answers null for an entry without one. */
  async resolve(
    m: EntityManager,
    entries: readonly { entityType: string; entityId: string }[],
  ): Promise<{ linkOf: (entityType: string, entityId: string) => AuditLink | null }> {
    const idsByType = new Map<string, Set<string>>();
    for (const e of entries) {
      if (!this.lookups.has(e.entityType)) continue;
      const ids = idsByType.get(e.entityType) ?? new Set<string>();
      ids.add(e.entityId);
      idsByType.set(e.entityType, ids);
    }
    const found = new Map<string, AuditLink>();
    for (const [entityType, ids] of idsByType) {
      const links = await this.lookups.get(entityType)!(m, [...ids]);
      for (const [id, link] of links) found.set(key(entityType, id), link);
    }
    return { linkOf: (entityType, entityId) => found.get(key(entityType, entityId)) ?? null };
  }
}

/** Keeps only ids that are uuids: some entries name a record by another key (`company`). */
export const uuidsOf = (ids: readonly string[]): string[] =>
  ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));

/**
 * A lookup from one query whose only parameter `$1` is the uuid[] of the ids wanted and whose rows
 * carry the `id` they answer for.
 */
export function auditLookup<R extends { id: string }>(
  sql: string,
  link: (row: R) => AuditLink,
): AuditLinkLookup {
  return async (m, ids) => {
    const wanted = uuidsOf(ids);
    if (wanted.length === 0) return new Map();
    const rows: R[] = await m.query(sql, [wanted]);
    return new Map(rows.map((row) => [row.id, link(row)]));
  };
}
