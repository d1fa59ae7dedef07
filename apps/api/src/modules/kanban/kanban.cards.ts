import { type ErrorCode, KANBAN_TRANSITIONS, type KanbanAction } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../core/context/request-context.js';
import type { People } from '../../core/database/people.js';
import { AppError } from '../../core/errors/app-error.js';
import type { Locations } from '../warehouse/index.js';
import type { CardResponse } from './dto/kanban.dto.js';
import type { CardRecord, CardRow } from './kanban.sql.js';

const ACTOR_COLUMNS = [
  'requested_by_id',
  'approved_by_id',
  'rejected_by_id',
  'shipped_by_id',
  'received_by_id',
  'cancelled_by_id',
] as const;

/** Maps card rows to answers, with the people and source racks they name (both from memory after the first time). */
export async function toCards(
  rows: CardRow[],
  people: People,
  locations: Locations,
  principal: Principal | undefined,
  m?: EntityManager,
): Promise<CardResponse[]> {
  const [actor, codes] = await Promise.all([
    people.lookup(
      rows.flatMap((r) => ACTOR_COLUMNS.map((c) => r[c])),
      m,
    ),
    locations.codes(m),
  ]);
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  const num = (v: string | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    department: r.department,
    requestedBy: actor(r.requested_by_id),
    productId: r.product_id,
    productCode: r.product_code,
    productName: r.product_name,
    uom: r.uom,
    quantity: Number(r.quantity),
    priority: r.priority,
    neededBy: iso(r.needed_by),
    reason: r.reason,
    workOrderId: r.work_order_id,
    sourceLocationId: r.source_location_id,
    sourceLocationCode: r.source_location_id ? (codes.get(r.source_location_id) ?? null) : null,
    status: r.status,
    position: r.position,
    automatic: r.automatic,
    approvedBy: actor(r.approved_by_id),
    approvedAt: iso(r.approved_at),
    approveNotes: r.approve_notes,
    approvedQuantity: num(r.approved_quantity),
    remainderReason: r.remainder_reason,
    splitFromId: r.split_from_id,
    rejectedBy: actor(r.rejected_by_id),
    rejectedAt: iso(r.rejected_at),
    rejectReason: r.reject_reason,
    shippedBy: actor(r.shipped_by_id),
    shippedAt: iso(r.shipped_at),
    shippedQuantity: num(r.shipped_quantity),
    receivedBy: actor(r.received_by_id),
    receivedAt: iso(r.received_at),
    receivedQuantity: num(r.received_quantity),
    shortQuantity:
      r.received_quantity === null
        ? null
        : Math.round((Number(r.shipped_quantity) - Number(r.received_quantity)) * 10_000) / 10_000,
    shortReason: r.short_reason,
    cancelledBy: actor(r.cancelled_by_id),
    cancelledAt: iso(r.cancelled_at),
    actions: principal ? allowedActions(r, principal) : [],
    version: r.version,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  }));
}

type RuleSubject = Pick<CardRecord, 'department' | 'requested_by_id'>;

/** The row rules of domain.md, beside the permission: who may act on this card (a refusal, or null). */
export function rowRuleViolation(
  action: KanbanAction | 'position',
  card: RuleSubject,
  principal: Principal,
): AppError | null {
  const refuse = (message: string, code: ErrorCode = 'FORBIDDEN') =>
    new AppError(403, code, message, { rule: action });
  if (action === 'approve' && card.requested_by_id === principal.userId)
    return refuse('Nobody approves a card they requested', 'SELF_APPROVAL');
  if (action === 'receive' && principal.department !== card.department)
    return refuse('Only the requesting department receives its cards');
  if (action === 'ship' && principal.department !== null && principal.department !== 'WAREHOUSE')
    return refuse('Only the warehouse ships cards');
  if (action === 'cancel' && card.requested_by_id !== principal.userId)
    return refuse('Only the person who requested the card can cancel it');
  if (
    action === 'position' &&
    principal.department !== null &&
    principal.department !== 'WAREHOUSE' &&
    principal.department !== card.department
  )
    return refuse("Only the requesting department or the warehouse orders a department's cards");
  return null;
}

/** The row rule as the transition helper wants it. */
export const cardRowRule =
  (action: KanbanAction) =>
  (card: RuleSubject, principal: Principal): AppError | null =>
    rowRuleViolation(action, card, principal);

/** What a user may do with a loaded card (the same rules as `allowedActions`, from the answer's fields). */
export function cardActions(card: CardResponse, principal: Principal): KanbanAction[] {
  return allowedActions(
    { status: card.status, department: card.department, requested_by_id: card.requestedBy?.id ?? null },
    principal,
  );
}

function allowedActions(
  card: RuleSubject & Pick<CardRecord, 'status'>,
  principal: Principal,
): KanbanAction[] {
  return (Object.keys(KANBAN_TRANSITIONS) as KanbanAction[]).filter((action) => {
    const t = KANBAN_TRANSITIONS[action];
    return (
      t.from.includes(card.status) &&
      principal.permissions.has(t.permission) &&
      !rowRuleViolation(action, card, principal)
    );
  });
}
