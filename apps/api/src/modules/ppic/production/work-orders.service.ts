import { Injectable } from '@nestjs/common';
import { handoverNeedsApproval, type Department } from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../../core/audit/audit.writer.js';
import type { Principal } from '../../../core/context/request-context.js';
import { nextDocumentNumber } from '../../../core/database/document-numbers.js';
import type { SqlRow } from '../../../core/database/sql-row.js';
import { Transactions } from '../../../core/database/transactions.js';
import { AppError, notFound, validationFailed } from '../../../core/errors/app-error.js';
import { EventPublisher } from '../../../core/events/event-publisher.js';
import { PostingService } from '../../warehouse/stock/posting.service.js';
import type { DocumentRef, PostingOp } from '../../warehouse/stock/posting.types.js';
import type { WorkOrderResponse } from '../dto/mo.dto.js';
import type {
  HandoverList,
  HandoverQuery,
  HandoverResponse,
  OutputRequest,
  WorkOrderList,
  WorkOrderQuery,
} from '../dto/production.dto.js';
import { MoTransitions, departmentLine, warehouseRacks } from '../orders/mo-transitions.service.js';
import { actors, loadWorkOrders, ownsDepartment, PRODUCTION_DEPARTMENTS } from '../orders/mo.read.js';

const doc = (type: string, id: string): DocumentRef => ({ type, id });

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
    private readonly posting: PostingService,
    private readonly transitions: MoTransitions,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  async list(q: WorkOrderQuery, principal: Principal): Promise<WorkOrderList> {
    const where = ['true'];
    const params: unknown[] = [];
    if (q.moId) where.push(`wo.mo_id = $${params.push(q.moId)}`);
    if (q.state) where.push(`wo.state = $${params.push(q.state)}`);
    const own =
      principal.department && PRODUCTION_DEPARTMENTS.includes(principal.department)
        ? principal.department
        : undefined;
    const department = own ?? q.department;
    if (department) where.push(`wo.department = $${params.push(department)}`);
    const items = await loadWorkOrders(this.dataSource.manager, where.join(' and '), params, principal);
    return { items, total: items.length };
  }

  start(id: string, principal: Principal): Promise<WorkOrderResponse> {
    return this.command(id, principal, 'started', async (m, wo) => {
      if (wo.state !== 'READY') {
        throw new AppError(
          409,
          'INVALID_STATE',
          wo.state === 'PENDING'
            ? 'Nothing has been handed over to this department yet'
            : `The work order is ${wo.state}`,
          {
            currentState: wo.state,
          },
        );
      }
      // The first department's materials were reserved when the order started.
      if (wo.sequence > 1)
        await this.transitions.reserveDepartment(m, wo.mo_id, wo.department, wo.id, wo.batch_number);
      await m.query(
        `update work_orders set state = 'IN_PROGRESS', started_at = now(), operator_id = $2 where id = $1`,
        [wo.id, principal.userId],
      );
    });
  }

  output(id: string, body: OutputRequest, principal: Principal): Promise<WorkOrderResponse> {
    return this.command(id, principal, 'output_recorded', async (m, wo) => {
      if (wo.state !== 'IN_PROGRESS')
        throw new AppError(409, 'INVALID_STATE', `The work order is ${wo.state}; start it first`, {
          currentState: wo.state,
        });
      const good = new Decimal(body.goodQty);
      const reject = new Decimal(body.rejectQty ?? 0);
      const processed = good.plus(reject);
      if (processed.lte(0))
        throw validationFailed('Record at least one good or rejected piece', [
          { field: 'goodQty', messages: ['good + reject must be > 0'] },
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
          [{ field: 'goodQty', messages: ['more than received'] }],
        );
      }
      const ops: PostingOp[] = [];
      const [production] = await m.query(`select id from locations where type = 'PRODUCTION'`);
      const line = await departmentLine(m, wo.department);
      const racks = await warehouseRacks(m);
      const share = processed.div(wo.target_qty);
      const materials: SqlRow[] = await m.query(
        'select * from mo_materials where mo_id = $1 and department = $2 order by product_id for update',
        [wo.mo_id, wo.department],
      );
      for (const mm of materials) {
        const quantity = new Decimal(mm.quantity).times(share).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
        if (quantity.lte(0)) continue;
        ops.push({
          kind: 'move',
          type: 'PRODUCTION_CONSUME',
          productId: mm.product_id,
          fromLocationId: racks[0],
          fromAny: racks,
          fromReservationOf: doc('work_order', wo.id),
          toLocationId: production.id,
          quantity: quantity.toFixed(4),
        });
        await m.query(
          'update mo_materials set consumed_qty = consumed_qty + $2, updated_at = now() where id = $1',
          [mm.id, quantity.toFixed(4)],
        );
      }
      if (wo.input_product_id && line) {
        ops.push({
          kind: 'move',
          type: 'PRODUCTION_CONSUME',
          productId: wo.input_product_id,
          fromLocationId: line,
          toLocationId: production.id,
          quantity: processed.toFixed(4),
        });
      }
      if (wo.output_product_id && line && good.gt(0)) {
        ops.push({
          kind: 'move',
          type: 'PRODUCTION_OUTPUT',
          productId: wo.output_product_id,
          fromLocationId: production.id,
          toLocationId: line,
          quantity: good.toFixed(4),
        });
      }
      await this.posting.post(m, ops, { reference: wo.batch_number, document: doc('work_order', wo.id) });
      await m.query(
        `insert into work_order_outputs (work_order_id, good_qty, reject_qty, reject_reason, recorded_by_id, created_at) values ($1, $2, $3, $4, $5, clock_timestamp())`,
        [wo.id, good.toFixed(4), reject.toFixed(4), body.rejectReason ?? null, principal.userId],
      );
      const finished = done.plus(processed).gte(wo.target_qty);
      await m.query(
        `update work_orders set good_qty = good_qty + $2, reject_qty = reject_qty + $3,
                state = case when $4 then 'DONE'::work_order_state else state end, ended_at = case when $4 then now() else ended_at end
          where id = $1`,
        [wo.id, good.toFixed(4), reject.toFixed(4), finished],
      );
    });
  }

  /** Sends good pieces to the next department; they stay reserved on this line until it accepts them. */
  async handover(id: string, quantity: number, principal: Principal): Promise<HandoverResponse> {
    let handoverId = '';
    await this.command(id, principal, 'handed_over', async (m, wo) => {
      if (wo.state !== 'IN_PROGRESS' && wo.state !== 'DONE')
        throw new AppError(409, 'INVALID_STATE', `The work order is ${wo.state}`, { currentState: wo.state });
      const [next] = await m.query(
        'select id, department from work_orders where mo_id = $1 and sequence = $2',
        [wo.mo_id, wo.sequence + 1],
      );
      if (!next)
        throw new AppError(
          409,
          'LAST_DEPARTMENT',
          'The last department hands its goods over when the order is completed',
        );
      const q = new Decimal(quantity);
      const free = new Decimal(wo.good_qty).minus(wo.handed_over_qty);
      if (q.gt(free))
        throw validationFailed(`Only ${free.toNumber()} good pieces are waiting to be handed over`, [
          { field: 'quantity', messages: ['more than made'] },
        ]);
      const number = await nextDocumentNumber(m, 'HO', 4);
      const [{ id: created }] = await m.query(
        `insert into handovers (number, from_work_order_id, to_work_order_id, quantity, state, sent_by_id) values ($1, $2, $3, $4, 'PENDING', $5) returning id`,
        [number, wo.id, next.id, q.toFixed(4), principal.userId],
      );
      handoverId = created;
      const line = await departmentLine(m, wo.department);
      if (wo.output_product_id && line) {
        await this.posting.post(
          m,
          [
            {
              kind: 'reserve',
              productId: wo.output_product_id,
              locationIds: [line],
              quantity: q.toFixed(4),
              document: doc('handover', created),
            },
          ],
          {
            reference: number,
            document: doc('handover', created),
          },
        );
      }
      await m.query('update work_orders set handed_over_qty = handed_over_qty + $2 where id = $1', [
        wo.id,
        q.toFixed(4),
      ]);
      await this.events.publish(m, 'production.handover.created', [created]);
    });
    return this.handoverById(handoverId, principal);
  }

  /** The receiving department counts what arrived; a difference above 10% needs production.approve. */
  async accept(id: string, receivedQty: number, principal: Principal): Promise<HandoverResponse> {
    await this.tx.run(async (m) => {
      const [h]: SqlRow[] = await m.query(
        `select h.*, f.department as from_department, f.output_product_id, t.department as to_department, t.mo_id, mo.state as mo_state
           from handovers h join work_orders f on f.id = h.from_work_order_id join work_orders t on t.id = h.to_work_order_id
           join manufacturing_orders mo on mo.id = t.mo_id
          where h.id = $1 for update of h`,
        [id],
      );
      if (!h) throw notFound('handover', id);
      if (h.state !== 'PENDING')
        throw new AppError(409, 'INVALID_STATE', `Handover ${h.number} was already accepted`, {
          currentState: h.state,
        });
      if (h.mo_state !== 'IN_PROGRESS')
        throw new AppError(409, 'INVALID_STATE', `The order is ${h.mo_state}`, { currentState: h.mo_state });
      if (!ownsDepartment(principal, h.to_department))
        throw new AppError(403, 'FORBIDDEN', `Only ${h.to_department} accepts this handover`);
      const sent = new Decimal(h.quantity);
      const received = new Decimal(receivedQty);
      if (received.gt(sent))
        throw validationFailed(`Only ${sent.toNumber()} were sent; count again`, [
          { field: 'receivedQty', messages: ['more than sent'] },
        ]);
      if (
        handoverNeedsApproval(sent.toString(), received.toString()) &&
        !principal.permissions.has('production.approve')
      ) {
        throw new AppError(
          403,
          'APPROVAL_REQUIRED',
          'The count differs from what was sent by more than 10%; a supervisor (production.approve) must accept it',
          {
            required: 'production.approve',
            sent: sent.toNumber(),
            received: received.toNumber(),
          },
        );
      }
      if (h.output_product_id) {
        const [from, to, loss] = [
          await departmentLine(m, h.from_department),
          await departmentLine(m, h.to_department),
          (await m.query(`select id from locations where type = 'LOSS'`))[0].id,
        ];
        const ops: PostingOp[] = [];
        if (from && to && received.gt(0)) {
          ops.push({
            kind: 'move',
            type: 'TRANSFER',
            productId: h.output_product_id,
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
            productId: h.output_product_id,
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
      await m.query(
        `update handovers set state = 'ACCEPTED', received_qty = $2, accepted_by_id = $3, accepted_at = now(), updated_at = now() where id = $1`,
        [h.id, received.toFixed(4), principal.userId],
      );
      await m.query(
        `update work_orders set input_qty = input_qty + $2, state = case when state = 'PENDING' then 'READY'::work_order_state else state end,
                ready_at = coalesce(ready_at, now()), version = version + 1, updated_at = now()
          where id = $1`,
        [h.to_work_order_id, received.toFixed(4)],
      );
      await this.audit.record(m, {
        action: 'handover.accepted',
        entityType: 'handover',
        entityId: h.id,
        before: { state: 'PENDING', quantity: sent.toNumber() },
        after: { state: 'ACCEPTED', receivedQty: received.toNumber() },
      });
      await this.events.publish(m, 'production.handover.accepted', [h.id]);
      await this.events.publish(m, 'work_order.updated', [h.from_work_order_id, h.to_work_order_id]);
    });
    return this.handoverById(id, principal);
  }

  async handovers(q: HandoverQuery, principal: Principal): Promise<HandoverList> {
    const where = ['true'];
    const params: unknown[] = [];
    const own =
      principal.department && PRODUCTION_DEPARTMENTS.includes(principal.department)
        ? principal.department
        : undefined;
    if (own) where.push(`(f.department = $${params.push(own)} or t.department = $${params.length})`);
    if (q.department) where.push(`t.department = $${params.push(q.department)}`);
    if (q.state) where.push(`h.state = $${params.push(q.state)}`);
    if (q.moId) where.push(`t.mo_id = $${params.push(q.moId)}`);
    const items = await this.loadHandovers(this.dataSource.manager, where.join(' and '), params);
    return { items, total: items.length };
  }

  private async handoverById(id: string, _principal: Principal): Promise<HandoverResponse> {
    const [h] = await this.loadHandovers(this.dataSource.manager, 'h.id = $1', [id]);
    if (!h) throw notFound('handover', id);
    return h;
  }

  private async loadHandovers(
    m: EntityManager,
    where: string,
    params: unknown[],
  ): Promise<HandoverResponse[]> {
    const rows: SqlRow[] = await m.query(
      `select h.*, f.department as from_department, t.department as to_department, t.mo_id, mo.batch_number, op.code as product_code
         from handovers h join work_orders f on f.id = h.from_work_order_id join work_orders t on t.id = h.to_work_order_id
         join manufacturing_orders mo on mo.id = t.mo_id left join products op on op.id = f.output_product_id
        where ${where} order by h.state desc, h.created_at desc`,
      params,
    );
    const who = await actors(m, rows, ['sent_by_id', 'accepted_by_id']);
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      moId: r.mo_id,
      batchNumber: r.batch_number,
      fromWorkOrderId: r.from_work_order_id,
      toWorkOrderId: r.to_work_order_id,
      fromDepartment: r.from_department as Department,
      toDepartment: r.to_department as Department,
      productCode: r.product_code ?? null,
      quantity: Number(r.quantity),
      receivedQty: r.received_qty === null ? null : Number(r.received_qty),
      state: r.state,
      differencePercent:
        r.received_qty === null
          ? null
          : Math.round(((Number(r.received_qty) - Number(r.quantity)) / Number(r.quantity)) * 10_000) / 100,
      sentBy: who(r.sent_by_id),
      acceptedBy: who(r.accepted_by_id),
      acceptedAt: r.accepted_at ? new Date(r.accepted_at).toISOString() : null,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  }

  /** Locks the work order, checks the order is running and the department is the user's, runs, audits. */
  private command(
    id: string,
    principal: Principal,
    action: string,
    work: (m: EntityManager, wo: SqlRow) => Promise<void>,
  ): Promise<WorkOrderResponse> {
    return this.tx.run(async (m) => {
      const [wo]: SqlRow[] = await m.query(
        `select wo.*, mo.state as mo_state, mo.batch_number from work_orders wo join manufacturing_orders mo on mo.id = wo.mo_id
          where wo.id = $1 for update of wo`,
        [id],
      );
      if (!wo) throw notFound('work order', id);
      if (!ownsDepartment(principal, wo.department))
        throw new AppError(
          403,
          'FORBIDDEN',
          `This is a ${wo.department} work order; it is not yours to work`,
        );
      if (wo.mo_state !== 'IN_PROGRESS')
        throw new AppError(409, 'INVALID_STATE', `Order ${wo.batch_number} is ${wo.mo_state}`, {
          currentState: wo.mo_state,
        });
      await work(m, wo);
      await m.query('update work_orders set version = version + 1, updated_at = now() where id = $1', [id]);
      const [after] = await loadWorkOrders(m, 'wo.id = $1', [id], principal);
      await this.audit.record(m, {
        action: `work_order.${action}`,
        entityType: 'work_order',
        entityId: id,
        before: {
          state: wo.state,
          goodQty: Number(wo.good_qty),
          rejectQty: Number(wo.reject_qty),
          handedOverQty: Number(wo.handed_over_qty),
        },
        after: {
          state: after.state,
          goodQty: after.goodQty,
          rejectQty: after.rejectQty,
          handedOverQty: after.handedOverQty,
        },
      });
      await this.events.publish(m, 'work_order.updated', [id]);
      await this.events.publish(m, 'mo.updated', [wo.mo_id]);
      return after;
    });
  }
}
