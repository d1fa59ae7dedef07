import type { EntityManager } from 'typeorm';

/** An audit row as it is stored (snake_case columns of `audit_log`). */
export interface AuditRow {
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  actor_id: string | null;
  actor_username: string | null;
  request_id: string | null;
}

/**
 * What a command's transaction says besides its own rows: audit entries and change notices. Kept in
 * memory while the command runs and written with one statement just before commit (see
 * `Transactions.run`), so a transition costs one round trip for all of them instead of one each.
 */
export class Outbox {
  readonly audit: AuditRow[] = [];
  /** Stock moves written by the command, by move type: counted in the metrics once it commits. */
  readonly stockMoves = new Map<string, number>();
  private readonly notices = new Set<string>();

  countStockMove(type: string): void {
    this.stockMoves.set(type, (this.stockMoves.get(type) ?? 0) + 1);
  }

  notify(payload: string): void {
    this.notices.add(payload);
  }

  get payloads(): string[] {
    return [...this.notices];
  }
}

const open = new WeakMap<EntityManager, Outbox>();

export const outboxOf = (m: EntityManager): Outbox | undefined => open.get(m);

export function openOutbox(m: EntityManager): Outbox {
  const box = new Outbox();
  open.set(m, box);
  return box;
}

export const EVENTS_CHANNEL = 'kapok_events';

/** Writes the audit rows and sends the notices: one statement. */
export async function flushOutbox(m: EntityManager, box: Outbox): Promise<void> {
  if (box.audit.length === 0 && box.payloads.length === 0) return;
  await m.query(
    `with audit as (
       insert into audit_log (action, entity_type, entity_id, before, after, actor_id, actor_username, request_id)
       select action, entity_type, entity_id, before, after, actor_id, actor_username, request_id
         from jsonb_to_recordset($1::jsonb) as x(action varchar, entity_type varchar, entity_id varchar, before jsonb,
                                                   after jsonb, actor_id uuid, actor_username varchar, request_id varchar)
     )
     select count(pg_notify($2, payload)) from unnest($3::text[]) payload`,
    [JSON.stringify(box.audit), EVENTS_CHANNEL, box.payloads],
  );
}
