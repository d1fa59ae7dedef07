import type { EntityManager } from 'typeorm';

export interface AuditTrailEntry {
  action: string;
  at: Date;
  actorId: string | null;
  after: Record<string, unknown> | null;
}

/** The audit entries of one entity, oldest first: how modules show a document's timeline. */
export async function auditTrail(
  m: EntityManager,
  entityType: string,
  entityId: string,
): Promise<AuditTrailEntry[]> {
  const rows: Array<{
    action: string;
    at: Date;
    actor_id: string | null;
    after: Record<string, unknown> | null;
  }> = await m.query(
    `select action, at, actor_id, after from audit_log where entity_type = $1 and entity_id = $2 order by at, id`,
    [entityType, entityId],
  );
  return rows.map((r) => ({ action: r.action, at: r.at, actorId: r.actor_id, after: r.after }));
}
