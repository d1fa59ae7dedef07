import { Injectable } from '@nestjs/common';
import type { Destination, SalesOrderState } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import { demandLines, lineRefsByIds } from './sales.sql.js';

/** The open part of a confirmed sales-order line: independent demand for planning. */
export interface SalesDemandLine {
  salesOrderLineId: string;
  salesOrderId: string;
  soNumber: string;
  customerId: string;
  productId: string;
  /** Pieces still to ship (quantity − shipped). */
  quantity: number;
  /** `YYYY-MM-DD`: Monday of the delivery week minus the customer's transit days. */
  exFactoryDate: string;
  deliveryWeek: string;
  destination: Destination;
}

/** A sales-order line as a planned or manufacturing order names it. */
export interface SalesOrderLineRef {
  id: string;
  salesOrderId: string;
  soNumber: string;
  state: SalesOrderState;
  lineNo: number;
  productId: string;
  quantity: number;
  deliveryWeek: string;
  destination: Destination;
  exFactoryDate: string;
}

/** What other modules (planning, ppic) may read of sales orders, in the caller's transaction or snapshot. */
@Injectable()
export class SalesFacts {
  /** Every CONFIRMED / PARTIALLY_SHIPPED line with something left to ship, in one query. */
  async demandLines(m: EntityManager): Promise<SalesDemandLine[]> {
    const rows = await demandLines(m);
    return rows.map((r) => ({
      salesOrderLineId: r.sales_order_line_id,
      salesOrderId: r.sales_order_id,
      soNumber: r.so_number,
      customerId: r.customer_id,
      productId: r.product_id,
      quantity: r.open_quantity,
      exFactoryDate: r.ex_factory_date,
      deliveryWeek: r.delivery_week,
      destination: r.destination,
    }));
  }

  async linesByIds(m: EntityManager, ids: readonly string[]): Promise<Map<string, SalesOrderLineRef>> {
    const rows = await lineRefsByIds(m, ids);
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          salesOrderId: r.sales_order_id,
          soNumber: r.so_number,
          state: r.state,
          lineNo: r.line_no,
          productId: r.product_id,
          quantity: r.quantity,
          deliveryWeek: r.delivery_week,
          destination: r.destination,
          exFactoryDate: r.ex_factory_date,
        },
      ]),
    );
  }
}
