import { Injectable } from '@nestjs/common';
import type { Destination, SalesOrderState } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../core/context/request-context.js';
import { AppError } from '../../core/errors/app-error.js';
import { StateTransitions } from '../../core/transitions/state-machine.js';
import { SALES_ORDER_MACHINE } from './sales.service.js';
import {
  addShippedQuantities,
  openLinesOfCustomer,
  shippableLinesByIds,
  type ShippableLineRow,
} from './shipping.sql.js';

/** A sales-order line as shipping sees it: what is ordered, shipped and still open. */
export interface ShippableLine {
  id: string;
  salesOrderId: string;
  soNumber: string;
  customerId: string;
  customerPo: string;
  state: SalesOrderState;
  lineNo: number;
  productId: string;
  quantity: number;
  shippedQuantity: number;
  openQuantity: number;
  deliveryWeek: string;
  destination: Destination;
}

const toLine = (r: ShippableLineRow): ShippableLine => ({
  id: r.id,
  salesOrderId: r.sales_order_id,
  soNumber: r.so_number,
  customerId: r.customer_id,
  customerPo: r.customer_po,
  state: r.state,
  lineNo: r.line_no,
  productId: r.product_id,
  quantity: r.quantity,
  shippedQuantity: r.shipped_quantity,
  openQuantity: r.quantity - r.shipped_quantity,
  deliveryWeek: r.delivery_week,
  destination: r.destination,
});

/**
 * What the shipping module may read and do of sales orders (one owner per table): read lines, and
 * record a shipment — shipped quantities and the orders' states — in the caller's transaction.
 */
@Injectable()
export class SalesShipping {
  constructor(private readonly transitions: StateTransitions) {}

  async linesByIds(
    m: EntityManager,
    ids: readonly string[],
    lock = false,
  ): Promise<Map<string, ShippableLine>> {
    const rows = await shippableLinesByIds(m, ids, lock);
    return new Map(rows.map((r) => [r.id, toLine(r)]));
  }

  async openLines(
    m: EntityManager,
    customerId: string,
    filter: { week?: string; destination?: Destination; salesOrderId?: string },
  ): Promise<ShippableLine[]> {
    return (await openLinesOfCustomer(m, customerId, filter)).map(toLine);
  }

  /**
   * Raises the lines' shipped quantities and moves each order to PARTIALLY_SHIPPED or SHIPPED through
   * the transition helper. More than a line's open quantity is refused (409), never capped.
   */
  async recordShipped(
    m: EntityManager,
    shipped: ReadonlyMap<string, number>,
    principal: Principal,
    reference: string,
  ): Promise<void> {
    const lines = await this.linesByIds(m, [...shipped.keys()], true);
    for (const [id, quantity] of shipped) {
      const line = lines.get(id);
      if (!line || quantity > line.openQuantity || !['CONFIRMED', 'PARTIALLY_SHIPPED'].includes(line.state))
        throw new AppError(
          409,
          'INVALID_STATE',
          line
            ? `${line.soNumber} line ${line.lineNo} is ${line.state} with ${line.openQuantity} pcs open; ${quantity} cannot ship`
            : `Sales-order line ${id} does not exist`,
          { salesOrderLineId: id, openQuantity: line?.openQuantity ?? 0, attempted: quantity },
        );
    }
    const after = await addShippedQuantities(m, shipped);
    const orders = [...new Set(after.map((l) => l.sales_order_id))].sort();
    for (const orderId of orders) {
      const complete = after
        .filter((l) => l.sales_order_id === orderId)
        .every((l) => l.shipped_quantity >= l.quantity);
      await this.transitions.apply(
        m,
        SALES_ORDER_MACHINE,
        complete ? 'ship' : 'ship_partially',
        orderId,
        principal,
        {
          auditAfter: () => ({ shipment: reference }),
        },
      );
    }
  }
}
