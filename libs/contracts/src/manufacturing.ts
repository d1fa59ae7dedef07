import { Decimal } from 'decimal.js';
import type { Department, HandoverState, MoState, Route, WorkOrderState } from './enums.js';
import { ROUTES } from './enums.js';
import type { Permission } from './permissions.js';

export type MoAction = 'approve' | 'start' | 'complete' | 'cancel' | 'return';

/** The manufacturing-order state machine of domain.md: the one table API and web read. */
export const MO_TRANSITIONS: Record<
  MoAction,
  { from: readonly MoState[]; to: MoState; permission: Permission }
> = {
  approve: { from: ['DRAFT'], to: 'APPROVED', permission: 'ppic.approve' },
  start: { from: ['APPROVED'], to: 'IN_PROGRESS', permission: 'ppic.update' },
  complete: { from: ['IN_PROGRESS'], to: 'COMPLETED', permission: 'ppic.update' },
  cancel: { from: ['DRAFT', 'APPROVED'], to: 'CANCELLED', permission: 'ppic.update' },
  // The approver sends an order back to its planner with a reason; the frozen BOM is dropped.
  return: { from: ['APPROVED'], to: 'DRAFT', permission: 'ppic.approve' },
};

/** Only a draft may be edited (PUT /ppic/tasks/{id}); after approval it goes back through `return`. */
export const MO_EDITABLE_STATES: readonly MoState[] = ['DRAFT'];

export const MO_ACTIONS = Object.keys(MO_TRANSITIONS) as MoAction[];

export type WorkOrderAction = 'start' | 'record_output' | 'hand_over';

/**
 * A department's work order. Recording output keeps it IN_PROGRESS until its target is processed, then
 * DONE; handing over leaves the state as it is. PENDING → READY happens when the previous department's
 * handover is accepted, and the order's completion closes what is left (DONE, or CANCELLED if never reached).
 */
export const WORK_ORDER_TRANSITIONS: Record<
  WorkOrderAction,
  { from: readonly WorkOrderState[]; to: WorkOrderState | readonly WorkOrderState[]; permission: Permission }
> = {
  start: { from: ['READY'], to: 'IN_PROGRESS', permission: 'production.update' },
  record_output: { from: ['IN_PROGRESS'], to: ['IN_PROGRESS', 'DONE'], permission: 'production.update' },
  hand_over: { from: ['IN_PROGRESS', 'DONE'], to: ['IN_PROGRESS', 'DONE'], permission: 'production.update' },
};

export type HandoverAction = 'accept';

/** A handover waits until the receiving department counts it in (domain.md, the QT-09 handshake). */
export const HANDOVER_TRANSITIONS: Record<
  HandoverAction,
  { from: readonly HandoverState[]; to: HandoverState; permission: Permission }
> = {
  accept: { from: ['PENDING'], to: 'ACCEPTED', permission: 'production.update' },
};

/** Variance above this share of the plan adds a warning to the completion (never a refusal). */
export const VARIANCE_WARNING_THRESHOLD = 0.1;

/** A handover counted more than this share away from what was sent needs production.approve. */
export const HANDOVER_TOLERANCE = 0.1;

/** (actual − planned) / planned, as a fraction with 4 decimals. */
export function variance(actual: number | string, planned: number | string): number {
  return new Decimal(actual).minus(planned).div(planned).toDecimalPlaces(4).toNumber();
}

export const isVarianceWarning = (fraction: number): boolean =>
  Math.abs(fraction) > VARIANCE_WARNING_THRESHOLD;

/** The departments of a route, in order. */
export const routeDepartments = (route: Route): readonly Department[] => ROUTES[route];

/** The department after `department` on the route, or null at the end. */
export function nextDepartment(route: Route, department: Department): Department | null {
  const steps = ROUTES[route] as readonly Department[];
  const i = steps.indexOf(department);
  return i >= 0 && i < steps.length - 1 ? steps[i + 1] : null;
}

/** True when a handover's counted quantity differs from what was sent by more than the tolerance. */
export function handoverNeedsApproval(sent: number | string, received: number | string): boolean {
  const s = new Decimal(sent);
  if (s.isZero()) return false;
  return new Decimal(received).minus(s).abs().div(s).gt(HANDOVER_TOLERANCE);
}
