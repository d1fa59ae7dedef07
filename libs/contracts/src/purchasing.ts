import { Decimal } from 'decimal.js';
import type { Permission } from './permissions.js';

export const PURCHASE_ORDER_STATES = [
  'DRAFT',
  'APPROVED',
  'PARTIALLY_RECEIVED',
  'RECEIVED',
  'CLOSED',
  'CANCELLED',
] as const;
export type PurchaseOrderState = (typeof PURCHASE_ORDER_STATES)[number];

/** `approve`, `cancel`, `close` are people's commands; the two receive actions are taken by a receipt (GRN). */
export type PurchaseOrderAction = 'approve' | 'cancel' | 'close' | 'receive_partially' | 'receive';

/**
 * The purchase-order state machine of planning.md. Approval is never by the creator (a row rule in
 * the API); cancel is only reachable while nothing is received (a receipt moves the order on).
 */
export const PURCHASE_ORDER_TRANSITIONS: Record<
  PurchaseOrderAction,
  { from: readonly PurchaseOrderState[]; to: PurchaseOrderState; permission: Permission }
> = {
  approve: { from: ['DRAFT'], to: 'APPROVED', permission: 'purchasing.approve' },
  cancel: { from: ['DRAFT', 'APPROVED'], to: 'CANCELLED', permission: 'purchasing.update' },
  close: { from: ['PARTIALLY_RECEIVED', 'RECEIVED'], to: 'CLOSED', permission: 'purchasing.update' },
  receive_partially: {
    from: ['APPROVED', 'PARTIALLY_RECEIVED'],
    to: 'PARTIALLY_RECEIVED',
    permission: 'warehouse.create',
  },
  receive: { from: ['APPROVED', 'PARTIALLY_RECEIVED'], to: 'RECEIVED', permission: 'warehouse.create' },
};

/** The actions a person takes on the order's page (the receive actions come from a GRN). */
export const PURCHASE_ORDER_ACTIONS: readonly PurchaseOrderAction[] = ['approve', 'cancel', 'close'];

/** Open PO lines of these orders are scheduled receipts for planning and can be received. */
export const OPEN_PURCHASE_ORDER_STATES: readonly PurchaseOrderState[] = ['APPROVED', 'PARTIALLY_RECEIVED'];

/** A receipt may exceed a line's open quantity by this share of it, no more (409 OVER_RECEIPT). */
export const OVER_RECEIPT_TOLERANCE = '0.05';

/** The most that may still be received on a line: open quantity + 5 %, in the line's unit. */
export function receivableQuantity(ordered: number | string, received: number | string): Decimal {
  const open = Decimal.max(new Decimal(ordered).minus(received), 0);
  return open.times(new Decimal(1).plus(OVER_RECEIPT_TOLERANCE));
}
