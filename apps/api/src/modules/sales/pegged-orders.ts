import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { readMosPeggedTo } from '../ppic/orders/mo.facts.js';
import type { PeggedManufacturingOrder } from './dto/sales.dto.js';

/** The MOs pegged to sales-order lines, by line id (read through the ppic module, which owns the MOs). */
@Injectable()
export class PeggedOrders {
  async bySalesOrderLines(
    m: EntityManager,
    lineIds: readonly string[],
  ): Promise<Map<string, PeggedManufacturingOrder[]>> {
    const byLine = new Map<string, PeggedManufacturingOrder[]>();
    for (const r of await readMosPeggedTo(m, lineIds)) {
      const list = byLine.get(r.sales_order_line_id) ?? [];
      list.push({
        id: r.id,
        batchNumber: r.batch_number,
        state: r.state,
        plannedQuantity: Number(r.qty_planned),
      });
      byLine.set(r.sales_order_line_id, list);
    }
    return byLine;
  }
}
