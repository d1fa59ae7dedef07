import {
  PURCHASE_ORDER_ACTIONS,
  PURCHASE_ORDER_TRANSITIONS,
  receivableQuantity,
  type PurchaseOrderAction,
  type PurchaseOrderState,
} from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import type { Principal } from '../../core/context/request-context.js';
import type { PersonRef } from '../../core/database/people.js';
import type { PartnerFact } from '../partners/partners.facts.js';
import type { LocationFact, LotFact, ProductFact } from '../warehouse/warehouse.facts.js';
import type {
  GoodsReceiptResponse,
  PurchaseOrderLineResponse,
  PurchaseOrderResponse,
  PurchaseOrderSummary,
} from './dto/purchasing.dto.js';
import type {
  GoodsReceiptLineRow,
  GoodsReceiptRow,
  PurchaseOrderLineRow,
  PurchaseOrderRow,
  PurchaseOrderSummaryRow,
} from './purchasing.sql.js';

/** What this user may do with the order now: the table, the permission, and never approve their own. */
export function purchaseOrderActions(
  row: Pick<PurchaseOrderRow, 'state' | 'created_by_id'>,
  principal: Principal,
): PurchaseOrderAction[] {
  return PURCHASE_ORDER_ACTIONS.filter((action) => {
    const t = PURCHASE_ORDER_TRANSITIONS[action];
    if (action === 'approve' && row.created_by_id === principal.userId) return false;
    return t.from.includes(row.state) && principal.permissions.has(t.permission);
  });
}

const editable = (state: PurchaseOrderState, principal: Principal) =>
  state === 'DRAFT' && principal.permissions.has('purchasing.update');

const partnerRef = (id: string, p: PartnerFact | undefined) => ({
  id,
  code: p?.code ?? '',
  name: p?.name ?? '',
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const num = (v: string | null) => (v === null ? null : Number(v));

export function toLineResponse(
  l: PurchaseOrderLineRow,
  product: ProductFact | undefined,
): PurchaseOrderLineResponse {
  const open = Decimal.max(new Decimal(l.quantity).minus(l.received_quantity), 0);
  return {
    id: l.id,
    lineNo: l.line_no,
    productId: l.product_id,
    productCode: product?.code ?? '',
    productName: product?.name ?? '',
    stockUom: product?.uom ?? l.uom,
    quantity: Number(l.quantity),
    uom: l.uom,
    unitPrice: num(l.unit_price),
    expectedDate: l.expected_date,
    receivedQuantity: Number(l.received_quantity),
    openQuantity: open.toNumber(),
    receivableQuantity: receivableQuantity(l.quantity, l.received_quantity).toDecimalPlaces(4).toNumber(),
  };
}

export const toPurchaseOrderSummary = (
  r: PurchaseOrderSummaryRow,
  supplier: PartnerFact | undefined,
  person: (id: string | null) => PersonRef | null,
  principal: Principal,
): PurchaseOrderSummary => ({
  id: r.id,
  number: r.number,
  supplier: partnerRef(r.supplier_id, supplier),
  orderDate: r.order_date,
  state: r.state,
  lineCount: r.line_count,
  firstExpectedDate: r.first_expected,
  totalValue: r.total_value === null ? null : new Decimal(r.total_value).toDecimalPlaces(2).toNumber(),
  createdBy: person(r.created_by_id),
  actions: purchaseOrderActions(r, principal),
  editable: editable(r.state, principal),
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export interface ReceiptContext {
  order: Pick<PurchaseOrderRow, 'id' | 'number' | 'state'>;
  poLines: Map<string, PurchaseOrderLineRow>;
  products: Map<string, ProductFact>;
  lots: Map<string, LotFact>;
  locations: Map<string, LocationFact>;
  person: (id: string | null) => PersonRef | null;
}

export function toReceiptResponse(
  r: GoodsReceiptRow,
  lines: GoodsReceiptLineRow[],
  ctx: ReceiptContext,
): GoodsReceiptResponse {
  return {
    id: r.id,
    number: r.number,
    purchaseOrderId: ctx.order.id,
    purchaseOrderNumber: ctx.order.number,
    purchaseOrderState: ctx.order.state,
    receivedBy: ctx.person(r.received_by_id),
    receivedAt: r.created_at.toISOString(),
    notes: r.notes,
    lines: lines.map((l) => {
      const poLine = ctx.poLines.get(l.purchase_order_line_id);
      const product = poLine ? ctx.products.get(poLine.product_id) : undefined;
      return {
        id: l.id,
        purchaseOrderLineId: l.purchase_order_line_id,
        lineNo: poLine?.line_no ?? 0,
        productId: poLine?.product_id ?? '',
        productCode: product?.code ?? '',
        quantity: Number(l.quantity),
        uom: l.uom,
        lineQuantity: Number(l.line_quantity),
        stockQuantity: Number(l.stock_quantity),
        stockUom: product?.uom ?? l.uom,
        lotId: l.lot_id,
        lotNumber: ctx.lots.get(l.lot_id)?.lotNumber ?? '',
        locationId: l.location_id,
        locationCode: ctx.locations.get(l.location_id)?.code ?? '',
        stockMoveId: l.stock_move_id,
      };
    }),
  };
}

export function toPurchaseOrderResponse(
  r: PurchaseOrderRow,
  lines: PurchaseOrderLineRow[],
  receipts: GoodsReceiptResponse[],
  ctx: {
    supplier: PartnerFact | undefined;
    products: Map<string, ProductFact>;
    person: (id: string | null) => PersonRef | null;
    principal: Principal;
  },
): PurchaseOrderResponse {
  const priced = lines.filter((l) => l.unit_price !== null);
  const dates = lines.map((l) => l.expected_date).sort();
  return {
    id: r.id,
    number: r.number,
    supplier: partnerRef(r.supplier_id, ctx.supplier),
    orderDate: r.order_date,
    state: r.state,
    notes: r.notes,
    lineCount: lines.length,
    firstExpectedDate: dates[0] ?? null,
    totalValue: priced.length
      ? priced
          .reduce((s, l) => s.plus(new Decimal(l.quantity).times(l.unit_price!)), new Decimal(0))
          .toDecimalPlaces(2)
          .toNumber()
      : null,
    lines: lines.map((l) => toLineResponse(l, ctx.products.get(l.product_id))),
    createdBy: ctx.person(r.created_by_id),
    approvedBy: ctx.person(r.approved_by_id),
    approvedAt: iso(r.approved_at),
    cancelledAt: iso(r.cancelled_at),
    closedAt: iso(r.closed_at),
    receipts,
    actions: purchaseOrderActions(r, ctx.principal),
    editable: editable(r.state, ctx.principal),
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
