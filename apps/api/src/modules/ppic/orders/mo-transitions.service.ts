import { HttpException, Injectable } from '@nestjs/common';
import {
  MO_TRANSITIONS,
  routeDepartments,
  variance,
  type Department,
  type MoAction,
  type MoState,
  type Route,
} from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { AuditWriter } from '../../../core/audit/audit.writer.js';
import type { Principal } from '../../../core/context/request-context.js';
import type { SqlRow } from '../../../core/database/sql-row.js';
import { Transactions } from '../../../core/database/transactions.js';
import { AppError, notFound } from '../../../core/errors/app-error.js';
import { EventPublisher } from '../../../core/events/event-publisher.js';
import { BomExplosionService } from '../../bom/bom-explosion.service.js';
import type { ExplosionNode } from '../../bom/dto/bom.dto.js';
import { PostingService } from '../../warehouse/stock/posting.service.js';
import type { DocumentRef, PostingOp } from '../../warehouse/stock/posting.types.js';
import type { BatchRequest, BatchResponse, MoResponse } from '../dto/mo.dto.js';
import { loadMos } from './mo.read.js';

type Stages = Record<string, { target: number; productId: string | null }>;

export interface TransitionInput {
  notes?: string;
  reason?: string;
  actualQuantity?: number;
  qualityNotes?: string;
  /** Batch completion without a quantity completes each order at its plan. */
  completeAtPlan?: boolean;
}

const workOrderDoc = (id: string): DocumentRef => ({ type: 'work_order', id });

/**
 * The MO state machine with its effects: approval freezes the exploded BOM, start creates the route's
 * work orders and reserves the first department's materials, completion receives the goods and
 * back-flushes, cancel releases. Each runs on a locked order row inside the caller's transaction, so a
 * batch can run many in one.
 */
@Injectable()
export class MoTransitions {
  constructor(
    private readonly tx: Transactions,
    private readonly explosion: BomExplosionService,
    private readonly posting: PostingService,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  run(action: MoAction, id: string, input: TransitionInput, principal: Principal): Promise<MoResponse> {
    return this.tx.run((m) => this.apply(m, action, id, input, principal));
  }

  async batch(action: MoAction, body: BatchRequest, principal: Principal): Promise<BatchResponse> {
    const input: TransitionInput = {
      notes: body.notes,
      reason: body.reason,
      actualQuantity: body.actualQuantity,
      qualityNotes: body.qualityNotes,
      completeAtPlan: body.actualQuantity === undefined,
    };
    if (action === 'cancel' && !body.reason) {
      throw new AppError(422, 'VALIDATION_FAILED', 'A cancellation needs a reason', [
        { field: 'reason', messages: ['required for cancel'] },
      ]);
    }
    if (body.atomic ?? true) {
      return this.tx.run(async (m) => {
        // Lock every order first, in id order, so two batches over the same orders cannot deadlock.
        await m.query(
          'select id from manufacturing_orders where id = any($1::uuid[]) order by id for update',
          [body.ids],
        );
        const results: BatchResponse['results'] = [];
        for (const id of body.ids) {
          try {
            const mo = await this.apply(m, action, id, input, principal);
            results.push({ id, ok: true, state: mo.state });
          } catch (e) {
            const error = describe(e);
            if (error.code === 'INTERNAL_ERROR') throw e;
            throw new AppError(
              409,
              'BATCH_FAILED',
              `Nothing was changed: order ${id} cannot be ${pastTense[action]} (${error.message})`,
              {
                failedId: id,
                error,
              },
            );
          }
        }
        return { results };
      });
    }
    const results: BatchResponse['results'] = [];
    for (const id of body.ids) {
      try {
        const mo = await this.run(action, id, input, principal);
        results.push({ id, ok: true, state: mo.state });
      } catch (e) {
        const error = describe(e);
        if (error.code === 'INTERNAL_ERROR') throw e;
        results.push({ id, ok: false, error });
      }
    }
    return { results };
  }

  private async apply(
    m: EntityManager,
    action: MoAction,
    id: string,
    input: TransitionInput,
    principal: Principal,
  ): Promise<MoResponse> {
    const rule = MO_TRANSITIONS[action];
    const [mo]: SqlRow[] = await m.query('select * from manufacturing_orders where id = $1 for update', [id]);
    if (!mo) throw notFound('manufacturing order', id);
    if (!rule.from.includes(mo.state as MoState)) {
      throw new AppError(
        409,
        'INVALID_STATE',
        `${mo.batch_number} is ${mo.state}; it cannot be ${pastTense[action]}`,
        {
          currentState: mo.state,
          allowedFrom: rule.from,
        },
      );
    }
    if (!principal.permissions.has(rule.permission)) {
      throw new AppError(403, 'FORBIDDEN', `You need the permission ${rule.permission} for this`, {
        required: rule.permission,
      });
    }
    let changes: Record<string, unknown>;
    if (action === 'approve') changes = await this.approve(m, mo, principal, input);
    else if (action === 'start') changes = await this.start(m, mo, principal, input);
    else if (action === 'complete') changes = await this.complete(m, mo, principal, input);
    else changes = await this.cancel(m, mo, principal, input);

    const params: unknown[] = [id, rule.to];
    const sets = Object.entries(changes).map(([column, value]) =>
      value === 'now()' ? `${column} = now()` : `${column} = $${params.push(value)}`,
    );
    await m.query(
      `update manufacturing_orders set state = $2, ${sets.join(', ')}, version = version + 1, updated_at = now() where id = $1`,
      params,
    );
    const [after] = await loadMos(m, 'mo.id = $1', [id], principal);
    await this.audit.record(m, {
      action: `manufacturing_order.${pastTense[action]}`,
      entityType: 'manufacturing_order',
      entityId: id,
      before: { state: mo.state, version: mo.version },
      after: {
        state: after.state,
        version: after.version,
        approveNotes: after.approveNotes,
        startNotes: after.startNotes,
        qualityNotes: after.qualityNotes,
        cancelReason: after.cancelReason,
        bomRevision: after.bomRevision,
        producedQty: after.producedQty,
        variancePercent: after.variancePercent,
      },
    });
    await this.events.publish(m, 'mo.updated', [id]);
    return after;
  }

  /** Freezes the exploded active BOM onto the order: materials per department and the route's stages. */
  private async approve(m: EntityManager, mo: SqlRow, principal: Principal, input: TransitionInput) {
    if (mo.created_by_id === principal.userId) {
      throw new AppError(403, 'SELF_APPROVAL', 'You created this order, so someone else must approve it');
    }
    const [bom] = await m.query(
      'select id, revision from boms where product_id = $1 and active and deleted_at is null',
      [mo.product_id],
    );
    if (!bom)
      throw new AppError(
        409,
        'NO_ACTIVE_BOM',
        `${mo.batch_number}'s product has no active bill of materials`,
      );
    const explosion = await this.explosion.explode(bom.id, mo.qty_planned, m);
    const route = routeDepartments(mo.route as Route);
    const outside = [...new Set(explosion.requirements.map((r) => r.department))].filter(
      (d) => !route.includes(d),
    );
    if (outside.length) {
      throw new AppError(
        409,
        'BOM_ROUTE_MISMATCH',
        `The BOM uses ${outside.join(', ')}, which ${mo.route} does not pass through`,
        { departments: outside },
      );
    }
    const needs = new Map<string, { productId: string; department: Department; quantity: Decimal }>();
    for (const r of explosion.requirements.filter((x) => !x.optional)) {
      const key = `${r.productId}|${r.department}`;
      const existing = needs.get(key);
      if (existing) existing.quantity = existing.quantity.plus(r.quantity);
      else
        needs.set(key, {
          productId: r.productId,
          department: r.department,
          quantity: new Decimal(r.quantity),
        });
    }
    await m.query('delete from mo_materials where mo_id = $1', [mo.id]);
    const rows = [...needs.values()];
    if (rows.length) {
      await m.query(
        `insert into mo_materials (mo_id, product_id, department, quantity)
         select $1, p, d::department, q from unnest($2::uuid[], $3::text[], $4::numeric[]) v(p, d, q)`,
        [
          mo.id,
          rows.map((r) => r.productId),
          rows.map((r) => r.department),
          rows.map((r) => r.quantity.toFixed(4)),
        ],
      );
    }
    return {
      bom_id: bom.id,
      bom_revision: bom.revision,
      stages: JSON.stringify(stagesOf(explosion.tree, route, Number(mo.qty_planned))),
      approved_by_id: principal.userId,
      approved_at: 'now()',
      approve_notes: input.notes ?? null,
    };
  }

  /** Creates the route's work orders (first READY) and reserves the first department's materials, all or nothing. */
  private async start(m: EntityManager, mo: SqlRow, principal: Principal, input: TransitionInput) {
    const route = routeDepartments(mo.route as Route);
    const stages: Stages = mo.stages ?? {};
    const ids: string[] = [];
    for (const [i, department] of route.entries()) {
      const stage = stages[department] ?? { target: Number(mo.qty_planned), productId: null };
      const input = i === 0 ? null : (stages[route[i - 1]]?.productId ?? null);
      const [{ id }] = await m.query(
        `insert into work_orders (mo_id, department, sequence, state, output_product_id, input_product_id, target_qty, input_qty, ready_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
        [
          mo.id,
          department,
          i + 1,
          i === 0 ? 'READY' : 'PENDING',
          stage.productId,
          input,
          stage.target,
          i === 0 ? stage.target : 0,
          i === 0 ? new Date() : null,
        ],
      );
      ids.push(id);
    }
    await this.reserveDepartment(m, mo.id, route[0], ids[0], mo.batch_number);
    await this.events.publish(m, 'work_order.created', ids);
    return { started_by_id: principal.userId, started_at: 'now()', start_notes: input.notes ?? null };
  }

  /** Reserves a department's materials of the order for its work order, at the warehouse racks, oldest lot first. */
  async reserveDepartment(
    m: EntityManager,
    moId: string,
    department: Department,
    workOrderId: string,
    reference: string,
  ): Promise<void> {
    const materials: Array<{ product_id: string; quantity: string; consumed_qty: string }> = await m.query(
      'select product_id, quantity, consumed_qty from mo_materials where mo_id = $1 and department = $2 order by product_id',
      [moId, department],
    );
    const racks = await warehouseRacks(m);
    const ops: PostingOp[] = materials
      .map((mm) => ({ productId: mm.product_id, quantity: new Decimal(mm.quantity).minus(mm.consumed_qty) }))
      .filter((x) => x.quantity.gt(0))
      .map((x) => ({
        kind: 'reserve',
        productId: x.productId,
        locationIds: racks,
        quantity: x.quantity.toFixed(4),
        document: workOrderDoc(workOrderId),
      }));
    await this.posting.post(m, ops, { reference, document: workOrderDoc(workOrderId) });
  }

  /**
   * Receives the goods, consumes the last stage's WIP the order made, back-flushes what the work orders
   * did not consume (reservations first, then oldest stock), releases the rest and closes the work orders.
   */
  private async complete(m: EntityManager, mo: SqlRow, principal: Principal, input: TransitionInput) {
    if (input.actualQuantity === undefined && input.completeAtPlan)
      input = { ...input, actualQuantity: Number(mo.qty_planned) };
    if (input.actualQuantity === undefined || !(input.actualQuantity > 0)) {
      throw new AppError(422, 'VALIDATION_FAILED', 'actualQuantity must be greater than zero', [
        { field: 'actualQuantity', messages: ['must be > 0'] },
      ]);
    }
    const actual = new Decimal(input.actualQuantity);
    const planned = new Decimal(mo.qty_planned);
    const workOrders: SqlRow[] = await m.query(
      'select * from work_orders where mo_id = $1 order by sequence for update',
      [mo.id],
    );
    const docs = workOrders.map((w) => workOrderDoc(w.id));
    const racks = await warehouseRacks(m);
    const [production] = await m.query(`select id from locations where type = 'PRODUCTION'`);
    const [product] = await m.query('select type from products where id = $1', [mo.product_id]);
    const ops: PostingOp[] = [];

    // WIP the order made and no later department used is consumed into the finished product.
    const remainingWip = actual;
    for (const wo of [...workOrders].reverse()) {
      if (!wo.output_product_id || wo.output_product_id === mo.product_id) continue;
      const line = await departmentLine(m, wo.department);
      if (!line) continue;
      const unconsumed = new Decimal(wo.good_qty).minus(wo.handed_over_qty);
      const [{ free }] = await m.query(
        `select coalesce(sum(on_hand - reserved), 0) as free from stock_balances where product_id = $1 and location_id = $2`,
        [wo.output_product_id, line],
      );
      const take = Decimal.min(
        unconsumed,
        new Decimal(free),
        wo.sequence === workOrders.length ? remainingWip : unconsumed,
      );
      if (take.lte(0)) continue;
      ops.push({
        kind: 'move',
        type: 'PRODUCTION_CONSUME',
        productId: wo.output_product_id,
        fromLocationId: line,
        toLocationId: production.id,
        quantity: take.toFixed(4),
      });
      await m.query('update work_orders set handed_over_qty = handed_over_qty + $2 where id = $1', [
        wo.id,
        take.toFixed(4),
      ]);
    }
    const lastLine = workOrders.length
      ? await departmentLine(m, workOrders[workOrders.length - 1].department)
      : null;

    const materials: SqlRow[] = await m.query(
      'select * from mo_materials where mo_id = $1 order by department, product_id for update',
      [mo.id],
    );
    for (const mm of materials) {
      const rest = new Decimal(mm.quantity)
        .times(actual)
        .div(planned)
        .minus(mm.consumed_qty)
        .toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
      if (rest.lte(0)) continue;
      ops.push({
        kind: 'move',
        type: 'PRODUCTION_CONSUME',
        productId: mm.product_id,
        fromLocationId: racks[0],
        fromAny: racks,
        fromReservationOf: docs,
        toLocationId: production.id,
        quantity: rest.toFixed(4),
      });
      await m.query(
        'update mo_materials set consumed_qty = consumed_qty + $2, updated_at = now() where id = $1',
        [mm.id, rest.toFixed(4)],
      );
    }

    const destination =
      product.type === 'FINISHED_GOOD'
        ? (await m.query(`select id from locations where is_finished_goods`))[0]?.id
        : (lastLine ?? (await m.query(`select id from locations where is_finished_goods`))[0]?.id);
    if (!destination)
      throw new AppError(
        409,
        'NO_FINISHED_GOODS_LOCATION',
        'There is no finished-goods warehouse to receive into',
      );
    ops.push({
      kind: 'move',
      type: 'PRODUCTION_OUTPUT',
      productId: mo.product_id,
      fromLocationId: production.id,
      toLocationId: destination,
      quantity: actual.toFixed(4),
    });
    for (const d of docs) ops.push({ kind: 'release', document: d });
    await this.posting.post(m, ops, {
      reference: mo.batch_number,
      document: { type: 'manufacturing_order', id: mo.id },
    });

    await m.query(
      `update work_orders set state = case when state = 'PENDING' then 'CANCELLED'::work_order_state else 'DONE'::work_order_state end,
              ended_at = coalesce(ended_at, now()), version = version + 1, updated_at = now()
        where mo_id = $1 and state in ('PENDING', 'READY', 'IN_PROGRESS')`,
      [mo.id],
    );
    if (workOrders.length)
      await this.events.publish(
        m,
        'work_order.updated',
        workOrders.map((w) => w.id),
      );
    return {
      completed_by_id: principal.userId,
      completed_at: 'now()',
      quality_notes: input.qualityNotes ?? null,
      produced_qty: actual.toFixed(4),
      variance: variance(actual.toString(), planned.toString()).toFixed(4),
    };
  }

  private async cancel(m: EntityManager, mo: SqlRow, principal: Principal, input: TransitionInput) {
    if (!input.reason)
      throw new AppError(422, 'VALIDATION_FAILED', 'A cancellation needs a reason', [
        { field: 'reason', messages: ['required'] },
      ]);
    const workOrders: Array<{ id: string }> = await m.query('select id from work_orders where mo_id = $1', [
      mo.id,
    ]);
    await this.posting.post(
      m,
      workOrders.map((w) => ({ kind: 'release', document: workOrderDoc(w.id) })),
      { reference: mo.batch_number },
    );
    return { cancelled_by_id: principal.userId, cancelled_at: 'now()', cancel_reason: input.reason };
  }
}

const pastTense: Record<MoAction, string> = {
  approve: 'approved',
  start: 'started',
  complete: 'completed',
  cancel: 'cancelled',
};

/** The warehouse racks materials are reserved and issued from (not the finished-goods warehouse). */
export async function warehouseRacks(m: EntityManager): Promise<string[]> {
  const rows: Array<{ id: string }> = await m.query(
    `select id from locations where type = 'WAREHOUSE' and not is_finished_goods and active order by code`,
  );
  if (rows.length === 0)
    throw new AppError(409, 'NO_WAREHOUSE', 'There is no warehouse rack to take materials from');
  return rows.map((r) => r.id);
}

export async function departmentLine(m: EntityManager, department: string): Promise<string | null> {
  const [line] = await m.query(`select id from locations where type = 'LINE' and department = $1`, [
    department,
  ]);
  return line?.id ?? null;
}

/**
 * Per route department: the product it makes and how many, from the exploded tree. A department's
 * product is its deepest stage (WIP_PACKING rather than the finished good, which completion makes).
 */
export function stagesOf(tree: ExplosionNode, route: readonly Department[], planned: number): Stages {
  const found = new Map<string, { target: number; productId: string; depth: number }>();
  const walk = (node: ExplosionNode, depth: number) => {
    if (node.bomId && node.kind !== 'KIT' && node.children.length) {
      const department = node.children[0].department;
      const current = department ? found.get(department) : undefined;
      if (department && (!current || depth > current.depth))
        found.set(department, { target: node.quantity, productId: node.productId, depth });
    }
    for (const child of node.children) walk(child, depth + 1);
  };
  walk(tree, 0);
  return Object.fromEntries(
    route.map((d) => {
      const stage = found.get(d);
      return [
        d,
        stage ? { target: stage.target, productId: stage.productId } : { target: planned, productId: null },
      ];
    }),
  );
}

function describe(e: unknown): { code: string; message: string; statusCode?: number } {
  if (e instanceof HttpException) {
    const r = e.getResponse() as { code?: string; message?: string };
    return { code: r.code ?? 'ERROR', message: r.message ?? e.message, statusCode: e.getStatus() };
  }
  return { code: 'INTERNAL_ERROR', message: (e as Error).message };
}
