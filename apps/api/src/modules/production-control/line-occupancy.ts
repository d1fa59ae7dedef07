import { Injectable } from '@nestjs/common';
import {
  LINE_DEPARTMENTS,
  type Department,
  type LineBatchFacts,
  type MoState,
  type Unit,
} from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { ordersOfDocuments } from '../ppic/production/line-orders.facts.js';
import { lineWipByDocument, Locations } from '../warehouse/index.js';
import { productLabels } from './production-control.sql.js';

export interface LineItem {
  productId: string;
  productCode: string;
  quantity: number;
  uom: Unit;
}

/** One order's WIP on a line. */
export interface LineBatch extends LineBatchFacts {
  batchNumber: string;
  moState: MoState;
  articleCode: string;
  articleName: string;
  /** Pieces of every WIP stage of the order on the line. */
  quantity: number;
  items: LineItem[];
}

export interface LineOccupancy {
  department: Department;
  locationId: string;
  locationCode: string;
  batches: LineBatch[];
}

/**
 * What is on each department line now, derived from the ledger (the warehouse's moves at the line, netted
 * per document) and the orders those documents belong to (ppic's work orders and handovers): no flag
 * anyone keeps by hand. WIP that no order's document explains (materials issued to the line, kanban
 * receipts) is not a batch and does not occupy the line.
 */
@Injectable()
export class LineOccupancyReader {
  constructor(private readonly locations: Locations) {}

  async read(m: EntityManager, only?: Department): Promise<LineOccupancy[]> {
    const lines: Array<{ department: Department; id: string; code: string }> = [];
    for (const department of only ? [only] : LINE_DEPARTMENTS) {
      const id = await this.locations.line(department, m);
      if (!id) continue;
      lines.push({ department, id, code: (await this.locations.get(id, m)).code });
    }
    const ledger = await lineWipByDocument(
      m,
      lines.map((l) => l.id),
    );
    const refs = [...new Map(ledger.map((r) => [`${r.document_type}:${r.document_id}`, r])).values()].map(
      (r) => ({ type: r.document_type, id: r.document_id }),
    );
    const owners = new Map(
      (await ordersOfDocuments(m, refs)).map((o) => [`${o.document_type}:${o.document_id}`, o]),
    );
    // line → order → product → net quantity
    const net = new Map<string, Map<string, Map<string, Decimal>>>();
    for (const r of ledger) {
      const owner = owners.get(`${r.document_type}:${r.document_id}`);
      if (!owner) continue;
      const byMo = net.get(r.location_id) ?? new Map<string, Map<string, Decimal>>();
      net.set(r.location_id, byMo);
      const byProduct = byMo.get(owner.mo_id) ?? new Map<string, Decimal>();
      byMo.set(owner.mo_id, byProduct);
      byProduct.set(r.product_id, (byProduct.get(r.product_id) ?? new Decimal(0)).plus(r.net));
    }
    const productIds = [...net.values()].flatMap((byMo) => [...byMo.values()].flatMap((p) => [...p.keys()]));
    const labels = new Map((await productLabels(m, [...new Set(productIds)])).map((p) => [p.id, p]));
    const orders = new Map([...owners.values()].map((o) => [o.mo_id, o]));
    return lines.map((line) => {
      const batches: LineBatch[] = [];
      for (const [moId, byProduct] of net.get(line.id) ?? []) {
        const items = [...byProduct]
          .filter(([, q]) => q.gt(0))
          .map(([productId, q]) => {
            const label = labels.get(productId)!;
            return { productId, productCode: label.code, quantity: q.toNumber(), uom: label.uom };
          })
          .sort((a, b) => a.productCode.localeCompare(b.productCode));
        if (items.length === 0) continue;
        const o = orders.get(moId)!;
        batches.push({
          moId,
          batchNumber: o.batch_number,
          moState: o.mo_state,
          articleId: o.article_id,
          articleCode: o.article_code,
          articleName: o.article_name,
          destination: o.destination,
          week: o.week,
          quantity: items.reduce((s, i) => s.plus(i.quantity), new Decimal(0)).toNumber(),
          items,
        });
      }
      batches.sort((a, b) => a.batchNumber.localeCompare(b.batchNumber));
      return { department: line.department, locationId: line.id, locationCode: line.code, batches };
    });
  }
}
