import { KANBAN_STATUSES, PRIORITY_RANK } from '@kapok/contracts';
import type { Schemas } from '@kapok/api-client';

type Card = Schemas['CardResponse'];

const STATUS_RANK = Object.fromEntries(KANBAN_STATUSES.map((s, i) => [s, i])) as Record<
  Card['status'],
  number
>;
const neededByTime = (card: Pick<Card, 'neededBy'>) =>
  card.neededBy ? new Date(card.neededBy).getTime() : Number.POSITIVE_INFINITY;

/**
 * The API's board order (kanban.cards.ts): status, priority URGENT > HIGH > NORMAL > LOW, needed-by
 * (none last), position, creation. The board keeps the server's order and uses this only to place a
 * card it moved itself before the server's answer arrives.
 */
export function compareBoardOrder(a: Card, b: Card): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
    neededByTime(a) - neededByTime(b) ||
    a.position - b.position ||
    a.createdAt.localeCompare(b.createdAt)
  );
}

/** Cards the position alone orders: the same status, priority and needed-by. */
export const sameRank = (a: Card, b: Card) =>
  a.status === b.status && a.priority === b.priority && neededByTime(a) === neededByTime(b);

/** `items` with `card` taken out and put back where the board order places it. */
export function placeCard(items: readonly Card[], card: Card): Card[] {
  const rest = items.filter((c) => c.id !== card.id);
  const index = rest.findIndex((c) => compareBoardOrder(card, c) < 0);
  if (index === -1) return [...rest, card];
  return [...rest.slice(0, index), card, ...rest.slice(index)];
}
