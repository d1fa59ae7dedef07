import { isLineDepartment, isVarianceWarning, MO_TRANSITIONS, type MoAction } from '@kapok/contracts';
import type { Principal } from '../../../core/context/request-context.js';
import type { PersonRef } from '../../../core/database/people.js';
import type { MoResponse, WorkOrderResponse } from '../dto/mo.dto.js';
import type { HandoverResponse } from '../dto/production.dto.js';
import type { HandoverRow, MoRow, WorkOrderRow } from '../ppic.sql.js';

type Who = (id: string | null | undefined) => PersonRef | null;

export const MO_ACTOR_COLUMNS = [
  'created_by_id',
  'approved_by_id',
  'started_by_id',
  'completed_by_id',
  'cancelled_by_id',
] as const satisfies ReadonlyArray<keyof MoRow>;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const dateOnly = (d: Date | string | null) =>
  d ? (typeof d === 'string' ? d.slice(0, 10) : toLocalDate(d)) : null;
const toLocalDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function moActions(
  mo: Pick<MoRow, 'state' | 'created_by_id'>,
  principal: Principal | undefined,
): MoAction[] {
  if (!principal) return [];
  return (Object.keys(MO_TRANSITIONS) as MoAction[]).filter((a) => {
    const t = MO_TRANSITIONS[a];
    if (!t.from.includes(mo.state) || !principal.permissions.has(t.permission)) return false;
    return !(a === 'approve' && mo.created_by_id === principal.userId);
  });
}

export function toMo(r: MoRow, who: Who, principal: Principal | undefined): MoResponse {
  const variance = r.variance === null ? null : Number(r.variance);
  return {
    id: r.id,
    batchNumber: r.batch_number,
    productId: r.product_id,
    productCode: r.product_code,
    productName: r.product_name,
    uom: r.uom,
    plannedQuantity: Number(r.qty_planned),
    route: r.route,
    dueDate: dateOnly(r.due_date),
    week: r.week,
    destination: r.destination,
    salesOrderLineId: r.sales_order_line_id,
    notes: r.notes,
    state: r.state,
    bomId: r.bom_id,
    bomRevision: r.bom_revision,
    createdBy: who(r.created_by_id),
    approvedBy: who(r.approved_by_id),
    approvedAt: iso(r.approved_at),
    approveNotes: r.approve_notes,
    startedBy: who(r.started_by_id),
    startedAt: iso(r.started_at),
    startNotes: r.start_notes,
    completedBy: who(r.completed_by_id),
    completedAt: iso(r.completed_at),
    qualityNotes: r.quality_notes,
    cancelledBy: who(r.cancelled_by_id),
    cancelledAt: iso(r.cancelled_at),
    cancelReason: r.cancel_reason,
    producedQuantity: r.produced_qty === null ? null : Number(r.produced_qty),
    variancePercent: variance === null ? null : Math.round(variance * 10_000) / 100,
    varianceWarning:
      variance !== null && isVarianceWarning(variance)
        ? `Produced ${Number(r.produced_qty)} against ${Number(r.qty_planned)} planned: ${variance > 0 ? '+' : ''}${Math.round(variance * 1000) / 10}%, beyond the 10% tolerance`
        : null,
    late: r.late,
    actions: moActions(r, principal),
    version: r.version,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

/** A department user works only its own department's orders; planners, QC and managers work all. */
export const ownsDepartment = (principal: Principal, department: string) =>
  !isLineDepartment(principal.department) || principal.department === department;

/** The department a line user is limited to, if any. */
export const ownLineDepartment = (principal: Principal): string | undefined =>
  isLineDepartment(principal.department) ? principal.department : undefined;

export function toWorkOrder(r: WorkOrderRow, who: Who, principal: Principal | undefined): WorkOrderResponse {
  const good = Number(r.good_qty);
  const handed = Number(r.handed_over_qty);
  const mine = principal
    ? ownsDepartment(principal, r.department) && principal.permissions.has('production.update')
    : false;
  const actions: WorkOrderResponse['actions'] = [];
  if (mine && r.mo_state === 'IN_PROGRESS') {
    if (r.state === 'READY') actions.push('start');
    if (r.state === 'IN_PROGRESS') actions.push('output');
    if ((r.state === 'IN_PROGRESS' || r.state === 'DONE') && good - handed > 0) actions.push('handover');
  }
  return {
    id: r.id,
    moId: r.mo_id,
    batchNumber: r.batch_number,
    productCode: r.product_code,
    department: r.department,
    sequence: r.sequence,
    state: r.state,
    outputProductId: r.output_product_id,
    outputProductCode: r.output_code ?? null,
    targetQuantity: Number(r.target_qty),
    inputQuantity: Number(r.input_qty),
    goodQuantity: good,
    rejectedQuantity: Number(r.reject_qty),
    handedOverQuantity: handed,
    availableToHandOver: Math.max(0, Math.round((good - handed) * 10_000) / 10_000),
    incomingQuantity: Number(r.incoming),
    readyAt: iso(r.ready_at),
    startedAt: iso(r.started_at),
    endedAt: iso(r.ended_at),
    operator: who(r.operator_id),
    actions,
    version: r.version,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

export function toHandover(r: HandoverRow, who: Who): HandoverResponse {
  return {
    id: r.id,
    number: r.number,
    moId: r.mo_id,
    batchNumber: r.batch_number,
    fromWorkOrderId: r.from_work_order_id,
    toWorkOrderId: r.to_work_order_id,
    fromDepartment: r.from_department,
    toDepartment: r.to_department,
    productCode: r.product_code ?? null,
    quantity: Number(r.quantity),
    receivedQuantity: r.received_qty === null ? null : Number(r.received_qty),
    state: r.state,
    differencePercent:
      r.received_qty === null
        ? null
        : Math.round(((Number(r.received_qty) - Number(r.quantity)) / Number(r.quantity)) * 10_000) / 100,
    sentBy: who(r.sent_by_id),
    acceptedBy: who(r.accepted_by_id),
    acceptedAt: r.accepted_at ? new Date(r.accepted_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
