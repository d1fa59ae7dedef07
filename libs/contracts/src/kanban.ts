import type { KanbanStatus, Priority } from './enums.js';
import type { Permission } from './permissions.js';

export type KanbanAction = 'approve' | 'reject' | 'ship' | 'receive' | 'cancel';

/** Who may move a card where (domain.md, E-kanban). Row rules (own department, requester) sit in the API. */
export const KANBAN_TRANSITIONS: Record<
  KanbanAction,
  { from: readonly KanbanStatus[]; to: KanbanStatus; permission: Permission }
> = {
  approve: { from: ['REQUESTED'], to: 'APPROVED', permission: 'kanban.approve' },
  reject: { from: ['REQUESTED', 'APPROVED'], to: 'REJECTED', permission: 'kanban.approve' },
  ship: { from: ['APPROVED'], to: 'IN_TRANSIT', permission: 'kanban.update' },
  receive: { from: ['IN_TRANSIT'], to: 'RECEIVED', permission: 'kanban.update' },
  cancel: { from: ['REQUESTED'], to: 'CANCELLED', permission: 'kanban.update' },
};

/**
 * A partial approval grants part of the requested quantity; the rest either stays requested (a new
 * REQUESTED card, split off this one) or is rejected with a reason on this card.
 */
export const KANBAN_REMAINDER = ['REQUEST', 'REJECT'] as const;
export type KanbanRemainder = (typeof KANBAN_REMAINDER)[number];

export const OPEN_KANBAN_STATUSES: readonly KanbanStatus[] = ['REQUESTED', 'APPROVED', 'IN_TRANSIT'];

/** The action that moves a card from one column to another, if any. */
export function kanbanActionFor(from: KanbanStatus, to: KanbanStatus): KanbanAction | null {
  for (const [action, t] of Object.entries(KANBAN_TRANSITIONS) as Array<
    [KanbanAction, (typeof KANBAN_TRANSITIONS)[KanbanAction]]
  >) {
    if (t.to === to && t.from.includes(from)) return action;
  }
  return null;
}

export const PRIORITY_RANK: Record<Priority, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };

/**
 * A position strictly between two neighbours (either may be missing), for ordering cards in a column
 * without renumbering the others.
 */
export function positionBetween(before?: number | null, after?: number | null): number {
  if (before == null && after == null) return 1024;
  if (before == null) return after! - 1024;
  if (after == null) return before + 1024;
  if (after <= before) throw new Error('positionBetween: `after` must be greater than `before`');
  return before + (after - before) / 2;
}
