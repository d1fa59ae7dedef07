import { Injectable } from '@nestjs/common';
import {
  factoryToday,
  isoWeekOf,
  planPacking,
  SHIPMENT_ACTIONS,
  SHIPMENT_TRANSITIONS,
  type PackingInput,
  type ShipmentAction,
  type ShipmentState,
} from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import type { Principal } from '../../core/context/request-context.js';
import { nextDocumentNumber } from '../../core/database/document-numbers.js';
import { People } from '../../core/database/people.js';
import { Transactions } from '../../core/database/transactions.js';
import { AppError, notFound, validationFailed } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import type { Page } from '../../core/http/paging.js';
import { type StateMachine, StateTransitions } from '../../core/transitions/state-machine.js';
import { PartnersFacts } from '../partners/partners.facts.js';
import { SalesShipping, type ShippableLine } from '../sales/shipping.facts.js';
import {
  Locations,
  PostingService,
  readPackingProducts,
  Stock,
  type MoveOp,
  type ReserveOp,
} from '../warehouse/index.js';
import { lotsByIds, productsByIds } from '../warehouse/warehouse.facts.js';
import type {
  CreateShipmentRequest,
  OpenLineQuery,
  OpenSalesOrderLineResponse,
  ShipmentQuery,
  ShipmentResponse,
  ShipmentSummary,
} from './dto/shipping.dto.js';
import {
  cartonsOfShipment,
  heldBySalesOrderLine,
  insertPacking,
  insertPicks,
  insertShipment,
  insertShipmentLines,
  linesOfShipments,
  listShipments,
  palletsOfShipment,
  type PickValues,
  picksOfShipment,
  saveShipmentState,
  type ShipmentCartonRow,
  shipmentById,
  type ShipmentRow,
} from './shipping.sql.js';

const PAST_TENSE: Record<ShipmentAction, string> = { pick: 'picked', ship: 'shipped', cancel: 'cancelled' };

const SHIPMENT_MACHINE: StateMachine<ShipmentRow, ShipmentState, ShipmentAction> = {
  entity: 'shipment',
  noun: 'shipment',
  transitions: SHIPMENT_TRANSITIONS,
  pastTense: PAST_TENSE,
  lock: (m, id) => shipmentById(m, id, true),
  state: (row) => row.state,
  label: (row) => `Shipment ${row.number}`,
  save: (m, row, to, changes) => saveShipmentState(m, row.id, to, changes),
};

/** The document reservations and moves of a shipment are booked against. */
const documentOf = (id: string) => ({ type: 'shipment', id });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The production week of a lot: its received (produced) date in Asia/Jakarta, as the passport shows it. */
const productionWeek = (receivedAt: Date | null | undefined) =>
  isoWeekOf(factoryToday(receivedAt ?? new Date()));

export function shipmentActions(state: ShipmentState, principal: Principal): ShipmentAction[] {
  return SHIPMENT_ACTIONS.filter((a) => {
    const t = SHIPMENT_TRANSITIONS[a];
    return t.from.includes(state) && principal.permissions.has(t.permission);
  });
}

/** Pieces per carton from the article's CARTON conversion, when it is a whole number. */
function piecesPerCarton(
  conversions: ReadonlyArray<{ uom: string; factor: number | string }>,
): number | null {
  const carton = conversions.find((c) => c.uom === 'CARTON');
  const n = carton ? Number(carton.factor) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * Shipments of finished goods (quality-shipping.md): lines against open sales-order lines, a pick that
 * reserves released lots FIFO and fixes the packing plan, and a ship that posts the goods to the
 * customer and records them on the sales orders, each in one transaction.
 */
@Injectable()
export class ShippingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly transitions: StateTransitions,
    private readonly people: People,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    private readonly partners: PartnersFacts,
    private readonly sales: SalesShipping,
    private readonly posting: PostingService,
    private readonly locations: Locations,
    private readonly stock: Stock,
  ) {}

  async list(q: ShipmentQuery, principal: Principal): Promise<Page<ShipmentSummary>> {
    const m = this.dataSource.manager;
    const { rows, total } = await listShipments(m, q, q.skip, q.limit);
    const customers = await this.partners.byIds(
      m,
      rows.map((r) => r.customer_id),
    );
    return {
      items: rows.map((r) => {
        const c = customers.get(r.customer_id);
        return {
          id: r.id,
          number: r.number,
          customer: { id: r.customer_id, code: c?.code ?? '', name: c?.name ?? '' },
          state: r.state,
          lineCount: r.line_count,
          totalQuantity: r.total_quantity,
          cartonCount: r.carton_count,
          palletCount: r.pallet_count,
          actions: shipmentActions(r.state, principal),
          shippedAt: iso(r.shipped_at),
          version: r.version,
          createdAt: r.created_at.toISOString(),
          updatedAt: r.updated_at.toISOString(),
        };
      }),
      total,
      skip: q.skip,
      limit: q.limit,
    };
  }

  async get(
    id: string,
    principal: Principal,
    m: EntityManager = this.dataSource.manager,
  ): Promise<ShipmentResponse> {
    const response = await this.load(m, id, principal);
    if (!response) throw notFound('shipment', id);
    return response;
  }

  /** A customer's open sales-order lines with what a new shipment may still take of each. */
  async openLines(q: OpenLineQuery): Promise<OpenSalesOrderLineResponse[]> {
    const m = this.dataSource.manager;
    const lines = await this.sales.openLines(m, q.customerId, q);
    const held = await heldBySalesOrderLine(
      m,
      lines.map((l) => l.id),
    );
    const products = await productsByIds(
      m,
      lines.map((l) => l.productId),
    );
    return lines.map((l) => ({
      id: l.id,
      salesOrderId: l.salesOrderId,
      soNumber: l.soNumber,
      customerPo: l.customerPo,
      state: l.state,
      lineNo: l.lineNo,
      productId: l.productId,
      productCode: products.get(l.productId)?.code ?? '',
      productName: products.get(l.productId)?.name ?? '',
      quantity: l.quantity,
      shippedQuantity: l.shippedQuantity,
      availableQuantity: Math.max(l.openQuantity - (held.get(l.id) ?? 0), 0),
      deliveryWeek: l.deliveryWeek,
      destination: l.destination,
    }));
  }

  create(body: CreateShipmentRequest, principal: Principal): Promise<ShipmentResponse> {
    return this.tx.run(async (m) => {
      const customer = (await this.partners.byIds(m, [body.customerId])).get(body.customerId);
      if (!customer) throw notFound('partner', body.customerId);
      if (customer.type !== 'CUSTOMER')
        throw validationFailed(`${customer.code} is a ${customer.type}, not a customer`, [
          { field: 'customerId', messages: ['must be a CUSTOMER partner'] },
        ]);
      // Locking the orders serialises two shipments taking the same open quantity.
      const soLines = await this.sales.linesByIds(
        m,
        body.lines.map((l) => l.salesOrderLineId),
        true,
      );
      const held = await heldBySalesOrderLine(m, [...soLines.keys()]);
      const problems: Array<{ field: string; messages: string[] }> = [];
      const seen = new Set<string>();
      body.lines.forEach((entry, i) => {
        const field = `lines.${i}`;
        const line = soLines.get(entry.salesOrderLineId);
        if (!line)
          return problems.push({
            field: `${field}.salesOrderLineId`,
            messages: ['no such sales-order line'],
          });
        if (seen.has(line.id))
          return problems.push({
            field: `${field}.salesOrderLineId`,
            messages: ['named twice in this shipment'],
          });
        seen.add(line.id);
        if (line.customerId !== body.customerId)
          return problems.push({
            field: `${field}.salesOrderLineId`,
            messages: [`${line.soNumber} is another customer's order`],
          });
        if (line.state !== 'CONFIRMED' && line.state !== 'PARTIALLY_SHIPPED')
          return problems.push({
            field: `${field}.salesOrderLineId`,
            messages: [`${line.soNumber} is ${line.state}; only confirmed orders ship`],
          });
        const available = line.openQuantity - (held.get(line.id) ?? 0);
        if (entry.quantity > available)
          problems.push({
            field: `${field}.quantity`,
            messages: [
              `${line.soNumber} line ${line.lineNo} has ${available} pcs left to ship (open ${line.openQuantity}, in other shipments ${held.get(line.id) ?? 0}); ${entry.quantity} is more`,
            ],
          });
        return undefined;
      });
      if (problems.length) throw validationFailed('Some lines cannot be shipped as entered', problems);
      const number = await nextDocumentNumber(m, 'SH', 4);
      const id = await insertShipment(
        m,
        number,
        body.customerId,
        body.notes?.trim() || null,
        principal.userId,
      );
      await insertShipmentLines(
        m,
        id,
        body.lines.map((entry) => {
          const line = soLines.get(entry.salesOrderLineId)!;
          return {
            salesOrderLineId: line.id,
            salesOrderId: line.salesOrderId,
            productId: line.productId,
            quantity: entry.quantity,
            destination: line.destination,
            deliveryWeek: line.deliveryWeek,
          };
        }),
      );
      const after = (await this.load(m, id, principal))!;
      await this.audit.record(m, {
        action: 'shipment.created',
        entityType: 'shipment',
        entityId: id,
        after: auditView(after),
      });
      await this.events.publish(m, 'shipment.created', [id]);
      return after;
    });
  }

  /** Reserves released finished goods FIFO for every line and fixes the packing plan. */
  pick(id: string, principal: Principal): Promise<ShipmentResponse> {
    return this.tx.run(async (m) => {
      await this.transitions.apply(m, SHIPMENT_MACHINE, 'pick', id, principal, {
        effect: async (mm, row) => {
          await this.reserveAndPack(mm, row);
          return { picked_by_id: principal.userId, picked_at: new Date() };
        },
        auditAfter: () => ({ by: principal.username }),
      });
      return (await this.load(m, id, principal))!;
    });
  }

  /** Posts the picked lots from the finished-goods rack to the customer and records them on the orders. */
  ship(id: string, principal: Principal): Promise<ShipmentResponse> {
    return this.tx.run(async (m) => {
      await this.transitions.apply(m, SHIPMENT_MACHINE, 'ship', id, principal, {
        effect: async (mm, row) => {
          const lines = await linesOfShipments(mm, [row.id]);
          const byId = new Map(lines.map((l) => [l.id, l]));
          const picks = await picksOfShipment(mm, row.id);
          const customer = await this.locations.virtual('CUSTOMER', mm);
          const ops: MoveOp[] = picks.map((p) => {
            const line = byId.get(p.shipment_line_id)!;
            return {
              kind: 'move',
              type: 'ISSUE',
              productId: line.product_id,
              fromLocationId: p.location_id,
              toLocationId: customer,
              quantity: p.quantity,
              lotId: p.lot_id,
              fromReservationOf: documentOf(row.id),
              note: `${row.number} line ${line.line_no}`,
            };
          });
          await this.posting.post(mm, ops, { reference: row.number, document: documentOf(row.id) });
          await this.sales.recordShipped(
            mm,
            new Map(lines.map((l) => [l.sales_order_line_id, l.quantity])),
            principal,
            row.number,
          );
          return { shipped_by_id: principal.userId, shipped_at: new Date() };
        },
        auditAfter: () => ({ by: principal.username }),
      });
      return (await this.load(m, id, principal))!;
    });
  }

  /** Cancels a DRAFT or PICKED shipment; a picked one gives its reservations back. */
  cancel(id: string, principal: Principal): Promise<ShipmentResponse> {
    return this.tx.run(async (m) => {
      await this.transitions.apply(m, SHIPMENT_MACHINE, 'cancel', id, principal, {
        effect: async (mm, row) => {
          if (row.state === 'PICKED')
            await this.posting.post(mm, [{ kind: 'release', document: documentOf(row.id) }], {
              reference: row.number,
              document: documentOf(row.id),
            });
          return { cancelled_by_id: principal.userId, cancelled_at: new Date() };
        },
        auditAfter: () => ({ by: principal.username }),
      });
      return (await this.load(m, id, principal))!;
    });
  }

  private async reserveAndPack(m: EntityManager, row: ShipmentRow): Promise<void> {
    const lines = await linesOfShipments(m, [row.id]);
    const products = new Map(
      (
        await readPackingProducts(
          m,
          lines.map((l) => l.product_id),
        )
      ).map((p) => [p.id, p]),
    );
    const unpackable = [...products.values()].filter(
      (p) => piecesPerCarton(p.unit_conversions) === null || !p.cartons_per_pallet,
    );
    if (unpackable.length)
      throw new AppError(
        409,
        'NO_PACKING_SIZE',
        `Set the pieces per carton (a CARTON conversion) and cartons per pallet of ${unpackable.map((p) => p.code).join(', ')} before picking`,
        { products: unpackable.map((p) => p.code) },
      );
    const rack = await this.locations.finishedGoods(m);
    if (!rack)
      throw new AppError(409, 'NO_FINISHED_GOODS_LOCATION', 'There is no finished-goods rack to pick from');

    // Released free stock per article, handed to the lines in order: the shortage is named per line.
    const free = await this.stock.free([...products.keys()], [rack], m);
    const left = new Map([...products.keys()].map((p) => [p, free(p, rack)]));
    const shortages = lines.flatMap((l) => {
      const available = left.get(l.product_id)!;
      left.set(l.product_id, Decimal.max(available.minus(l.quantity), 0));
      return available.gte(l.quantity)
        ? []
        : [
            {
              lineNo: l.line_no,
              productCode: products.get(l.product_id)!.code,
              requested: l.quantity,
              available: available.toNumber(),
              missing: new Decimal(l.quantity).minus(available).toNumber(),
            },
          ];
    });
    if (shortages.length)
      throw new AppError(
        409,
        'SHIPMENT_SHORTAGE',
        `Not enough released finished goods on the rack: ${shortages.map((s) => `line ${s.lineNo} ${s.productCode} misses ${s.missing} pcs`).join('; ')}`,
        { shortages },
      );

    const ops: ReserveOp[] = lines.map((l) => ({
      kind: 'reserve',
      productId: l.product_id,
      locationIds: [rack],
      quantity: l.quantity,
      document: documentOf(row.id),
    }));
    const result = await this.posting.post(m, ops, { reference: row.number, document: documentOf(row.id) });
    // The reserved portions come back in the order of the operations, each op's summing to its quantity.
    const queue = result.reserved.map((r) => ({ ...r, left: Number(r.quantity) }));
    const lotIds = queue.flatMap((r) => (r.lotId ? [r.lotId] : []));
    const lots = await lotsByIds(m, lotIds);
    const picks: PickValues[] = [];
    for (const l of lines) {
      let need = l.quantity;
      while (need > 0) {
        const r = queue.find((x) => x.left > 0 && x.productId === l.product_id)!;
        const take = Math.min(need, r.left);
        r.left -= take;
        need -= take;
        picks.push({
          shipmentLineId: l.id,
          lotId: r.lotId,
          locationId: r.locationId,
          quantity: take,
          productionWeek: productionWeek(r.lotId ? lots.get(r.lotId)?.receivedAt : null),
        });
      }
    }
    await insertPicks(m, row.id, picks);

    // Packing portions: line × production week (FIFO order); a carton names the first lot of its portion.
    const portions = new Map<string, { input: PackingInput; lotId: string | null }>();
    for (const p of picks) {
      const line = lines.find((l) => l.id === p.shipmentLineId)!;
      const product = products.get(line.product_id)!;
      const key = `${line.id}|${p.productionWeek}`;
      const existing = portions.get(key);
      if (existing) existing.input.quantity += p.quantity;
      else
        portions.set(key, {
          lotId: p.lotId,
          input: {
            key,
            productId: line.product_id,
            articleCode: product.code,
            destination: line.destination,
            week: p.productionWeek,
            quantity: p.quantity,
            piecesPerCarton: piecesPerCarton(product.unit_conversions)!,
            cartonsPerPallet: product.cartons_per_pallet!,
          },
        });
    }
    const plan = planPacking([...portions.values()].map((p) => p.input));
    const cartons: ShipmentCartonRow[] = plan.cartons.map((c) => ({
      no: c.no,
      shipment_line_id: c.key.split('|')[0],
      product_id: c.productId,
      lot_id: portions.get(c.key)!.lotId,
      destination: c.destination,
      week: c.week,
      quantity: c.quantity,
      partial: c.partial,
      pallet_no: c.palletNo,
      barcode: c.barcode,
    }));
    await insertPacking(
      m,
      row.id,
      cartons,
      plan.pallets.map((p) => ({
        no: p.no,
        product_id: p.productId,
        destination: p.destination,
        week: p.week,
        cartons: p.cartons,
        quantity: p.quantity,
      })),
    );
  }

  /** The whole shipment as the API answers it, read in the caller's transaction or snapshot. */
  async load(m: EntityManager, id: string, principal: Principal): Promise<ShipmentResponse | null> {
    const row = await shipmentById(m, id);
    if (!row) return null;
    const lines = await linesOfShipments(m, [id]);
    const picks = await picksOfShipment(m, id);
    const cartons = await cartonsOfShipment(m, id);
    const pallets = await palletsOfShipment(m, id);
    const soLines: Map<string, ShippableLine> = await this.sales.linesByIds(
      m,
      lines.map((l) => l.sales_order_line_id),
    );
    const products = await productsByIds(m, [
      ...lines.map((l) => l.product_id),
      ...pallets.map((p) => p.product_id),
    ]);
    const lots = await lotsByIds(
      m,
      picks.flatMap((p) => (p.lot_id ? [p.lot_id] : [])),
    );
    const customer = (await this.partners.byIds(m, [row.customer_id])).get(row.customer_id);
    const person = await this.people.lookup(
      [row.created_by_id, row.picked_by_id, row.shipped_by_id, row.cancelled_by_id],
      m,
    );
    const lineNo = new Map(lines.map((l) => [l.id, l.line_no]));
    return {
      id: row.id,
      number: row.number,
      customer: { id: row.customer_id, code: customer?.code ?? '', name: customer?.name ?? '' },
      state: row.state,
      notes: row.notes,
      lineCount: lines.length,
      totalQuantity: lines.reduce((s, l) => s + l.quantity, 0),
      cartonCount: cartons.length,
      palletCount: pallets.length,
      lines: lines.map((l) => {
        const so = soLines.get(l.sales_order_line_id);
        const product = products.get(l.product_id);
        return {
          id: l.id,
          lineNo: l.line_no,
          salesOrderLineId: l.sales_order_line_id,
          salesOrderId: l.sales_order_id,
          soNumber: so?.soNumber ?? '',
          customerPo: so?.customerPo ?? '',
          salesOrderLineNo: so?.lineNo ?? 0,
          productId: l.product_id,
          productCode: product?.code ?? '',
          productName: product?.name ?? '',
          quantity: l.quantity,
          destination: l.destination,
          deliveryWeek: l.delivery_week,
          picks: picks
            .filter((p) => p.shipment_line_id === l.id)
            .map((p) => ({
              lotId: p.lot_id,
              lotNumber: p.lot_id ? (lots.get(p.lot_id)?.lotNumber ?? null) : null,
              productionWeek: p.production_week,
              quantity: p.quantity,
            })),
        };
      }),
      cartons: cartons.map((c) => ({
        no: c.no,
        lineNo: lineNo.get(c.shipment_line_id) ?? 0,
        productCode: products.get(c.product_id)?.code ?? '',
        destination: c.destination,
        week: c.week,
        quantity: c.quantity,
        partial: c.partial,
        palletNo: c.pallet_no,
        barcode: c.barcode,
      })),
      pallets: pallets.map((p) => ({
        no: p.no,
        productCode: products.get(p.product_id)?.code ?? '',
        productName: products.get(p.product_id)?.name ?? '',
        destination: p.destination,
        week: p.week,
        cartons: p.cartons,
        quantity: p.quantity,
      })),
      actions: shipmentActions(row.state, principal),
      createdBy: person(row.created_by_id),
      pickedBy: person(row.picked_by_id),
      pickedAt: iso(row.picked_at),
      shippedBy: person(row.shipped_by_id),
      shippedAt: iso(row.shipped_at),
      cancelledBy: person(row.cancelled_by_id),
      cancelledAt: iso(row.cancelled_at),
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}

/** What the audit keeps of a new shipment. */
const auditView = (s: ShipmentResponse) => ({
  number: s.number,
  customer: s.customer.code,
  state: s.state,
  lines: s.lines.map((l) => ({
    salesOrder: l.soNumber,
    line: l.salesOrderLineNo,
    product: l.productCode,
    quantity: l.quantity,
  })),
});
