/**
 * Business counters of this process, bumped when a command commits (never counted over the ledger or
 * the audit log at scrape time). Plain numbers, so any code can count without the metrics registry.
 */
export const committed = {
  /** Stock moves by move type. */
  stockMoves: new Map<string, number>(),
  /** Audited changes by `entity|action` (`kanban_card|approved`). */
  changes: new Map<string, number>(),
};

export const happened = {
  loginFailures: 0,
  idempotentReplays: 0,
  /** Webhook attempts by outcome (`delivered`, `failed`). */
  webhookDeliveries: new Map<string, number>(),
};

export function add(map: Map<string, number>, key: string, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** What a committed command's outbox says happened: its stock moves and audited changes. */
export function countCommitted(box: {
  audit: ReadonlyArray<{ entity_type: string; action: string }>;
  stockMoves: ReadonlyMap<string, number>;
}): void {
  for (const [type, n] of box.stockMoves) add(committed.stockMoves, type, n);
  for (const a of box.audit)
    add(committed.changes, `${a.entity_type}|${a.action.slice(a.action.lastIndexOf('.') + 1)}`);
}
