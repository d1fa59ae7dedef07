import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../../core/errors/app-error.js';
import { type PartnerFact, PartnersFacts } from '../partners/partners.facts.js';
import { readMosByBatch, readWorkOrdersByIds } from '../ppic/orders/trace.facts.js';
import { readReceiptsByIds } from '../purchasing/receipt.facts.js';
import { readCustomerLines } from '../sales/customer.facts.js';
import { type TraceDirection, type TraceRow, traceLedger } from '../warehouse/index.js';
import { productsByIds } from '../warehouse/warehouse.facts.js';
import type { TraceNode, TracePartner, TraceProduct, TraceResponse } from './dto/trace.dto.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const num = (s: string | null) => (s === null ? null : Number(s));
const partner = (p: PartnerFact | undefined): TracePartner | null =>
  p ? { id: p.id, code: p.code, name: p.name } : null;

/**
 * The trace of a lot: the ledger walk is one statement (warehouse); the documents on it are then
 * named by one batched read per owner (MOs and work orders, goods receipts, sales orders, partners,
 * products), never one query per node.
 */
@Injectable()
export class TraceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly partners: PartnersFacts,
  ) {}

  async trace(lotId: string, direction: TraceDirection): Promise<TraceResponse> {
    const m = this.dataSource.manager;
    const rows = await traceLedger(m, lotId, direction);
    if (!rows[0]?.lot_number) throw notFound('lot', lotId);

    const grnIds = rows.flatMap((r) =>
      (r.receipts ?? []).filter((x) => x.document_type === 'goods_receipt').map((x) => x.document_id!),
    );
    const [mos, workOrders, receipts] = await Promise.all([
      readMosByBatch(
        m,
        rows.filter((r) => r.kind === 'batch').map((r) => r.batch!),
      ),
      readWorkOrdersByIds(
        m,
        rows.flatMap((r) => r.document_ids ?? []),
      ),
      readReceiptsByIds(m, grnIds),
    ]);
    const [customerLines, products] = await Promise.all([
      readCustomerLines(
        m,
        mos.map((o) => o.sales_order_line_id).filter((id): id is string => !!id),
      ),
      productsByIds(
        m,
        mos.map((o) => o.product_id),
      ),
    ]);
    const partners = await this.partners.byIds(m, [
      ...rows.map((r) => r.supplier_id).filter((id): id is string => !!id),
      ...receipts.map((g) => g.supplier_id),
      ...customerLines.map((c) => c.customer_id),
    ]);
    const moByBatch = new Map(mos.map((o) => [o.batch_number, o]));
    const woById = new Map(workOrders.map((w) => [w.id, w]));
    const grnById = new Map(receipts.map((g) => [g.id, g]));
    const lineById = new Map(customerLines.map((c) => [c.line_id, c]));

    const toNode = (r: TraceRow): TraceNode => {
      const node: TraceNode = {
        kind: r.kind,
        depth: r.depth,
        quantity: num(r.quantity),
        firstAt: iso(r.first_at),
        lastAt: iso(r.last_at),
        lot: null,
        order: null,
        batchNumber: r.batch,
        workOrders: (r.document_ids ?? [])
          .map((id) => woById.get(id))
          .filter((w) => w !== undefined)
          .sort((a, b) => a.sequence - b.sequence)
          .map((w) => ({ id: w.id, department: w.department, sequence: w.sequence })),
        children: [],
      };
      if (r.kind === 'lot') {
        const product: TraceProduct = {
          id: r.product_id!,
          code: r.product_code!,
          name: r.product_name!,
          type: r.product_type!,
          uom: r.uom!,
        };
        node.lot = {
          id: r.lot_id!,
          lotNumber: r.lot_number!,
          receivedAt: iso(r.received_at)!,
          product,
          onHand: Number(r.on_hand ?? 0),
          supplier: partner(r.supplier_id ? partners.get(r.supplier_id) : undefined),
          receipts: (r.receipts ?? []).map((x) => {
            const grn = x.document_type === 'goods_receipt' ? grnById.get(x.document_id!) : undefined;
            return {
              documentType: x.document_type,
              documentId: x.document_id,
              reference: x.reference,
              quantity: Number(x.quantity),
              at: iso(x.at)!,
              purchaseOrderId: grn?.purchase_order_id ?? null,
              poNumber: grn?.po_number ?? null,
              supplier: partner(grn ? partners.get(grn.supplier_id) : undefined),
            };
          }),
          dispatches: (r.dispatches ?? []).map((x) => ({
            documentType: x.document_type,
            documentId: x.document_id,
            reference: x.reference,
            quantity: Number(x.quantity),
            at: iso(x.at)!,
            locationCode: x.location_code,
          })),
        };
      } else {
        const mo = moByBatch.get(r.batch!);
        const p = mo ? products.get(mo.product_id) : undefined;
        const line = mo?.sales_order_line_id ? lineById.get(mo.sales_order_line_id) : undefined;
        node.order = mo
          ? {
              id: mo.id,
              batchNumber: mo.batch_number,
              state: mo.state,
              product: p ? { id: p.id, code: p.code, name: p.name, type: p.type, uom: p.uom } : null,
              plannedQuantity: Number(mo.qty_planned),
              producedQuantity: num(mo.produced_qty),
              week: mo.week,
              destination: mo.destination,
              startedAt: iso(mo.started_at),
              completedAt: iso(mo.completed_at),
              soNumber: line?.so_number ?? null,
              salesOrderId: line?.sales_order_id ?? null,
              customer: partner(line ? partners.get(line.customer_id) : undefined),
            }
          : null;
      }
      return node;
    };

    // Rows come ordered by path, so a parent is always met before its children.
    const byPath = new Map<string, TraceNode>();
    let root: TraceNode | undefined;
    for (const r of rows) {
      const node = toNode(r);
      byPath.set(r.path.join('/'), node);
      if (r.depth === 0) root = node;
      else byPath.get(r.path.slice(0, -1).join('/'))?.children.push(node);
    }
    return {
      direction,
      root: root!,
      lots: new Set(rows.filter((r) => r.kind === 'lot').map((r) => r.lot_id)).size,
      batches: new Set(rows.filter((r) => r.kind === 'batch').map((r) => r.batch)).size,
    };
  }
}
