import { Injectable } from '@nestjs/common';
import type { Unit } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import { openSupplyLines } from './purchasing.sql.js';

/** The open part of an approved purchase-order line: a scheduled receipt for planning. */
export interface OpenPurchaseLine {
  poLineId: string;
  purchaseOrderId: string;
  poNumber: string;
  supplierId: string;
  productId: string;
  /** Ordered − received, in `uom` (the purchase unit), as a decimal string. */
  quantity: string;
  uom: Unit;
  /** `YYYY-MM-DD`. */
  expectedDate: string;
}

/** What other modules (planning) may read of purchasing, in the caller's transaction or snapshot. */
@Injectable()
export class PurchasingFacts {
  /** Every APPROVED / PARTIALLY_RECEIVED line with something still to come, in one query. */
  async openLines(m: EntityManager): Promise<OpenPurchaseLine[]> {
    const rows = await openSupplyLines(m);
    return rows.map((r) => ({
      poLineId: r.po_line_id,
      purchaseOrderId: r.purchase_order_id,
      poNumber: r.po_number,
      supplierId: r.supplier_id,
      productId: r.product_id,
      quantity: r.open_quantity,
      uom: r.uom,
      expectedDate: r.expected_date,
    }));
  }
}
