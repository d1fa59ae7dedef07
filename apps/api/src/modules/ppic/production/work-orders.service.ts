import { Injectable } from '@nestjs/common';
import {
  HANDOVER_TRANSITIONS,
  handoverNeedsApproval,
  WORK_ORDER_TRANSITIONS,
  type HandoverAction,
  type HandoverState,
  type WorkOrderAction,
  type WorkOrderState,
} from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../../../core/context/request-context.js';
import { nextDocumentNumber } from '../../../core/database/document-numbers.js';
import { People } from '../../../core/database/people.js';
import { Transactions } from '../../../core/database/transactions.js';
import { AppError, notFound, validationFailed } from '../../../core/errors/app-error.js';
import { EventPublisher } from '../../../core/events/event-publisher.js';
import { type CsvColumn, type CsvExport, fieldColumns } from '../../../core/http/csv.js';
import { syncClauses } from '../../../core/http/list-sync.js';
import { type StateMachine, StateTransitions } from '../../../core/transitions/state-machine.js';
import { refuseOutputBeyondDetection } from '../../quality/metal.facts.js';
import {
  type DocumentRef,
  Locations,
  type PostingOp,
  PostingService,
  refuseFractionsOfWholeUnits,
} from '../../warehouse/index.js';
import type { WorkOrderResponse } from '../dto/mo.dto.js';
import type {
  HandoverList,
  HandoverQuery,
  HandoverResponse,
  OutputRequest,
  WorkOrderList,
  WorkOrderQuery,
} from '../dto/production.dto.js';
import { MoTransitions } from '../orders/mo-transitions.service.js';
import { HandoverChecks, type OutgoingHandover } from './handover-checks.js';
import { MoService } from '../orders/mo.service.js';
import { ownLineDepartment, ownsDepartment, toHandover } from '../orders/mo.read.js';
import {
  acceptHandover,
  addConsumed,
  type HandoverRow,
  insertHandover,
  insertOutput,
  lockHandover,
  lockMaterials,
  lockWorkOrder,
  nextWorkOrder,
  saveWorkOrder,
  selectHandovers,
  selectWorkOrders,
  type WorkOrderChanges,
  type WorkOrderRow,
  WORK_ORDER_SYNC,
  workOrderSql,
} from '../ppic.sql.js';
import { consumptionStep } from './consumption.js';

const doc = (type: 'work_order' | 'handover', id: string): DocumentRef => ({ type, id });

interface HandoverCounted {
  quantity: number;
  receivedQuantity: number;
}

const woPastTense: Record<WorkOrderAction, string> = {
  start: 'started',
  record_output: 'output_recorded',
  hand_over: 'handed_over',
};

/** A work order's state machine; its order must be running and the department the user's. */
export class WorkOrderMachine implements StateMachine<
  WorkOrderRow,
  WorkOrderState,
  WorkOrderAction,
  WorkOrderChanges
> {
  readonly entity = 'work_order';
  readonly noun = 'work order';
  readonly transitions = WORK_ORDER_TRANSITIONS;
  readonly pastTense = woPastTense;
  saved: WorkOrderRow | undefined;
  lock = lockWorkOrder;
  state = (wo: WorkOrderRow) => wo.state;
  label = (wo: WorkOrderRow) => `The ${wo.department} work order of ${wo.batch_number}`;
  async save(
    m: EntityManager,
    wo: WorkOrderRow,
    to: WorkOrderState,
    changes: WorkOrderChanges,
  ): Promise<void> {
    this.saved = await saveWorkOrder(m, wo.id, to, changes);
  }
}

class HandoverMachine implements StateMachine<HandoverRow, HandoverState, HandoverAction, HandoverCounted> {
  readonly entity = 'handover';
  readonly noun = 'handover';
  readonly transitions = HANDOVER_TRANSITIONS;
  readonly pastTense = { accept: 'accepted' };
  lock = lockHandover;
  state = (h: HandoverRow) => h.state;
  label = (h: HandoverRow) => `Handover ${h.number}`;
  async save(): Promise<void> {
    // acceptHandover (the effect) writes the handover and the receiving work order in one statement.
  }
}

/**
 * Work orders and handovers: a department starts its order (reserving its materials), records output
 * (consuming its materials and its input WIP, putting its own WIP on its line), and hands WIP to the
 * next department, which accepts what it counted.
 */
@Injectable()
export class WorkOrdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly transitions: StateTransitions,
    private readonly posting: PostingService,
    private readonly locations: Locations,
    private readonly orders: MoService,
    private readonly moTransitions: MoTransitions,
    private readonly people: People,
    private readonly events: EventPublisher,
    private readonly checks: HandoverChecks,
  ) {}

  async list(q: WorkOrderQuery, principal: Principal): Promise<WorkOrderList> {
    const { filter, params, order } = this.filter(q, principal);
    const rows = await selectWorkOrders(this.dataSource.manager, filter, params, order);
    const items = await this.orders.toWorkOrders(rows, principal);
    return { items, total: items.length };
  }

  /** The same list as CSV, streamed; operators looked up per batch. */
  exportCsv(q: WorkOrderQuery, principal: Principal): CsvExport<WorkOrderRow, WorkOrderResponse> {
    const { filter, params, order } = this.filter(q, principal);
    return {
      sql: workOrderSql(filter, order),
      params,
      map: (rows) => this.orders.toWorkOrders(rows, principal),
      columns: WORK_ORDER_CSV_COLUMNS,
      filename: 'work-orders.csv',
    };
  }

  private filter(q: WorkOrderQuery, principal: Principal) {
    const where = ['true'];
    const params: unknown[] = [];
    if (q.moId) where.push(`wo.mo_id = $${params.push(q.moId)}`);
    if (q.state) where.push(`wo.state = $${params.push(q.state)}`);
    const department = ownLineDepartment(principal) ?? q.department;
    if (department) where.push(`wo.department = $${params.push(department)}`);
    const order = syncClauses(q, WORK_ORDER_SYNC, where, params);
    return { filter: where.join(' and '), params, order };
  }

  start(id: string, principal: Principal): Promise<WorkOrderResponse> {
    return this.command(id, 'start', principal, async (m, wo) => {
      // The first department's materials were reserved when the order started.
      if (wo.sequence > 1)
        await this.moTransitions.reserveDepartment(m, wo.mo_id, wo.department, wo.id, wo.batch_number);
      return { started: { operatorId: principal.userId } };
    });
  }

  output(id: string, body: OutputRequest, principal: Principal): Promise<WorkOrderResponse> {
    return this.command(
      id,
      'record_output',
      principal,
      async (m, wo) => {
        refuseFractionsOfWholeUnits([
          { field: 'goodQuantity', quantity: body.goodQuantity, uom: wo.uom },
          { field: 'rejectedQuantity', quantity: body.rejectedQuantity, uom: wo.uom },
        ]);
        const good = new Decimal(body.goodQuantity);
        const reject = new Decimal(body.rejectedQuantity ?? 0);
        const processed = good.plus(reject);
        if (processed.lte(0))
          throw validationFailed('Record at least one good or rejected piece', [
            { field: 'goodQuantity', messages: ['good + reject must be > 0'] },
          ]);
        if (reject.gt(0) && !body.rejectReason?.trim()) {
          throw validationFailed('Say why pieces were rejected', [
            { field: 'rejectReason', messages: ['required when there are rejects'] },
          ]);
        }
        const done = new Decimal(wo.good_qty).plus(wo.reject_qty);
        if (done.plus(processed).gt(wo.input_qty)) {
          throw validationFailed(
            `Only ${new Decimal(wo.input_qty).minus(done).toNumber()} more pieces have been received by this department`,
            [{ field: 'goodQuantity', messages: ['more than received'] }],
          );
        }
        await refuseOutputBeyondDetection(m, wo, good.toNumber());
        const ops: PostingOp[] = [];
        const production = await this.locations.virtual('PRODUCTION', m);
        const line = await this.locations.line(wo.department, m);
        const racks = await this.locations.racks(m);
        // Cumulative: everything this work order has processed so far, so the steps add up exactly.
        const share = done.plus(processed).div(wo.target_qty);
        const consumed: Array<{ id: string; quantity: string }> = [];
        for (const mm of await lockMaterials(m, wo.mo_id, wo.department)) {
          const quantity = consumptionStep(mm.quantity, share, mm.consumed_qty, mm.uom);
          if (quantity.lte(0)) continue;
          ops.push({
            kind: 'move',
            type: 'PRODUCTION_CONSUME',
            productId: mm.product_id,
            fromLocationId: racks[0],
            fromAny: racks,
            fromReservationOf: doc('work_order', wo.id),
            toLocationId: production,
            quantity: quantity.toFixed(4),
          });
          consumed.push({ id: mm.id, quantity: quantity.toFixed(4) });
        }
        await addConsumed(m, consumed);
        if (wo.input_product_id && line) {
          ops.push({
            kind: 'move',
            type: 'PRODUCTION_CONSUME',
            productId: wo.input_product_id,
            fromLocationId: line,
            toLocationId: production,
            quantity: processed.toFixed(4),
          });
        }
        if (wo.output_product_id && line && good.gt(0)) {
          ops.push({
            kind: 'move',
            type: 'PRODUCTION_OUTPUT',
            productId: wo.output_product_id,
            fromLocationId: production,
            toLocationId: line,
            quantity: good.toFixed(4),
          });
        }
        await this.posting.post(m, ops, { reference: wo.batch_number, document: doc('work_order', wo.id) });
        await insertOutput(m, {
          workOrderId: wo.id,
          good: good.toFixed(4),
          reject: reject.toFixed(4),
          reason: body.rejectReason ?? null,
          recordedById: principal.userId,
        });
        const finished = done.plus(processed).gte(wo.target_qty);
        return { goodQuantity: good.toFixed(4), rejectedQuantity: reject.toFixed(4), ended: finished };
      },
      (_wo, c) => (c.ended ? 'DONE' : 'IN_PROGRESS'),
    );
  }

  /** Sends good pieces to the next department; they stay reserved on this line until it accepts them. */
  async handover(id: string, quantity: number, principal: Principal): Promise<HandoverResponse> {
    let handoverId = '';
    let outgoing: OutgoingHandover | undefined;
    const number = await nextDocumentNumber(this.dataSource.manager, 'HO', 4);
    await this.command(
      id,
      'hand_over',
      principal,
      async (m, wo) => {
        const next = await nextWorkOrder(m, wo.mo_id, wo.sequence);
        if (!next)
          throw new AppError(
            409,
            'LAST_DEPARTMENT',
            'The last department hands its goods over when the order is completed',
          );
        refuseFractionsOfWholeUnits([{ field: 'quantity', quantity, uom: wo.uom }]);
        const q = new Decimal(quantity);
        const free = new Decimal(wo.good_qty).minus(wo.handed_over_qty);
        if (q.gt(free))
          throw validationFailed(`Only ${free.toNumber()} good pieces are waiting to be handed over`, [
            { field: 'quantity', messages: ['more than made'] },
          ]);
        outgoing = {
          fromWorkOrderId: wo.id,
          toWorkOrderId: next.id,
          moId: wo.mo_id,
          fromDepartment: wo.department,
          toDepartment: next.department,
          quantity: q.toFixed(4),
        };
        // Line clearance and segregation (shop-floor control) may refuse or follow up.
        const checked = await this.checks.beforeSend(m, outgoing, principal);
        handoverId = await insertHandover(m, {
          number,
          from: wo.id,
          to: next.id,
          quantity: q.toFixed(4),
          sentById: principal.userId,
        });
        await checked(m, handoverId);
        const line = await this.locations.line(wo.department, m);
        if (wo.output_product_id && line) {
          await this.posting.post(
            m,
            [
              {
                kind: 'reserve',
                productId: wo.output_product_id,
                locationIds: [line],
                quantity: q.toFixed(4),
                document: doc('handover', handoverId),
              },
            ],
            { reference: number, document: doc('handover', handoverId) },
          );
        }
        await this.events.publish(m, 'handover.created', [handoverId]);
        return { handedOverQuantity: q.toFixed(4) };
      },
      (wo) => wo.state,
    ).catch(async (error: unknown) => {
      await this.checks.refused(error, outgoing, principal);
      throw error;
    });
    return this.handoverById(handoverId);
  }

  /** The receiving department counts what arrived; a difference above 10% needs production.approve. */
  async accept(id: string, receivedQuantity: number, principal: Principal): Promise<HandoverResponse> {
    await this.tx.run(async (m) => {
      await this.transitions.apply(m, new HandoverMachine(), 'accept', id, principal, {
        rowRule: (h, p) => {
          if (h.mo_state !== 'IN_PROGRESS')
            return new AppError(409, 'INVALID_STATE', `The order is ${h.mo_state}`, {
              currentState: h.mo_state,
            });
          if (!ownsDepartment(p, h.to_department))
            return new AppError(403, 'FORBIDDEN', `Only ${h.to_department} accepts this handover`);
          return null;
        },
        effect: async (tm, h) => {
          await this.checks.beforeAccept(tm, h.id, principal);
          refuseFractionsOfWholeUnits([
            { field: 'receivedQuantity', quantity: receivedQuantity, uom: h.uom },
          ]);
          const sent = new Decimal(h.quantity);
          const received = new Decimal(receivedQuantity);
          if (received.gt(sent))
            throw validationFailed(`Only ${sent.toNumber()} were sent; count again`, [
              { field: 'receivedQuantity', messages: ['more than sent'] },
            ]);
          if (
            handoverNeedsApproval(sent.toString(), received.toString()) &&
            !principal.permissions.has('production.approve')
          ) {
            throw new AppError(
              403,
              'APPROVAL_REQUIRED',
              'The count differs from what was sent by more than 10%; a supervisor (production.approve) must accept it',
              { required: 'production.approve', sent: sent.toNumber(), received: received.toNumber() },
            );
          }
          if (h.output_product_id) await this.moveHandedOver(tm, h, sent, received);
          await acceptHandover(tm, h, received.toFixed(4), principal.userId);
          await this.events.publish(tm, 'work_order.updated', [h.from_work_order_id, h.to_work_order_id]);
          return { quantity: sent.toNumber(), receivedQuantity: received.toNumber() };
        },
      });
    });
    return this.handoverById(id);
  }

  async handovers(q: HandoverQuery, principal: Principal): Promise<HandoverList> {
    const where = ['true'];
    const params: unknown[] = [];
    const own = ownLineDepartment(principal);
    if (own) where.push(`(f.department = $${params.push(own)} or t.department = $${params.length})`);
    if (q.department) where.push(`t.department = $${params.push(q.department)}`);
    if (q.state) where.push(`h.state = $${params.push(q.state)}`);
    if (q.moId) where.push(`t.mo_id = $${params.push(q.moId)}`);
    const items = await this.toHandovers(
      await selectHandovers(this.dataSource.manager, where.join(' and '), params),
    );
    return { items, total: items.length };
  }

  /** What was counted moves to the receiving line; what is missing goes to LOSS, with a note. */
  private async moveHandedOver(
    m: EntityManager,
    h: HandoverRow,
    sent: Decimal,
    received: Decimal,
  ): Promise<void> {
    const [from, to, loss] = [
      await this.locations.line(h.from_department, m),
      await this.locations.line(h.to_department, m),
      await this.locations.virtual('LOSS', m),
    ];
    const ops: PostingOp[] = [];
    if (from && to && received.gt(0)) {
      ops.push({
        kind: 'move',
        type: 'TRANSFER',
        productId: h.output_product_id!,
        fromLocationId: from,
        toLocationId: to,
        quantity: received.toFixed(4),
        fromReservationOf: doc('handover', h.id),
      });
    }
    const missing = sent.minus(received);
    if (from && missing.gt(0)) {
      ops.push({
        kind: 'move',
        type: 'ADJUSTMENT',
        productId: h.output_product_id!,
        fromLocationId: from,
        toLocationId: loss,
        quantity: missing.toFixed(4),
        fromReservationOf: doc('handover', h.id),
        note: `Counted ${received.toNumber()} of ${sent.toNumber()} at handover ${h.number}`,
      });
    }
    ops.push({ kind: 'release', document: doc('handover', h.id) });
    await this.posting.post(m, ops, { reference: h.number, document: doc('handover', h.id) });
  }

  private async handoverById(id: string): Promise<HandoverResponse> {
    const [h] = await selectHandovers(this.dataSource.manager, 'h.id = $1', [id]);
    if (!h) throw notFound('handover', id);
    return (await this.toHandovers([h]))[0];
  }

  private async toHandovers(rows: HandoverRow[]): Promise<HandoverResponse[]> {
    const who = await this.people.lookup(rows.flatMap((r) => [r.sent_by_id, r.accepted_by_id]));
    return rows.map((r) => toHandover(r, who));
  }

  /**
   * One work-order transition through the core helper: lock, state table, permission, the order running
   * and the department the user's, the effect, save, audit and events (the order's too: its progress shows).
   */
  private command(
    id: string,
    action: WorkOrderAction,
    principal: Principal,
    effect: (m: EntityManager, wo: WorkOrderRow) => Promise<WorkOrderChanges>,
    to?: (wo: WorkOrderRow, changes: WorkOrderChanges) => WorkOrderState,
  ): Promise<WorkOrderResponse> {
    return this.tx.run(async (m) => {
      const machine = new WorkOrderMachine();
      await this.transitions.apply(m, machine, action, id, principal, {
        rowRule: (wo, p) => {
          if (!ownsDepartment(p, wo.department))
            return new AppError(
              403,
              'FORBIDDEN',
              `This is a ${wo.department} work order; it is not yours to work`,
            );
          if (wo.mo_state !== 'IN_PROGRESS')
            return new AppError(409, 'INVALID_STATE', `Order ${wo.batch_number} is ${wo.mo_state}`, {
              currentState: wo.mo_state,
            });
          return null;
        },
        effect,
        to,
        auditAfter: (_wo, c) => ({
          goodQuantity: c.goodQuantity === undefined ? undefined : Number(c.goodQuantity),
          rejectedQuantity: c.rejectedQuantity === undefined ? undefined : Number(c.rejectedQuantity),
          handedOverQuantity: c.handedOverQuantity === undefined ? undefined : Number(c.handedOverQuantity),
        }),
      });
      const wo = machine.saved!;
      await this.events.publish(m, 'manufacturing_order.progressed', [wo.mo_id]);
      return (await this.orders.toWorkOrders([wo], principal, m))[0];
    });
  }
}

/** Columns of the work order export: the list's fields, the operator by username. */
const WORK_ORDER_CSV_COLUMNS: ReadonlyArray<CsvColumn<WorkOrderResponse>> = [
  ...fieldColumns<WorkOrderResponse>(
    'id',
    'batchNumber',
    'productCode',
    'department',
    'sequence',
    'state',
    'outputProductCode',
    'targetQuantity',
    'inputQuantity',
    'goodQuantity',
    'rejectedQuantity',
    'handedOverQuantity',
    'readyAt',
    'startedAt',
    'endedAt',
  ),
  { header: 'operator', value: (wo) => wo.operator?.username },
  ...fieldColumns<WorkOrderResponse>('version', 'createdAt', 'updatedAt'),
];
