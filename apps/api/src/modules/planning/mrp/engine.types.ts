import type {
  Department,
  MrpExceptionReason,
  MrpExceptionType,
  MrpPegKind,
  MrpSupplyKind,
  PlannedOrderType,
  ProductType,
  Unit,
  UnitConversion,
} from '@kapok/contracts';
import type { PlanDate } from './calendar.js';

/** Quantities cross the engine boundary as decimal strings (numeric columns), never floats. */
export type Qty = string;

export interface MrpProduct {
  id: string;
  code: string;
  name: string;
  type: ProductType;
  /** The stock unit. */
  uom: Unit;
  unitConversions: UnitConversion[];
  /** The LOW threshold (product-wide), kept on hand in every bucket; null = none. */
  safetyStock: Qty | null;
  /** Finished goods: working days from MO start to ex-factory. */
  productionLeadDays: number;
}

/** One line of an active BOM: `neededQuantity` (in `uom`) of the component per `outputQuantity` of the parent. */
export interface MrpBomLine {
  parentId: string;
  outputQuantity: Qty;
  componentId: string;
  neededQuantity: Qty;
  uom: Unit;
  wastagePercent: Qty;
  department: Department;
}

/** Free stock now: on hand − reserved over internal locations, in the stock unit. */
export interface MrpStock {
  productId: string;
  free: Qty;
}

/** Remaining output of an open MO, due in `dueDate`'s week. */
export interface MrpMoSupply {
  moId: string;
  batchNumber: string;
  productId: string;
  quantity: Qty;
  dueDate: PlanDate | null;
}

/**
 * Components an MO not yet started will consume, at its start date: `frozen` (APPROVED: purchased
 * materials of `mo_materials`, already exploded) or the MO's product to explode through the active BOM
 * (DRAFT).
 */
export interface MrpMoDemand {
  moId: string;
  batchNumber: string;
  startDate: PlanDate;
  /** DRAFT: explode `quantity` of `productId` through the active BOM. */
  explode: { productId: string; quantity: Qty } | null;
  /** APPROVED: the frozen purchased materials, in their stock units. */
  materials: Array<{ productId: string; quantity: Qty }>;
}

/** Open quantity of an approved purchase-order line, in the line's unit. */
export interface MrpPoSupply {
  poLineId: string;
  poNumber: string;
  productId: string;
  quantity: Qty;
  uom: Unit;
  expectedDate: PlanDate;
}

/** Open quantity of a confirmed sales-order line (PCS). */
export interface MrpSalesDemand {
  salesOrderLineId: string;
  soNumber: string;
  productId: string;
  quantity: Qty;
  exFactoryDate: PlanDate;
  deliveryWeek: string;
  destination: string;
}

/** The preferred supplier item of a purchased product. */
export interface MrpSupplierItem {
  supplierItemId: string;
  supplierId: string;
  supplierName: string;
  productId: string;
  purchaseUom: Unit;
  packSize: Qty | null;
  minimumQuantity: Qty | null;
  leadTimeDays: number;
}

export interface MrpSnapshot {
  today: PlanDate;
  horizonWeeks: number;
  products: MrpProduct[];
  bomLines: MrpBomLine[];
  stock: MrpStock[];
  moSupply: MrpMoSupply[];
  moDemand: MrpMoDemand[];
  poSupply: MrpPoSupply[];
  salesDemand: MrpSalesDemand[];
  supplierItems: MrpSupplierItem[];
}

export interface MrpPeg {
  kind: MrpPegKind;
  /** Sales-order line, MO or planned-order key; null for safety stock. */
  refId: string | null;
  /** A readable reference (SO number and destination, MO batch, planned order). */
  label: string;
  quantity: Qty;
  date: PlanDate;
}

export interface MrpPlannedOrder {
  /** Unique within a run (`P1`, `P2`, …); pegs of components name it. */
  key: string;
  type: PlannedOrderType;
  productId: string;
  /** In the product's stock unit. */
  quantity: Qty;
  uom: Unit;
  /** BUY: in the supplier item's purchase unit, rounded to pack size and minimum. */
  purchaseQuantity: Qty | null;
  purchaseUom: Unit | null;
  supplierId: string | null;
  supplierItemId: string | null;
  /** MAKE: start; BUY: order-by. */
  startDate: PlanDate;
  dueDate: PlanDate;
  week: string;
  salesOrderLineId: string | null;
  destination: string | null;
  deliveryWeek: string | null;
  late: boolean;
  pegs: MrpPeg[];
}

export interface MrpException {
  type: MrpExceptionType;
  productId: string;
  week: string;
  reason: MrpExceptionReason;
  /** What the reason's sentence names (codes, dates, quantities as text). */
  params: Record<string, string>;
  message: string;
}

export interface MrpSupplyRef {
  kind: MrpSupplyKind;
  refId: string | null;
  label: string;
  quantity: Qty;
}

export interface MrpGridBucket {
  week: string;
  start: PlanDate;
  grossDemand: Qty;
  scheduledReceipts: Qty;
  plannedReceipts: Qty;
  projectedOnHand: Qty;
  demand: MrpPeg[];
  supply: MrpSupplyRef[];
}

export interface MrpGridRow {
  productId: string;
  lowLevelCode: number;
  safetyStock: Qty;
  onHand: Qty;
  buckets: MrpGridBucket[];
}

export interface MrpResult {
  weeks: string[];
  plannedOrders: MrpPlannedOrder[];
  exceptions: MrpException[];
  grid: MrpGridRow[];
}
