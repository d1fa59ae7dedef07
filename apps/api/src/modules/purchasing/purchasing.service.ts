import { Injectable } from '@nestjs/common';
import {
  factoryToday,
  OPEN_PURCHASE_ORDER_STATES,
  PURCHASE_ORDER_TRANSITIONS,
  QUANTITY_SCALE,
  receivableQuantity,
  toStockUnits,
  unitFactor,
  type PurchaseOrderAction,
  type PurchaseOrderState,
  type Unit,
} from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import type { Principal } from '../../core/context/request-context.js';
import { nextDocumentNumber } from '../../core/database/document-numbers.js';
import { People } from '../../core/database/people.js';
import { Transactions } from '../../core/database/transactions.js';
import { AppError, notFound, staleVersion, validationFailed } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import type { CsvExport } from '../../core/http/csv.js';
import type { Page } from '../../core/http/paging.js';
import { type StateMachine, StateTransitions } from '../../core/transitions/state-machine.js';
import { PartnersFacts } from '../partners/partners.facts.js';
import { refuseFractionsOfWholeUnits } from '../warehouse/index.js';
import { PostingService } from '../warehouse/stock/posting.service.js';
import type { MoveOp } from '../warehouse/stock/posting.types.js';
import {
  createReceiptLot,
  locationsByIds,
  lotsByIds,
  productIdsMatching,
  productsByIds,
  virtualLocationId,
} from '../warehouse/warehouse.facts.js';
import type {
  CreateReceiptRequest,
  GoodsReceiptResponse,
  PurchaseOrderFields,
  PurchaseOrderQuery,
  PurchaseOrderResponse,
  PurchaseOrderSummary,
  ReceivableLineQuery,
  ReceivableLineResponse,
  UpdatePurchaseOrderRequest,
} from './dto/purchasing.dto.js';
import {
  toLineResponse,
  toPurchaseOrderResponse,
  toPurchaseOrderSummary,
  toReceiptResponse,
} from './purchasing.mappers.js';
import { PURCHASE_ORDER_CSV_COLUMNS } from './purchasing.csv.js';
import {
  addReceivedQuantities,
  type GoodsReceiptLineValues,
  insertGoodsReceipt,
  insertGoodsReceiptLines,
  insertPurchaseOrder,
  linesOfPurchaseOrder,
  listPurchaseOrders,
  purchaseOrderById,
  purchaseOrderListSql,
  type PurchaseOrderSummaryRow,
  type PurchaseOrderLineRow,
  type PurchaseOrderLineValues,
  type PurchaseOrderRow,
  receiptsOfOrder,
  receivableLines,
  replacePurchaseOrderLines,
  savePurchaseOrderState,
  updatePurchaseOrderHeader,
} from './purchasing.sql.js';

const PAST_TENSE: Record<PurchaseOrderAction, string> = {
  approve: 'approved',
  cancel: 'cancelled',
  close: 'closed',
  receive_partially: 'partially_received',
  receive: 'received',
};

/** The purchase-order state machine for the core transition helper. */
const PURCHASE_ORDER_MACHINE: StateMachine<PurchaseOrderRow, PurchaseOrderState, PurchaseOrderAction> = {
  entity: 'purchase_order',
  noun: 'purchase order',
  transitions: PURCHASE_ORDER_TRANSITIONS,
  pastTense: PAST_TENSE,
  lock: (m, id) => purchaseOrderById(m, id, true),
  state: (row) => row.state,
  label: (row) => `Purchase order ${row.number}`,
  save: (m, row, to, changes) => savePurchaseOrderState(m, row.id, to, changes),
};

const isRealDate = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
};

const fixed = (d: Decimal) =>
  d.toDecimalPlaces(QUANTITY_SCALE, Decimal.ROUND_HALF_UP).toFixed(QUANTITY_SCALE);

/** Purchase orders with approval, and the receipts (GRN) that bring their goods into stock. */
@Injectable()
export class PurchasingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly transitions: StateTransitions,
    private readonly people: People,
    private readonly posting: PostingService,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    private readonly partners: PartnersFacts,
  ) {}

  async list(q: PurchaseOrderQuery, principal: Principal): Promise<Page<PurchaseOrderSummary>> {
    const { rows, total } = await listPurchaseOrders(this.dataSource.manager, q, q.skip, q.limit);
    return { items: await this.summaries(rows, principal), total, skip: q.skip, limit: q.limit };
  }

  /** The same list as CSV, every row of the filter, streamed; suppliers and people looked up per batch. */
  exportCsv(
    q: PurchaseOrderQuery,
    principal: Principal,
  ): CsvExport<PurchaseOrderSummaryRow, PurchaseOrderSummary> {
    const { sql, params } = purchaseOrderListSql(q, false);
    return {
      sql,
      params,
      map: (rows) => this.summaries(rows, principal),
      columns: PURCHASE_ORDER_CSV_COLUMNS,
      filename: 'purchase-orders.csv',
    };
  }

  private async summaries(
    rows: PurchaseOrderSummaryRow[],
    principal: Principal,
  ): Promise<PurchaseOrderSummary[]> {
    const m = this.dataSource.manager;
    const suppliers = await this.partners.byIds(
      m,
      rows.map((r) => r.supplier_id),
    );
    const person = await this.people.lookup(
      rows.map((r) => r.created_by_id),
      m,
    );
    return rows.map((r) => toPurchaseOrderSummary(r, suppliers.get(r.supplier_id), person, principal));
  }

  async get(id: string, principal: Principal): Promise<PurchaseOrderResponse> {
    const response = await this.load(this.dataSource.manager, id, principal);
    if (!response) throw notFound('purchase order', id);
    return response;
  }

  create(body: PurchaseOrderFields, principal: Principal): Promise<PurchaseOrderResponse> {
    return this.tx.run(async (m) => {
      const id = await this.createDraft(m, body, principal);
      return (await this.load(m, id, principal))!;
    });
  }

  /**
   * Writes a DRAFT purchase order with its audit row and event in the caller's transaction; planning's
   * release calls this for each supplier's group of BUY planned orders.
   */
  async createDraft(m: EntityManager, body: PurchaseOrderFields, principal: Principal): Promise<string> {
    const lines = await this.validate(m, body);
    const number = await nextDocumentNumber(m, 'PO', 4);
    const id = await insertPurchaseOrder(
      m,
      number,
      { supplierId: body.supplierId, orderDate: body.orderDate ?? factoryToday(), notes: body.notes ?? null },
      principal.userId,
    );
    await replacePurchaseOrderLines(m, id, lines);
    await this.audit.record(m, {
      action: 'purchase_order.created',
      entityType: 'purchase_order',
      entityId: id,
      after: { number, supplierId: body.supplierId, notes: body.notes ?? null, lines },
    });
    await this.events.publish(m, 'purchase_order.created', [id]);
    return id;
  }

  async update(
    id: string,
    body: UpdatePurchaseOrderRequest,
    principal: Principal,
  ): Promise<PurchaseOrderResponse> {
    return this.tx.run(async (m) => {
      const row = await purchaseOrderById(m, id, true);
      if (!row) throw notFound('purchase order', id);
      if (row.version !== body.version) throw staleVersion('purchase order', row.version);
      if (row.state !== 'DRAFT')
        throw new AppError(
          409,
          'INVALID_STATE',
          `Purchase order ${row.number} is ${row.state}; only drafts are edited`,
          { currentState: row.state, allowedFrom: ['DRAFT'] },
        );
      const before = await linesOfPurchaseOrder(m, id);
      const lines = await this.validate(m, body);
      await updatePurchaseOrderHeader(m, id, {
        supplierId: body.supplierId,
        orderDate: body.orderDate ?? row.order_date,
        notes: body.notes ?? null,
      });
      await replacePurchaseOrderLines(m, id, lines);
      await this.audit.record(m, {
        action: 'purchase_order.updated',
        entityType: 'purchase_order',
        entityId: id,
        before: { supplierId: row.supplier_id, notes: row.notes, lines: before },
        after: { supplierId: body.supplierId, notes: body.notes ?? null, lines },
      });
      await this.events.publish(m, 'purchase_order.updated', [id]);
      return (await this.load(m, id, principal))!;
    });
  }

  transition(
    id: string,
    action: 'approve' | 'cancel' | 'close',
    principal: Principal,
  ): Promise<PurchaseOrderResponse> {
    const who = { approve: 'approved', cancel: 'cancelled', close: 'closed' }[action];
    return this.tx.run(async (m) => {
      await this.transitions.apply(m, PURCHASE_ORDER_MACHINE, action, id, principal, {
        rowRule: (row, p) =>
          action === 'approve' && row.created_by_id === p.userId
            ? new AppError(
                403,
                'SELF_APPROVAL',
                `You created ${row.number}; another purchasing manager must approve it`,
                { createdById: row.created_by_id },
              )
            : null,
        effect: () => ({ [`${who}_by_id`]: principal.userId, [`${who}_at`]: new Date() }),
        auditAfter: () => ({ by: principal.username }),
      });
      return (await this.load(m, id, principal))!;
    });
  }

  /**
   * A goods receipt (GRN): per line a lot (with supplier and PO line) and a SUPPLIER → rack move
   * through the posting service; the lines' received quantities and the order's state advance in the
   * same transaction. The order row is locked first, so concurrent receipts of one line queue and
   * the second sees what the first received.
   */
  receive(id: string, body: CreateReceiptRequest, principal: Principal): Promise<GoodsReceiptResponse> {
    return this.tx.run(async (m) => {
      const order = await purchaseOrderById(m, id, true);
      if (!order) throw notFound('purchase order', id);
      if (!OPEN_PURCHASE_ORDER_STATES.includes(order.state))
        throw new AppError(
          409,
          'INVALID_STATE',
          `Purchase order ${order.number} is ${order.state}; only approved orders are received`,
          { currentState: order.state, allowedFrom: OPEN_PURCHASE_ORDER_STATES },
        );
      const poLines = new Map((await linesOfPurchaseOrder(m, id)).map((l) => [l.id, l]));
      const products = await productsByIds(
        m,
        [...poLines.values()].map((l) => l.product_id),
        true,
      );
      const locations = await locationsByIds(
        m,
        body.lines.map((l) => l.locationId),
      );

      const problems: Array<{ field: string; messages: string[] }> = [];
      const entries = body.lines.flatMap((entry, i) => {
        const line = poLines.get(entry.lineId);
        if (!line) {
          problems.push({ field: `lines.${i}.lineId`, messages: [`not a line of ${order.number}`] });
          return [];
        }
        const location = locations.get(entry.locationId);
        if (!location) problems.push({ field: `lines.${i}.locationId`, messages: ['no such location'] });
        else if (location.type !== 'WAREHOUSE' || !location.active)
          problems.push({
            field: `lines.${i}.locationId`,
            messages: [`${location.code} is not an active warehouse rack`],
          });
        const product = products.get(line.product_id)!;
        const uom: Unit = entry.uom ?? line.uom;
        const stock = toStockUnits(entry.quantity, uom, product.uom, product.unitConversions);
        const lineFactor = unitFactor(line.uom, product.uom, product.unitConversions);
        if (stock === null || lineFactor === null) {
          throw new AppError(
            422,
            'UNIT_NOT_CONVERTIBLE',
            `${product.code} is stocked in ${product.uom}; ${stock === null ? uom : line.uom} cannot be converted to it`,
            { uom: stock === null ? uom : line.uom, stockUnit: product.uom, field: `lines.${i}.uom` },
          );
        }
        if (new Decimal(stock).lte(0))
          problems.push({ field: `lines.${i}.quantity`, messages: ['rounds to zero in the stock unit'] });
        return [{ entry, line, product, uom, stock: new Decimal(stock), lineFactor }];
      });
      if (problems.length)
        throw validationFailed('Some receipt lines cannot be received as entered', problems);
      refuseFractionsOfWholeUnits(
        entries.map((e) => ({
          field: `lines.${body.lines.indexOf(e.entry)}.quantity`,
          quantity: e.entry.quantity,
          uom: e.uom,
          label: e.product.code,
        })),
      );
      // Over-receipt: per PO line, everything this GRN brings against open + 5 %, in the stock unit.
      const perLine = new Map<string, Decimal>();
      for (const e of entries)
        perLine.set(e.line.id, (perLine.get(e.line.id) ?? new Decimal(0)).plus(e.stock));
      for (const [lineId, stock] of perLine) {
        const e = entries.find((x) => x.line.id === lineId)!;
        const allowed = receivableQuantity(e.line.quantity, e.line.received_quantity).times(e.lineFactor);
        if (stock.gt(allowed))
          throw new AppError(
            409,
            'OVER_RECEIPT',
            `Line ${e.line.line_no} (${e.product.code}) has ${toLineResponse(e.line, e.product).openQuantity} ${e.line.uom} open; a receipt may exceed that by 5 % at most`,
            {
              lineId,
              lineNo: e.line.line_no,
              openQuantity: toLineResponse(e.line, e.product).openQuantity,
              uom: e.line.uom,
              maxReceivable: fixed(allowed.div(e.lineFactor)),
              attempted: fixed(stock.div(e.lineFactor)),
            },
          );
      }

      const number = await nextDocumentNumber(m, 'GRN', 4);
      const receiptId = await insertGoodsReceipt(m, number, id, principal.userId, body.notes ?? null);
      const receivedAt = new Date();
      const lots: string[] = [];
      for (const e of entries) {
        const lotNumber = e.entry.lotNumber?.trim() || `${order.number}-${e.line.line_no}`;
        const lot = await createReceiptLot(m, {
          productId: e.product.id,
          lotNumber,
          receivedAt,
          supplierId: order.supplier_id,
          purchaseOrderLineId: e.line.id,
          supplierReference: number,
        });
        if (!lot)
          throw new AppError(
            409,
            'LOT_NUMBER_TAKEN',
            `The lot ${lotNumber} of ${e.product.code} already exists from another receipt; give this one its own number`,
            { lotNumber, productId: e.product.id },
          );
        lots.push(lot.id);
      }
      const supplierLocation = await virtualLocationId(m, 'SUPPLIER');
      const ops: MoveOp[] = entries.map((e, i) => ({
        kind: 'move',
        type: 'RECEIPT',
        productId: e.product.id,
        fromLocationId: supplierLocation,
        toLocationId: e.entry.locationId,
        quantity: e.stock.toFixed(QUANTITY_SCALE),
        lotId: lots[i],
        entered: e.uom === e.product.uom ? undefined : { quantity: e.entry.quantity, uom: e.uom },
        note: `${order.number} line ${e.line.line_no}`,
      }));
      const posted = await this.posting.post(m, ops, {
        reference: number,
        document: { type: 'goods_receipt', id: receiptId },
      });
      const receiptLines: GoodsReceiptLineValues[] = entries.map((e, i) => ({
        purchaseOrderLineId: e.line.id,
        quantity: new Decimal(e.entry.quantity).toFixed(QUANTITY_SCALE),
        uom: e.uom,
        lineQuantity: fixed(e.stock.div(e.lineFactor)),
        stockQuantity: e.stock.toFixed(QUANTITY_SCALE),
        lotId: lots[i]!,
        locationId: e.entry.locationId,
        stockMoveId: posted.moves[i]!.id,
      }));
      await insertGoodsReceiptLines(m, receiptId, receiptLines);
      const byLine = new Map<string, string>();
      for (const l of receiptLines)
        byLine.set(
          l.purchaseOrderLineId,
          new Decimal(byLine.get(l.purchaseOrderLineId) ?? 0).plus(l.lineQuantity).toFixed(QUANTITY_SCALE),
        );
      const after = await addReceivedQuantities(m, id, byLine);
      const complete = after.every((l) => new Decimal(l.received_quantity).gte(l.quantity));
      const { to } = await this.transitions.apply(
        m,
        PURCHASE_ORDER_MACHINE,
        complete ? 'receive' : 'receive_partially',
        id,
        principal,
        { auditAfter: () => ({ goodsReceipt: number }) },
      );
      await this.audit.record(m, {
        action: 'goods_receipt.created',
        entityType: 'goods_receipt',
        entityId: receiptId,
        after: { number, purchaseOrder: order.number, lines: receiptLines },
      });
      await this.events.publish(m, 'goods_receipt.created', [receiptId]);
      const { receipts, lines } = await receiptsOfOrder(m, id);
      const receipt = receipts.find((r) => r.id === receiptId)!;
      return toReceiptResponse(
        receipt,
        lines.filter((l) => l.goods_receipt_id === receiptId),
        {
          order: { id, number: order.number, state: to },
          poLines: new Map(after.map((l) => [l.id, l])),
          products,
          lots: await lotsByIds(m, lots),
          locations,
          person: await this.people.lookup([principal.userId], m),
        },
      );
    });
  }

  /** Open lines of approved orders for the receive screen: by scan code, PO number, product or supplier. */
  async receivable(q: ReceivableLineQuery): Promise<Page<ReceivableLineResponse>> {
    const m = this.dataSource.manager;
    const search = q.search?.trim() || undefined;
    const { rows, total } = await receivableLines(
      m,
      {
        productId: q.productId,
        search,
        searchProductIds: search ? await productIdsMatching(m, search) : [],
        searchSupplierIds: search ? [...(await this.partners.search(m, search)).keys()] : [],
      },
      q.skip,
      q.limit,
    );
    return this.receivableResponse(m, rows, total, q);
  }

  private async receivableResponse(
    m: EntityManager,
    rows: Awaited<ReturnType<typeof receivableLines>>['rows'],
    total: number,
    q: ReceivableLineQuery,
  ): Promise<Page<ReceivableLineResponse>> {
    const products = await productsByIds(
      m,
      rows.map((r) => r.product_id),
    );
    const suppliers = await this.partners.byIds(
      m,
      rows.map((r) => r.supplier_id),
    );
    return {
      items: rows.map((r) => {
        const s = suppliers.get(r.supplier_id);
        return {
          ...toLineResponse(r, products.get(r.product_id)),
          purchaseOrderId: r.purchase_order_id,
          purchaseOrderNumber: r.po_number,
          purchaseOrderState: r.po_state,
          supplier: { id: r.supplier_id, code: s?.code ?? '', name: s?.name ?? '' },
          reference: `${r.po_number}-${r.line_no}`,
        };
      }),
      total,
      skip: q.skip,
      limit: q.limit,
    };
  }

  private async validate(m: EntityManager, body: PurchaseOrderFields): Promise<PurchaseOrderLineValues[]> {
    const supplier = (await this.partners.byIds(m, [body.supplierId])).get(body.supplierId);
    if (!supplier) throw notFound('partner', body.supplierId);
    if (supplier.type === 'CUSTOMER')
      throw validationFailed(`${supplier.code} is a customer; purchase orders go to suppliers`, [
        { field: 'supplierId', messages: ['must be a SUPPLIER or SUBCONTRACTOR partner'] },
      ]);
    if (body.orderDate && !isRealDate(body.orderDate))
      throw validationFailed('orderDate does not exist', [
        { field: 'orderDate', messages: ['no such date'] },
      ]);
    const products = await productsByIds(
      m,
      body.lines.map((l) => l.productId),
    );
    const problems: Array<{ field: string; messages: string[] }> = [];
    body.lines.forEach((line, i) => {
      const product = products.get(line.productId);
      if (!product) problems.push({ field: `lines.${i}.productId`, messages: ['no such product'] });
      else if (!product.active)
        problems.push({ field: `lines.${i}.productId`, messages: [`${product.code} is inactive`] });
      else if (!unitFactor(line.uom, product.uom, product.unitConversions))
        problems.push({
          field: `lines.${i}.uom`,
          messages: [`${product.code} is stocked in ${product.uom}; ${line.uom} cannot be converted to it`],
        });
      if (!isRealDate(line.expectedDate))
        problems.push({ field: `lines.${i}.expectedDate`, messages: ['no such date'] });
    });
    if (problems.length) throw validationFailed('Some lines cannot be ordered as entered', problems);
    refuseFractionsOfWholeUnits(
      body.lines.map((l, i) => ({ field: `lines.${i}.quantity`, quantity: l.quantity, uom: l.uom })),
    );
    return body.lines.map((l) => ({
      productId: l.productId,
      quantity: l.quantity,
      uom: l.uom,
      unitPrice: l.unitPrice ?? null,
      expectedDate: l.expectedDate,
    }));
  }

  private async load(
    m: EntityManager,
    id: string,
    principal: Principal,
  ): Promise<PurchaseOrderResponse | null> {
    const row = await purchaseOrderById(m, id);
    if (!row) return null;
    const lines = await linesOfPurchaseOrder(m, id);
    const supplier = (await this.partners.byIds(m, [row.supplier_id])).get(row.supplier_id);
    const products = await productsByIds(
      m,
      lines.map((l) => l.product_id),
    );
    const { receipts, lines: receiptLines } = await receiptsOfOrder(m, id);
    const person = await this.people.lookup(
      [row.created_by_id, row.approved_by_id, ...receipts.map((r) => r.received_by_id)],
      m,
    );
    const lots = await lotsByIds(
      m,
      receiptLines.map((l) => l.lot_id),
    );
    const locations = await locationsByIds(
      m,
      receiptLines.map((l) => l.location_id),
    );
    const poLines = new Map<string, PurchaseOrderLineRow>(lines.map((l) => [l.id, l]));
    const grns = receipts.map((r) =>
      toReceiptResponse(
        r,
        receiptLines.filter((l) => l.goods_receipt_id === r.id),
        { order: row, poLines, products, lots, locations, person },
      ),
    );
    return toPurchaseOrderResponse(row, lines, grns, { supplier, products, person, principal });
  }
}
