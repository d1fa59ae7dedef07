import {
  SALES_ORDER_ACTIONS,
  SALES_ORDER_TRANSITIONS,
  type SalesOrderAction,
  type SalesOrderState,
} from '@kapok/contracts';
import type { Principal } from '../../core/context/request-context.js';
import type { PersonRef } from '../../core/database/people.js';
import type { PartnerFact } from '../partners/partners.facts.js';
import type { ProductFact } from '../warehouse/warehouse.facts.js';
import type {
  CustomerRef,
  PeggedManufacturingOrder,
  SalesOrderResponse,
  SalesOrderSummary,
} from './dto/sales.dto.js';
import type { SalesOrderLineRow, SalesOrderRow, SalesOrderSummaryRow } from './sales.sql.js';

/** The transitions this user may take from this state (the table and the permission). */
export function salesOrderActions(state: SalesOrderState, principal: Principal): SalesOrderAction[] {
  return SALES_ORDER_ACTIONS.filter((action) => {
    const t = SALES_ORDER_TRANSITIONS[action];
    return t.from.includes(state) && principal.permissions.has(t.permission);
  });
}

const customerRef = (id: string, c: PartnerFact | undefined): CustomerRef => ({
  id,
  code: c?.code ?? '',
  name: c?.name ?? '',
  transitDays: c?.transitDays ?? 0,
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const editable = (state: SalesOrderState, principal: Principal) =>
  state === 'DRAFT' && principal.permissions.has('sales.update');

export const toSalesOrderSummary = (
  r: SalesOrderSummaryRow,
  customer: PartnerFact | undefined,
  principal: Principal,
): SalesOrderSummary => ({
  id: r.id,
  number: r.number,
  customer: customerRef(r.customer_id, customer),
  customerPo: r.customer_po,
  orderDate: r.order_date,
  state: r.state,
  lineCount: r.line_count,
  totalQuantity: r.total_quantity,
  firstDeliveryWeek: r.first_week,
  lastDeliveryWeek: r.last_week,
  firstExFactoryDate: r.first_ex_factory,
  actions: salesOrderActions(r.state, principal),
  editable: editable(r.state, principal),
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export function toSalesOrderResponse(
  r: SalesOrderRow,
  lines: SalesOrderLineRow[],
  ctx: {
    customer: PartnerFact | undefined;
    products: Map<string, ProductFact>;
    person: (id: string | null) => PersonRef | null;
    mos: Map<string, PeggedManufacturingOrder[]>;
    actions: SalesOrderAction[];
    principal: Principal;
  },
): SalesOrderResponse {
  const weeks = lines.map((l) => l.delivery_week).sort();
  const dates = lines.map((l) => l.ex_factory_date).sort();
  return {
    id: r.id,
    number: r.number,
    customer: customerRef(r.customer_id, ctx.customer),
    customerPo: r.customer_po,
    orderDate: r.order_date,
    state: r.state,
    notes: r.notes,
    lineCount: lines.length,
    totalQuantity: lines.reduce((s, l) => s + l.quantity, 0),
    firstDeliveryWeek: weeks[0] ?? null,
    lastDeliveryWeek: weeks.at(-1) ?? null,
    firstExFactoryDate: dates[0] ?? null,
    lines: lines.map((l) => {
      const product = ctx.products.get(l.product_id);
      return {
        id: l.id,
        lineNo: l.line_no,
        productId: l.product_id,
        productCode: product?.code ?? '',
        productName: product?.name ?? '',
        quantity: l.quantity,
        deliveryWeek: l.delivery_week,
        destination: l.destination,
        exFactoryDate: l.ex_factory_date,
        shippedQuantity: l.shipped_quantity,
        openQuantity: l.quantity - l.shipped_quantity,
        manufacturingOrders: ctx.mos.get(l.id) ?? [],
      };
    }),
    createdBy: ctx.person(r.created_by_id),
    confirmedBy: ctx.person(r.confirmed_by_id),
    confirmedAt: iso(r.confirmed_at),
    cancelledBy: ctx.person(r.cancelled_by_id),
    cancelledAt: iso(r.cancelled_at),
    closedBy: ctx.person(r.closed_by_id),
    closedAt: iso(r.closed_at),
    actions: ctx.actions,
    editable: editable(r.state, ctx.principal),
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
