/** Enumerations of domain.md: one spelling in database, API and web. */
const values = <const T extends readonly string[]>(...v: T) => v;

export const PRODUCT_TYPES = values('RAW_MATERIAL', 'ACCESSORY', 'WIP', 'FINISHED_GOOD');
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const DEPARTMENTS = values(
  'CUTTING',
  'EMBROIDERY',
  'SUBCON',
  'SEWING',
  'FINISHING',
  'PACKING',
  'WAREHOUSE',
  'FINISHED_GOODS',
  'QC',
  'PPIC',
);
export type Department = (typeof DEPARTMENTS)[number];

export const LOCATION_TYPES = values(
  'WAREHOUSE',
  'LINE',
  'TRANSIT',
  'SUPPLIER',
  'CUSTOMER',
  'PRODUCTION',
  'LOSS',
  'SUBCONTRACTOR',
);
export type LocationType = (typeof LOCATION_TYPES)[number];

/** The departments with a production line (a LINE and a TRANSIT location each), in route order. */
export const LINE_DEPARTMENTS = values('CUTTING', 'EMBROIDERY', 'SUBCON', 'SEWING', 'FINISHING', 'PACKING');
export type LineDepartment = (typeof LINE_DEPARTMENTS)[number];
export const isLineDepartment = (d: string | null | undefined): d is LineDepartment =>
  (LINE_DEPARTMENTS as readonly string[]).includes(d ?? '');

export const ROUTES = {
  ROUTE_1: ['CUTTING', 'EMBROIDERY', 'SEWING', 'FINISHING', 'PACKING'],
  ROUTE_2: ['CUTTING', 'SEWING', 'FINISHING', 'PACKING'],
  ROUTE_3: ['CUTTING', 'SUBCON', 'FINISHING', 'PACKING'],
} as const satisfies Record<string, readonly Department[]>;
export type Route = keyof typeof ROUTES;

export const BOM_TYPES = values('MANUFACTURING', 'KIT');
export type BomType = (typeof BOM_TYPES)[number];
export const VARIANT_TYPES = values('PRIMARY', 'ALTERNATIVE', 'OPTIONAL');
export type VariantType = (typeof VARIANT_TYPES)[number];
export const MO_STATES = values('DRAFT', 'APPROVED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');
export type MoState = (typeof MO_STATES)[number];
export const WORK_ORDER_STATES = values('PENDING', 'READY', 'IN_PROGRESS', 'DONE', 'CANCELLED');
export type WorkOrderState = (typeof WORK_ORDER_STATES)[number];
export const HANDOVER_STATES = values('PENDING', 'ACCEPTED');
export type HandoverState = (typeof HANDOVER_STATES)[number];
export const KANBAN_STATUSES = values(
  'REQUESTED',
  'APPROVED',
  'IN_TRANSIT',
  'RECEIVED',
  'REJECTED',
  'CANCELLED',
);
export type KanbanStatus = (typeof KANBAN_STATUSES)[number];
export const PRIORITIES = values('LOW', 'NORMAL', 'HIGH', 'URGENT');
export type Priority = (typeof PRIORITIES)[number];
export const ALERT_LEVELS = values('OK', 'LOW', 'CRITICAL', 'OUT');
export type AlertLevel = (typeof ALERT_LEVELS)[number];
export const ALERT_STATUSES = values('OPEN', 'ACKNOWLEDGED', 'RESOLVED');
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const MOVE_TYPES = values(
  'RECEIPT',
  'ISSUE',
  'TRANSFER',
  'ADJUSTMENT',
  'PRODUCTION_CONSUME',
  'PRODUCTION_OUTPUT',
  'SCRAP',
);
export type MoveType = (typeof MOVE_TYPES)[number];
export const UNITS = values(
  'PCS',
  'METER',
  'YARD',
  'CM',
  'KG',
  'GRAM',
  'CONE',
  'ROLL',
  'CARTON',
  'SET',
  'PACK',
  'SHEET',
);
export type Unit = (typeof UNITS)[number];
