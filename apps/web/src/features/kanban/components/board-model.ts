import {
  KANBAN_TRANSITIONS,
  OPEN_KANBAN_STATUSES,
  positionBetween,
  type Department,
  type KanbanAction,
  type KanbanStatus,
} from '@kapok/contracts';
import { placeCard, sameRank, type KanbanCard, type PendingMove } from '../api';

/** The columns always shown, in the order a card travels. */
export const MAIN_COLUMNS = [
  'REQUESTED',
  'APPROVED',
  'IN_TRANSIT',
  'RECEIVED',
] as const satisfies readonly KanbanStatus[];
/** Shown on request: cards that left the flow. */
export const CLOSED_COLUMNS = ['REJECTED', 'CANCELLED'] as const satisfies readonly KanbanStatus[];

/** Departments with a line, the only ones that request material. */
export const REQUESTING_DEPARTMENTS = [
  'CUTTING',
  'EMBROIDERY',
  'SUBCON',
  'SEWING',
  'FINISHING',
  'PACKING',
] as const satisfies readonly Department[];

export const isRequestingDepartment = (d: string | null | undefined): d is Department =>
  (REQUESTING_DEPARTMENTS as readonly string[]).includes(d ?? '');

export const isOpen = (status: KanbanStatus) => OPEN_KANBAN_STATUSES.includes(status);

/** The moves that ask something first: reject a reason, receive the counted quantity, cancel a confirmation. */
/** Every move asks first: approve and ship choose quantity, rack and lot; the rest ask a reason or a count. */
export type PromptedAction = 'approve' | 'ship' | 'reject' | 'receive' | 'cancel';
export const isPrompted = (action: KanbanAction): action is PromptedAction =>
  action === 'approve' ||
  action === 'ship' ||
  action === 'reject' ||
  action === 'receive' ||
  action === 'cancel';

/** dnd-kit ids: columns are `column:<STATUS>`, cards their uuid. */
export const columnId = (status: KanbanStatus) => `column:${status}`;
export function statusOfColumnId(id: string | number | null | undefined): KanbanStatus | null {
  return typeof id === 'string' && id.startsWith('column:') ? (id.slice(7) as KanbanStatus) : null;
}

/** The columns this user may move the card to now, from the actions the API allows them. */
export function allowedTargets(card: Pick<KanbanCard, 'status' | 'actions'>): KanbanStatus[] {
  return card.actions
    .filter((action) => KANBAN_TRANSITIONS[action].from.includes(card.status))
    .map((action) => KANBAN_TRANSITIONS[action].to);
}

/** The action a drop performs, when the user may do it. */
export function actionForDrop(
  card: Pick<KanbanCard, 'status' | 'actions'>,
  to: KanbanStatus,
): KanbanAction | null {
  const action = card.actions.find(
    (a) => KANBAN_TRANSITIONS[a].to === to && KANBAN_TRANSITIONS[a].from.includes(card.status),
  );
  return action ?? null;
}

export interface BoardView {
  columns: Record<KanbanStatus, KanbanCard[]>;
  /** Cards with a move in flight: drawn where they are going, without buttons. */
  pending: ReadonlySet<string>;
}

/** The server's cards, with this tab's unanswered moves applied, grouped by column in board order. */
export function boardView(items: readonly KanbanCard[], moves: ReadonlyMap<string, PendingMove>): BoardView {
  let cards = [...items];
  const pending = new Set<string>();
  for (const [id, move] of moves) {
    const card = cards.find((c) => c.id === id);
    if (!card) continue;
    pending.add(id);
    cards = placeCard(cards, {
      ...card,
      status: move.status ?? card.status,
      position: move.position ?? card.position,
      actions: move.status ? [] : card.actions,
    });
  }
  const columns = {
    REQUESTED: [],
    APPROVED: [],
    IN_TRANSIT: [],
    RECEIVED: [],
    REJECTED: [],
    CANCELLED: [],
  } as Record<KanbanStatus, KanbanCard[]>;
  for (const card of cards) columns[card.status].push(card);
  return { columns, pending };
}

export type ReorderResult =
  | { kind: 'unchanged' }
  /** The move would break the priority / needed-by order the server keeps. */
  | { kind: 'ranked' }
  | { kind: 'moved'; position: number };

/**
 * The new position for moving `activeId` to where `overId` is in its column. The server orders a column by
 * priority and needed-by first, so only cards of equal priority and needed-by can change places.
 */
export function reorder(column: readonly KanbanCard[], activeId: string, overId: string): ReorderResult {
  const from = column.findIndex((c) => c.id === activeId);
  const to = column.findIndex((c) => c.id === overId);
  if (from === -1 || to === -1 || from === to) return { kind: 'unchanged' };
  const card = column[from]!;
  const rest = column.filter((c) => c.id !== activeId);
  const before = rest[to - 1];
  const after = rest[to];
  if (!((before && sameRank(before, card)) || (after && sameRank(after, card)))) return { kind: 'ranked' };
  const low = before && sameRank(before, card) ? before.position : null;
  const high = after && sameRank(after, card) ? after.position : null;
  if (low !== null && high !== null && high <= low) return { kind: 'unchanged' };
  return { kind: 'moved', position: positionBetween(low, high) };
}

/** A card is overdue while it is still open after the time it was needed by. */
export function isOverdue(card: Pick<KanbanCard, 'status' | 'neededBy'>, now: number): boolean {
  return !!card.neededBy && isOpen(card.status) && new Date(card.neededBy).getTime() < now;
}

export type Age = { unit: 'now' } | { unit: 'minutes' | 'hours' | 'days'; n: number };

/** How long ago, coarsened the way a supervisor reads it: minutes, then hours, then days. */
export function ageOf(since: string, now: number): Age {
  const minutes = Math.floor((now - new Date(since).getTime()) / 60_000);
  if (minutes < 1) return { unit: 'now' };
  if (minutes < 60) return { unit: 'minutes', n: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'hours', n: hours };
  return { unit: 'days', n: Math.floor(hours / 24) };
}
