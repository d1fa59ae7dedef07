import { Injectable } from '@nestjs/common';
import {
  GATE_PASS_CUSTOMS,
  GATE_PASS_TRANSITIONS,
  type GatePassAction,
  type GatePassState,
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
import { type PartnerFact, PartnersFacts } from '../partners/partners.facts.js';
import { SubcontractedWork, type SubcontractedWorkOrder } from '../ppic/production/subcontracted-work.js';
import {
  ConsignmentLocations,
  type DocumentRef,
  Locations,
  type PostingOp,
  PostingService,
  refuseFractionsOfProducts,
  refuseFractionsOfWholeUnits,
  subcontractLot,
} from '../warehouse/index.js';
import type {
  CountGatePassRequest,
  CreateGatePassRequest,
  GatePassQuery,
  GatePassResponse,
  SubconWorkOrderList,
} from './dto/subcon.dto.js';
import { SubconOverdue } from './overdue.js';
import {
  type GatePassChanges,
  type GatePassLineRow,
  type GatePassRow,
  insertGatePass,
  listGatePasses,
  lockGatePass,
  markOnLine,
  movedForWorkOrder,
  productsOf,
  saveCounts,
  saveGatePass,
  selectGatePass,
  selectLines,
  setLineLots,
  totalsOfWorkOrders,
} from './subcon.sql.js';

const num = (v: string | null) => (v === null ? null : Number(v));

interface CountChanges extends GatePassChanges {
  lines: Array<{ lineNo: number; productCode: string; quantity: string; countedQuantity: string }>;
  mismatches: number;
}

class GatePassMachine implements StateMachine<GatePassRow, GatePassState, GatePassAction, CountChanges> {
  readonly entity = 'gate_pass';
  readonly noun = 'gate pass';
  readonly transitions = GATE_PASS_TRANSITIONS;
  readonly pastTense = { count: 'counted', cancel: 'cancelled' };
  lock = lockGatePass;
  state = (p: GatePassRow) => p.state;
  label = (p: GatePassRow) => `Gate pass ${p.number}`;
  async save(m: EntityManager, p: GatePassRow, to: GatePassState, c: CountChanges): Promise<void> {
    await saveGatePass(m, p.id, to, c);
  }
}

/**
 * Gate passes of the subcontract route (ROUTE_3): warehouse prepares a pass for a SUBCON work order,
 * security counts the goods at the gate; a count equal to the pass releases it and moves the stock in
 * the same transaction, any difference holds it and moves nothing.
 */
@Injectable()
export class GatePassesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly transitions: StateTransitions,
    private readonly posting: PostingService,
    private readonly locations: Locations,
    private readonly consignments: ConsignmentLocations,
    private readonly partners: PartnersFacts,
    private readonly work: SubcontractedWork,
    private readonly people: People,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    private readonly overdue: SubconOverdue,
  ) {}

  async list(q: GatePassQuery): Promise<Page<GatePassResponse>> {
    const m = this.dataSource.manager;
    const { rows, total } = await listGatePasses(m, q, q.skip, q.limit);
    return { items: await this.toResponses(m, rows), total, skip: q.skip, limit: q.limit };
  }

  async get(id: string, m: EntityManager = this.dataSource.manager): Promise<GatePassResponse> {
    const row = await selectGatePass(m, id);
    if (!row) throw notFound('gate pass', id);
    return (await this.toResponses(m, [row]))[0];
  }

  /** A DRAFT pass: the lines are checked against the work order (its panels, its SUBCON materials). */
  async create(body: CreateGatePassRequest, principal: Principal): Promise<GatePassResponse> {
    const number = await nextDocumentNumber(
      this.dataSource.manager,
      body.direction === 'OUT' ? 'GPO' : 'GPI',
      4,
    );
    const id = await this.tx.run(async (m) => {
      const partner = await this.subcontractor(m, body.partnerId);
      const wo = await this.workOrder(m, body.workOrderId);
      const deliveryNote = body.deliveryNote?.trim() || null;
      if (body.direction === 'IN' && !deliveryNote)
        throw validationFailed("Goods come back with the vendor's delivery note: give its number", [
          { field: 'deliveryNote', messages: ['required for a gate pass IN'] },
        ]);
      if (body.direction === 'OUT' && deliveryNote)
        throw validationFailed('A delivery note number belongs on a gate pass IN', [
          { field: 'deliveryNote', messages: ['only for a gate pass IN'] },
        ]);
      const receivingLocationId = await this.receivingLocation(m, body.direction, body.receivingLocationId);
      const seen = new Set<string>();
      const lines = body.lines.map((l, i) => {
        if (seen.has(l.productId))
          throw validationFailed('Each product once per pass', [
            { field: `lines[${i}].productId`, messages: ['already on the pass'] },
          ]);
        seen.add(l.productId);
        const kind = this.kindOf(wo, body.direction, l.productId);
        if (!kind)
          throw validationFailed(
            body.direction === 'OUT'
              ? `Only the cut panels and the SUBCON materials of ${wo.batchNumber} go out on its pass`
              : `Only what the SUBCON work order of ${wo.batchNumber} makes comes back on its pass`,
            [{ field: `lines[${i}].productId`, messages: ['not a line of this work order'] }],
          );
        return { productId: l.productId, kind, quantity: new Decimal(l.quantity).toFixed(4) };
      });
      await refuseFractionsOfProducts(
        m,
        body.lines.map((l, i) => ({
          field: `lines[${i}].quantity`,
          quantity: l.quantity,
          productId: l.productId,
        })),
      );
      const passId = await insertGatePass(m, {
        number,
        direction: body.direction,
        partnerId: partner.id,
        workOrderId: wo.id,
        moId: wo.moId,
        batchNumber: wo.batchNumber,
        vehicleNumber: body.vehicleNumber.trim(),
        driverName: body.driverName.trim(),
        customsDocument: GATE_PASS_CUSTOMS[body.direction],
        customsReference: body.customsReference?.trim() || null,
        deliveryNote,
        notes: body.notes?.trim() || null,
        receivingLocationId,
        createdById: principal.userId,
        lines,
      });
      await this.audit.record(m, {
        action: 'gate_pass.created',
        entityType: 'gate_pass',
        entityId: passId,
        after: {
          number,
          direction: body.direction,
          partner: partner.code,
          batchNumber: wo.batchNumber,
          lines,
        },
      });
      await this.events.publish(m, 'gate_pass.created', [passId]);
      return passId;
    });
    return this.get(id);
  }

  /**
   * Security's count: every line once. Equal to the pass → RELEASED with the stock moved (OUT: SUBCON
   * line and racks → the subcontractor; IN: the subcontractor → a QUARANTINE lot on the SUBCON line);
   * any difference → HOLD, nothing moves. Of two concurrent counts one releases, the other gets 409.
   */
  async count(id: string, body: CountGatePassRequest, principal: Principal): Promise<GatePassResponse> {
    await this.tx.run(async (m) => {
      const { to, before } = await this.transitions.apply(m, new GatePassMachine(), 'count', id, principal, {
        effect: async (tm, pass) => {
          const lines = await selectLines(tm, [pass.id]);
          const counted = this.countedLines(lines, body);
          await saveCounts(
            tm,
            lines.map((l) => ({ lineId: l.id, quantity: counted.get(l.id)!.toFixed(4) })),
          );
          const report = lines.map((l) => ({
            lineNo: l.line_no,
            productCode: l.product_code,
            quantity: l.quantity,
            countedQuantity: counted.get(l.id)!.toFixed(4),
          }));
          const mismatches = lines.filter((l) => !counted.get(l.id)!.eq(l.quantity)).length;
          const changes: CountChanges = { counted: { byId: principal.userId }, lines: report, mismatches };
          if (mismatches > 0) return changes;
          const agreedDays =
            pass.direction === 'OUT'
              ? await this.sendOut(tm, pass, lines)
              : await this.receive(tm, pass, lines, principal);
          return { ...changes, released: { agreedDays } };
        },
        to: (_p, c) => (c.released ? 'RELEASED' : 'HOLD'),
        auditAfter: (_p, c) => ({
          lines: c.lines,
          mismatches: c.mismatches,
          agreedDays: c.released?.agreedDays ?? null,
        }),
      });
      if (to === 'RELEASED' && before.direction === 'OUT') {
        const pass = (await selectGatePass(m, id))!;
        await this.overdue.schedule(m, pass.id, pass.due_at!);
      }
      if (to === 'RELEASED' && before.direction === 'IN')
        await this.overdue.resolveCovered(m, before.work_order_id);
    });
    return this.get(id);
  }

  async cancel(id: string, reason: string, principal: Principal): Promise<GatePassResponse> {
    const why = reason.trim();
    if (!why)
      throw validationFailed('Say why the pass is cancelled', [{ field: 'reason', messages: ['required'] }]);
    await this.tx.run((m) =>
      this.transitions.apply(m, new GatePassMachine(), 'cancel', id, principal, {
        effect: () => ({ cancelled: { byId: principal.userId, reason: why }, lines: [], mismatches: 0 }),
        auditAfter: () => ({ reason: why }),
      }),
    );
    return this.get(id);
  }

  /** SUBCON work orders of running orders, with what went out and came back. */
  async workOrders(): Promise<SubconWorkOrderList> {
    const m = this.dataSource.manager;
    const orders = await this.work.running(m, 'SUBCON');
    const totals = new Map(
      (
        await totalsOfWorkOrders(
          m,
          orders.map((o) => o.id),
        )
      ).map((t) => [t.work_order_id, t]),
    );
    const productIds = orders.flatMap((o) => [
      o.inputProductId,
      o.outputProductId,
      ...o.materials.map((x) => x.productId),
    ]);
    const products = await productsOf(
      m,
      productIds.filter((p): p is string => !!p),
    );
    const ref = (id: string | null) => {
      const p = id ? products.get(id) : undefined;
      return p ? { id: p.id, code: p.code, name: p.name, uom: p.uom } : null;
    };
    const items = [];
    for (const o of orders) {
      const sent = new Map(
        (await movedForWorkOrder(m, o.id))
          .filter((r) => r.direction === 'OUT')
          .map((r) => [r.product_id, r.quantity]),
      );
      items.push({
        id: o.id,
        moId: o.moId,
        batchNumber: o.batchNumber,
        state: o.state,
        input: ref(o.inputProductId),
        output: ref(o.outputProductId),
        targetQuantity: Number(o.targetQuantity),
        inputQuantity: Number(o.inputQuantity),
        sentQuantity: Number(totals.get(o.id)?.sent ?? 0),
        returnedQuantity: Number(totals.get(o.id)?.returned ?? 0),
        materials: o.materials.flatMap((x) => {
          const p = ref(x.productId);
          return p
            ? [
                {
                  ...p,
                  quantity: Number(x.quantity),
                  sentQuantity: Number(sent.get(x.productId) ?? 0),
                  consumedQuantity: Number(x.consumedQuantity),
                },
              ]
            : [];
        }),
      });
    }
    return { items, total: items.length };
  }

  private kindOf(
    wo: SubcontractedWorkOrder,
    direction: 'OUT' | 'IN',
    productId: string,
  ): 'WIP' | 'MATERIAL' | null {
    if (direction === 'IN') return productId === wo.outputProductId ? 'WIP' : null;
    if (productId === wo.inputProductId) return 'WIP';
    return wo.materials.some((x) => x.productId === productId) ? 'MATERIAL' : null;
  }

  private countedLines(lines: GatePassLineRow[], body: CountGatePassRequest): Map<string, Decimal> {
    const byId = new Map(lines.map((l) => [l.id, l]));
    const counted = new Map<string, Decimal>();
    body.lines.forEach((c, i) => {
      const line = byId.get(c.lineId);
      if (!line)
        throw validationFailed('Count the lines of this pass', [
          { field: `lines[${i}].lineId`, messages: ['not a line of this pass'] },
        ]);
      if (counted.has(c.lineId))
        throw validationFailed('Count each line once', [
          { field: `lines[${i}].lineId`, messages: ['counted twice'] },
        ]);
      counted.set(c.lineId, new Decimal(c.countedQuantity));
    });
    const missing = lines.filter((l) => !counted.has(l.id));
    if (missing.length)
      throw validationFailed(
        `Count every line: line ${missing[0].line_no} (${missing[0].product_code}) has no count`,
        [{ field: 'lines', messages: [`missing line ${missing.map((l) => l.line_no).join(', ')}`] }],
      );
    refuseFractionsOfWholeUnits(
      body.lines.map((c, i) => ({
        field: `lines[${i}].countedQuantity`,
        quantity: c.countedQuantity,
        uom: byId.get(c.lineId)!.uom,
        label: byId.get(c.lineId)!.product_code,
      })),
    );
    return counted;
  }

  /** OUT released: the panels leave the SUBCON line, the materials the racks (the work order's reservation first). */
  private async sendOut(m: EntityManager, pass: GatePassRow, lines: GatePassLineRow[]): Promise<number> {
    const wo = await this.workOrder(m, pass.work_order_id);
    const partner = await this.subcontractor(m, pass.partner_id);
    const consignment = await this.consignments.ensure(m, partner);
    const line = await this.locations.line('SUBCON', m);
    if (!line) throw new AppError(409, 'NO_LOCATION', 'There is no SUBCON line location');
    const racks = await this.locations.racks(m);
    const document: DocumentRef = { type: 'work_order', id: wo.id };
    const ops: PostingOp[] = lines.map((l) =>
      l.kind === 'WIP'
        ? {
            kind: 'move',
            type: 'TRANSFER',
            productId: l.product_id,
            fromLocationId: line,
            toLocationId: consignment,
            quantity: l.quantity,
            note: `Gate pass ${pass.number} to ${partner.code}`,
          }
        : {
            kind: 'move',
            type: 'TRANSFER',
            productId: l.product_id,
            fromLocationId: racks[0],
            fromAny: racks,
            fromReservationOf: document,
            toLocationId: consignment,
            quantity: l.quantity,
            note: `Gate pass ${pass.number} to ${partner.code}`,
          },
    );
    await this.posting.post(m, ops, { reference: pass.number, document });
    return partner.subcontractAgreedDays;
  }

  /**
   * IN released: the subcontractor's output is counted into the SUBCON work order; the panels it used
   * and its share of the supporting material are consumed at the subcontractor, and the goods arrive on
   * the receiving rack in a QUARANTINE lot (the incoming inspection's queue).
   */
  private async receive(
    m: EntityManager,
    pass: GatePassRow,
    lines: GatePassLineRow[],
    principal: Principal,
  ): Promise<null> {
    const wo = await this.workOrder(m, pass.work_order_id);
    const partner = await this.subcontractor(m, pass.partner_id);
    const consignment = await this.locations.consignment(partner.id, m);
    if (!consignment)
      throw new AppError(
        409,
        'INVALID_STATE',
        `Nothing was sent to ${partner.name}; there is nothing to come back`,
        {
          currentState: pass.state,
        },
      );
    const rack = pass.receiving_location_id ?? (await this.locations.racks(m))[0];
    const production = await this.locations.virtual('PRODUCTION', m);
    const sent = new Map(
      (await movedForWorkOrder(m, wo.id))
        .filter((r) => r.direction === 'OUT')
        .map((r) => [r.product_id, r.quantity]),
    );
    const available = new Map(
      wo.materials.map((x) => [
        x.productId,
        Decimal.max(0, new Decimal(sent.get(x.productId) ?? 0).minus(x.consumedQuantity)),
      ]),
    );
    const good = lines.reduce((s, l) => s.plus(l.quantity), new Decimal(0));
    const used = await this.work.recordOutput(m, wo.id, good, principal, available);
    const note = `Gate pass ${pass.number} from ${partner.code} (delivery note ${pass.delivery_note})`;
    const ops: PostingOp[] = [];
    if (wo.inputProductId)
      ops.push({
        kind: 'move',
        type: 'PRODUCTION_CONSUME',
        productId: wo.inputProductId,
        fromLocationId: consignment,
        toLocationId: production,
        quantity: good.toFixed(4),
        note,
      });
    for (const u of used)
      ops.push({
        kind: 'move',
        type: 'PRODUCTION_CONSUME',
        productId: u.productId,
        fromLocationId: consignment,
        toLocationId: production,
        quantity: u.quantity,
        note,
      });
    const lots: Array<{ lineId: string; lotId: string }> = [];
    for (const l of lines) {
      const lotId = await subcontractLot(m, {
        productId: l.product_id,
        lotNumber: pass.number,
        receivedAt: new Date(),
        subcontractorId: partner.id,
        deliveryNote: pass.delivery_note ?? pass.number,
      });
      lots.push({ lineId: l.id, lotId });
      ops.push({
        kind: 'move',
        type: 'PRODUCTION_OUTPUT',
        productId: l.product_id,
        fromLocationId: production,
        toLocationId: rack,
        lotId,
        quantity: l.quantity,
        note,
      });
    }
    await this.posting.post(m, ops, { reference: pass.number, document: { type: 'work_order', id: wo.id } });
    await setLineLots(m, lots);
    return null;
  }

  /**
   * Once QC released the lot: the goods of an IN pass move from the receiving rack to the SUBCON line,
   * where the SUBCON work order hands them to Finishing (the ordinary handover). A lot still in
   * QUARANTINE (or REJECTED) cannot leave the warehouse: 409 LOT_NOT_RELEASED.
   */
  async toLine(id: string, principal: Principal): Promise<GatePassResponse> {
    await this.tx.run(async (m) => {
      const pass = await lockGatePass(m, id);
      if (!pass) throw notFound('gate pass', id);
      if (pass.direction !== 'IN' || pass.state !== 'RELEASED')
        throw new AppError(
          409,
          'INVALID_STATE',
          `Gate pass ${pass.number} is ${pass.direction} ${pass.state}; only a released gate pass IN goes to the line`,
          { currentState: pass.state, allowedFrom: ['RELEASED'] },
        );
      if (!(await markOnLine(m, pass.id)))
        throw new AppError(
          409,
          'INVALID_STATE',
          `The goods of ${pass.number} are already on the SUBCON line`,
          {
            currentState: pass.state,
          },
        );
      const line = await this.locations.line('SUBCON', m);
      if (!line) throw new AppError(409, 'NO_LOCATION', 'There is no SUBCON line location');
      const rack = pass.receiving_location_id ?? (await this.locations.racks(m))[0];
      const lines = await selectLines(m, [pass.id]);
      await this.posting.post(
        m,
        lines.map((l) => ({
          kind: 'move',
          type: 'TRANSFER',
          productId: l.product_id,
          fromLocationId: rack,
          toLocationId: line,
          lotId: l.lot_id,
          quantity: l.quantity,
          note: `Gate pass ${pass.number}: released by QC, to the SUBCON line`,
        })),
        { reference: pass.number, document: { type: 'work_order', id: pass.work_order_id } },
      );
      await this.audit.record(m, {
        action: 'gate_pass.moved_to_line',
        entityType: 'gate_pass',
        entityId: pass.id,
        after: {
          lines: lines.map((l) => ({ productCode: l.product_code, quantity: l.quantity, lotId: l.lot_id })),
        },
        actor: { id: principal.userId, username: principal.username },
      });
      await this.events.publish(m, 'gate_pass.moved_to_line', [pass.id]);
    });
    return this.get(id);
  }

  private async receivingLocation(
    m: EntityManager,
    direction: 'OUT' | 'IN',
    id: string | undefined,
  ): Promise<string | null> {
    if (direction === 'OUT') {
      if (id)
        throw validationFailed('Goods going out are not received anywhere', [
          { field: 'receivingLocationId', messages: ['only for a gate pass IN'] },
        ]);
      return null;
    }
    if (!id) return (await this.locations.racks(m))[0];
    const location = await this.locations.find(id, m);
    if (!location || location.type !== 'WAREHOUSE' || location.isFinishedGoods || !location.active)
      throw validationFailed('Goods come back into an active warehouse rack (not the finished-goods one)', [
        { field: 'receivingLocationId', messages: ['must be an active WAREHOUSE rack'] },
      ]);
    return location.id;
  }

  private async subcontractor(m: EntityManager, id: string): Promise<PartnerFact> {
    const partner = (await this.partners.byIds(m, [id])).get(id);
    if (!partner) throw notFound('partner', id);
    if (partner.type !== 'SUBCONTRACTOR')
      throw new AppError(
        422,
        'NOT_A_SUBCONTRACTOR',
        `${partner.name} is a ${partner.type}, not a subcontractor`,
        [{ field: 'partnerId', messages: ['must be a SUBCONTRACTOR partner'] }],
      );
    return partner;
  }

  private async workOrder(m: EntityManager, id: string): Promise<SubcontractedWorkOrder> {
    const wo = await this.work.read(m, id);
    if (!wo) throw notFound('work order', id);
    if (wo.department !== 'SUBCON')
      throw new AppError(
        422,
        'NOT_SUBCON_WORK_ORDER',
        `This is a ${wo.department} work order; gate passes are for SUBCON`,
        [{ field: 'workOrderId', messages: ['must be a SUBCON work order'] }],
      );
    if (wo.moState !== 'IN_PROGRESS' || wo.state !== 'IN_PROGRESS')
      throw new AppError(
        409,
        'INVALID_STATE',
        `The SUBCON work order of ${wo.batchNumber} is ${wo.state} (order ${wo.moState}); it must be started (IN_PROGRESS)`,
        { currentState: wo.state, allowedFrom: ['IN_PROGRESS'] },
      );
    return wo;
  }

  private async toResponses(m: EntityManager, rows: GatePassRow[]): Promise<GatePassResponse[]> {
    const lines = await selectLines(
      m,
      rows.map((r) => r.id),
    );
    const partners = await this.partners.byIds(m, [...new Set(rows.map((r) => r.partner_id))]);
    const who = await this.people.lookup(
      rows.flatMap((r) => [r.created_by_id, r.counted_by_id, r.cancelled_by_id]),
    );
    const out: GatePassResponse[] = [];
    for (const r of rows) {
      const own = lines.filter((l) => l.gate_pass_id === r.id);
      const partner = partners.get(r.partner_id);
      out.push({
        id: r.id,
        number: r.number,
        direction: r.direction,
        state: r.state,
        partner: { id: r.partner_id, code: partner?.code ?? '', name: partner?.name ?? '' },
        workOrderId: r.work_order_id,
        moId: r.mo_id,
        batchNumber: r.batch_number,
        consignmentLocationId: await this.locations.consignment(r.partner_id, m),
        vehicleNumber: r.vehicle_number,
        driverName: r.driver_name,
        customsDocument: r.customs_document,
        customsReference: r.customs_reference,
        deliveryNote: r.delivery_note,
        notes: r.notes,
        receivingLocationId: r.receiving_location_id,
        onLineAt: r.on_line_at?.toISOString() ?? null,
        lines: own.map((l) => ({
          id: l.id,
          lineNo: l.line_no,
          productId: l.product_id,
          productCode: l.product_code,
          productName: l.product_name,
          uom: l.uom,
          kind: l.kind,
          quantity: Number(l.quantity),
          countedQuantity: num(l.counted_quantity),
          lotId: l.lot_id,
        })),
        mismatches: own.filter(
          (l) => l.counted_quantity !== null && !new Decimal(l.counted_quantity).eq(l.quantity),
        ).length,
        createdBy: who(r.created_by_id),
        countedBy: who(r.counted_by_id),
        countedAt: r.counted_at?.toISOString() ?? null,
        counts: r.counts,
        releasedAt: r.released_at?.toISOString() ?? null,
        dueAt: r.due_at?.toISOString() ?? null,
        cancelReason: r.cancel_reason,
        cancelledBy: who(r.cancelled_by_id),
        version: r.version,
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
      });
    }
    return out;
  }
}
