import { KANBAN_TRANSITIONS, type Department, type KanbanAction, type Priority } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../core/context/request-context.js';
import { AppError } from '../../core/errors/app-error.js';
import { nextDocumentNumber } from '../../core/database/document-numbers.js';
import { people } from '../../core/database/people.js';
import type { SqlRow } from '../../core/database/sql-row.js';
import type { CardResponse } from './dto/kanban.dto.js';

export interface NewCard {
  department: Department;
  requestedById: string | null;
  productId: string;
  quantity: string | number;
  priority: Priority;
  neededBy: Date | null;
  reason: string | null;
  workOrderId: string | null;
  sourceLocationId: string | null;
  automatic: boolean;
  ruleId: string | null;
}

/** Inserts a REQUESTED card with the next KB number; new cards go to the end of their column. */
export async function insertCard(m: EntityManager, card: NewCard): Promise<string> {
  const number = await nextDocumentNumber(m, 'KB', 4);
  const [{ id }] = await m.query(
    `insert into kanban_cards (number, department, requested_by_id, product_id, quantity, priority, needed_by, reason, work_order_id,
                               source_location_id, status, position, automatic, rule_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'REQUESTED', extract(epoch from clock_timestamp()) * 1000, $11, $12)
     returning id`,
    [
      number,
      card.department,
      card.requestedById,
      card.productId,
      card.quantity,
      card.priority,
      card.neededBy,
      card.reason,
      card.workOrderId,
      card.sourceLocationId,
      card.automatic,
      card.ruleId,
    ],
  );
  return id;
}

const CARD_SELECT = `
  select c.*, p.code as product_code, p.name as product_name, p.uom, l.code as source_location_code
    from kanban_cards c
    join products p on p.id = c.product_id
    left join locations l on l.id = c.source_location_id`;

/** Status, priority, the day it is needed; within one day the supervisor's own order (position). */
export const BOARD_ORDER = `
  case c.status when 'REQUESTED' then 0 when 'APPROVED' then 1 when 'IN_TRANSIT' then 2 when 'RECEIVED' then 3 when 'REJECTED' then 4 else 5 end,
  case c.priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end,
  (c.needed_by at time zone 'Asia/Jakarta')::date nulls last, c.position, c.needed_by, c.created_at`;

/** Loads cards with their product, source and people, as the API shows them to this user. */
export async function loadCards(
  m: EntityManager,
  where: string,
  params: unknown[],
  principal: Principal | undefined,
): Promise<CardResponse[]> {
  const rows: SqlRow[] = await m.query(`${CARD_SELECT} where ${where} order by ${BOARD_ORDER}`, params);
  const actor = await people(m, rows, [
    'requested_by_id',
    'approved_by_id',
    'rejected_by_id',
    'shipped_by_id',
    'received_by_id',
    'cancelled_by_id',
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
    sourceLocationCode: r.source_location_code ?? null,
    status: r.status,
    position: r.position,
    automatic: r.automatic,
    approvedBy: actor(r.approved_by_id),
    approvedAt: iso(r.approved_at),
    approveNotes: r.approve_notes,
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
    cancelledBy: actor(r.cancelled_by_id),
    cancelledAt: iso(r.cancelled_at),
    actions: principal ? allowedActions(r, principal) : [],
    version: r.version,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  }));
}

/** The row rules of domain.md, beside the permission: who may act on this card (403 when not). */
export function rowRuleViolation(
  action: KanbanAction | 'position',
  card: { department: string; requested_by_id: string | null },
  principal: Principal,
): AppError | null {
  const refuse = (message: string, code = 'FORBIDDEN') => new AppError(403, code, message, { rule: action });
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

/** What a user may do with a loaded card (the same rules as `allowedActions`, from the answer's fields). */
export function cardActions(card: CardResponse, principal: Principal): KanbanAction[] {
  return allowedActions(
    { status: card.status, department: card.department, requested_by_id: card.requestedBy?.id ?? null },
    principal,
  );
}

function allowedActions(card: SqlRow, principal: Principal): KanbanAction[] {
  return (Object.keys(KANBAN_TRANSITIONS) as KanbanAction[]).filter((action) => {
    const t = KANBAN_TRANSITIONS[action];
    return (
      t.from.includes(card.status) &&
      principal.permissions.has(t.permission) &&
      !rowRuleViolation(action, card as { department: string; requested_by_id: string | null }, principal)
    );
  });
}
