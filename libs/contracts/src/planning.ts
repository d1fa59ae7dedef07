/** MRP planning (planning.md): the kinds of planned orders, pegs, supplies and exceptions. */
const values = <const T extends readonly string[]>(...v: T) => v;

export const PLANNED_ORDER_TYPES = values('MAKE', 'BUY');
export type PlannedOrderType = (typeof PLANNED_ORDER_TYPES)[number];

/** What a demand (and so a planned order) serves. */
export const MRP_PEG_KINDS = values(
  'SALES_ORDER_LINE',
  'PLANNED_ORDER',
  'MANUFACTURING_ORDER',
  'SAFETY_STOCK',
);
export type MrpPegKind = (typeof MRP_PEG_KINDS)[number];

export const MRP_SUPPLY_KINDS = values('MANUFACTURING_ORDER', 'PURCHASE_ORDER_LINE');
export type MrpSupplyKind = (typeof MRP_SUPPLY_KINDS)[number];

export const MRP_EXCEPTION_TYPES = values('LATE', 'NO_BOM', 'NO_SUPPLIER', 'EXCESS', 'PAST_DUE');
export type MrpExceptionType = (typeof MRP_EXCEPTION_TYPES)[number];

/**
 * Why an exception was raised: with its `params` the web app says it in the reader's language; the
 * English `message` stays for programs.
 */
export const MRP_EXCEPTION_REASONS = values(
  'SALES_ORDER_PAST_DUE',
  'NO_BOM_FOR_WIP',
  'NO_BOM',
  'EXCESS',
  'MAKE_LATE',
  'BUY_LATE',
  'NO_UNIT_CONVERSION',
  'NO_SUPPLIER_ITEM',
);
export type MrpExceptionReason = (typeof MRP_EXCEPTION_REASONS)[number];

export const MRP_DEFAULT_HORIZON_WEEKS = 12;
export const MRP_MAX_HORIZON_WEEKS = 52;
/** Default working days from MO start to ex-factory for a finished good. */
export const DEFAULT_PRODUCTION_LEAD_DAYS = 10;

/** A run is RUNNING while it plans after a 202 answer, then FINISHED (its result saved) or FAILED. */
export const MRP_RUN_STATES = values('RUNNING', 'FINISHED', 'FAILED');
export type MrpRunState = (typeof MRP_RUN_STATES)[number];

/** The phases a run reports in its `planning.mrp.progress` events, in order. */
export const MRP_RUN_PHASES = values('snapshot', 'netting', 'saving');
export type MrpRunPhase = (typeof MRP_RUN_PHASES)[number];

/** Where each phase starts on the run's 0–100 progress scale. */
export const MRP_PHASE_START: Record<MrpRunPhase, number> = { snapshot: 0, netting: 20, saving: 85 };
