import type { Permission } from './permissions.js';

/**
 * Gate passes of the subcontract route (ROUTE_3, original-system.md §2.4 "Subcon flow #500–#570"):
 * OUT sends a SUBCON work order's cut panels and supporting material to the subcontractor, IN brings
 * the sewn goods back with the vendor's delivery note.
 */
export const GATE_PASS_DIRECTIONS = ['OUT', 'IN'] as const;
export type GatePassDirection = (typeof GATE_PASS_DIRECTIONS)[number];

/**
 * DRAFT (warehouse prepared it) → security counts: every line as on the pass → RELEASED (the stock
 * moves, one transaction), any difference → HOLD (nothing moves). A HOLD is counted again or cancelled
 * with a reason; a DRAFT can be cancelled too.
 */
export const GATE_PASS_STATES = ['DRAFT', 'HOLD', 'RELEASED', 'CANCELLED'] as const;
export type GatePassState = (typeof GATE_PASS_STATES)[number];

export type GatePassAction = 'count' | 'cancel';

export const GATE_PASS_TRANSITIONS: Record<
  GatePassAction,
  { from: readonly GatePassState[]; to: GatePassState | readonly GatePassState[]; permission: Permission }
> = {
  // Security's count at the gate (the security role holds warehouse.approve).
  count: { from: ['DRAFT', 'HOLD'], to: ['RELEASED', 'HOLD'], permission: 'warehouse.approve' },
  cancel: { from: ['DRAFT', 'HOLD'], to: 'CANCELLED', permission: 'warehouse.create' },
};

export const GATE_PASS_ACTIONS = Object.keys(GATE_PASS_TRANSITIONS) as GatePassAction[];

/** Customs documents of goods sent to and received back from a subcontractor (bonded zone). */
export const GATE_PASS_CUSTOMS = { OUT: 'BC 2.6.1', IN: 'BC 2.6.2' } as const satisfies Record<
  GatePassDirection,
  string
>;

/** Days a subcontractor may hold Kapok's goods when its partner record names none. */
export const DEFAULT_SUBCONTRACT_AGREED_DAYS = 14;
