import { HttpException, Injectable } from '@nestjs/common';
import {
  MO_TRANSITIONS,
  routeDepartments,
  variance,
  type Department,
  type MoAction,
  type MoState,
} from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../../core/context/request-context.js';
import { Transactions } from '../../../core/database/transactions.js';
import { AppError } from '../../../core/errors/app-error.js';
import { EventPublisher } from '../../../core/events/event-publisher.js';
import { type StateMachine, StateTransitions } from '../../../core/transitions/state-machine.js';
import { BomExplosionService } from '../../bom/bom-explosion.service.js';
import type { ExplosionNode } from '../../bom/dto/bom.dto.js';
import {
  type DocumentRef,
  Locations,
  type PostingOp,
  PostingService,
  productionLot,
  refuseFractionsOfWholeUnits,
  Stock,
} from '../../warehouse/index.js';
import type { BatchRequest, BatchResponse, MoResponse } from '../dto/mo.dto.js';
import {
  addConsumed,
  addHandedOver,
  closeWorkOrders,
  insertWorkOrders,
  lockMaterials,
  lockMo,
  lockMos,
  lockWorkOrdersOf,
  type MoChanges,
  type MoRow,
  replaceMaterials,
  saveMo,
  type Stages,
} from '../ppic.sql.js';
import { MoService } from './mo.service.js';
import { consumptionStep } from '../production/consumption.js';

export interface TransitionInput {
  notes?: string;
  reason?: string;
  actualQuantity?: number;
  qualityNotes?: string;
  /** Batch completion without a quantity completes each order at its plan. */
  completeAtPlan?: boolean;
}

const workOrderDoc = (id: string): DocumentRef => ({ type: 'work_order', id });

const pastTense: Record<MoAction, string> = {
  approve: 'approved',
  start: 'started',
  complete: 'completed',
  cancel: 'cancelled',
  return: 'returned',
};

/** The order's state machine for the core transition helper; `save` keeps the row it wrote for the answer. */
class MoMachine implements StateMachine<MoRow, MoState, MoAction, MoChanges> {
  readonly entity = 'manufacturing_order';
  readonly noun = 'manufacturing order';
  readonly transitions = MO_TRANSITIONS;
  readonly pastTense = pastTense;
  saved: MoRow | undefined;
  lock = lockMo;
  state = (mo: MoRow) => mo.state;
  label = (mo: MoRow) => mo.batch_number;
  async save(m: EntityManager, mo: MoRow, to: MoState, changes: MoChanges): Promise<void> {
    this.saved = await saveMo(m, mo.id, to, changes);
  }
}

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
    private readonly transitions: StateTransitions,
    private readonly orders: MoService,
    private readonly explosion: BomExplosionService,
    private readonly posting: PostingService,
    private readonly locations: Locations,
    private readonly stock: Stock,
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
        await lockMos(m, body.ids);
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
              { failedId: id, error },
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
    const machine = new MoMachine();
    await this.transitions.apply(m, machine, action, id, principal, {
      rowRule: (mo, p) =>
        action === 'approve' && mo.created_by_id === p.userId
          ? new AppError(403, 'SELF_APPROVAL', 'You created this order, so someone else must approve it')
          : null,
      effect: (tm, mo) => this.effect(tm, action, mo, principal, input),
      auditAfter: (_mo, c) => ({
        approveNotes: c.approve_notes,
        startNotes: c.start_notes,
        qualityNotes: c.quality_notes,
        cancelReason: c.cancel_reason,
        returnReason: action === 'return' ? input.reason : undefined,
        bomRevision: c.bom_revision,
        producedQuantity: c.produced_qty === undefined ? undefined : Number(c.produced_qty),
        variance: c.variance === undefined ? undefined : Number(c.variance),
      }),
    });
    return (await this.orders.toMos([machine.saved!], principal, m))[0];
  }

  private effect(
    m: EntityManager,
    action: MoAction,
    mo: MoRow,
    principal: Principal,
    input: TransitionInput,
  ): Promise<MoChanges> {
    switch (action) {
      case 'approve':
        return this.approve(m, mo, principal, input);
      case 'start':
        return this.start(m, mo, principal, input);
      case 'complete':
        return this.complete(m, mo, principal, input);
      case 'cancel':
        return this.cancel(m, mo, principal, input);
      case 'return':
        return this.returnToDraft(m, mo, input);
    }
  }

  /**
   * Back to the planner: the frozen explosion and the approval are dropped, so a later approval freezes
   * the BOM as it is then. Nothing is reserved before start, so no stock moves.
   */
  private async returnToDraft(m: EntityManager, mo: MoRow, input: TransitionInput): Promise<MoChanges> {
    if (!input.reason?.trim())
      throw new AppError(422, 'VALIDATION_FAILED', 'Returning an order to draft needs a reason', [
        { field: 'reason', messages: ['required'] },
      ]);
    await replaceMaterials(m, mo.id, []);
    return {
      bom_id: null,
      bom_revision: null,
      stages: null,
      approved_by_id: null,
      approved_at: null,
      approve_notes: null,
    };
  }

  /** Freezes the exploded active BOM onto the order: materials per department and the route's stages. */
  private async approve(
    m: EntityManager,
    mo: MoRow,
    principal: Principal,
    input: TransitionInput,
  ): Promise<MoChanges> {
    const bom = await this.explosion.activeBom(mo.product_id, m);
    if (!bom)
      throw new AppError(
        409,
        'NO_ACTIVE_BOM',
        `${mo.batch_number}'s product has no active bill of materials`,
      );
    const explosion = await this.explosion.explode(bom.id, mo.qty_planned, m, { availability: false });
    const route = routeDepartments(mo.route);
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
    await replaceMaterials(
      m,
      mo.id,
      [...needs.values()].map((n) => ({ ...n, quantity: n.quantity.toFixed(4) })),
    );
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
  private async start(
    m: EntityManager,
    mo: MoRow,
    principal: Principal,
    input: TransitionInput,
  ): Promise<MoChanges> {
    const route = routeDepartments(mo.route);
    const stages: Stages = mo.stages ?? {};
    const ids = await insertWorkOrders(
      m,
      mo.id,
      route.map((department, i) => {
        const stage = stages[department] ?? { target: Number(mo.qty_planned), productId: null };
        return {
          department,
          outputProductId: stage.productId,
          inputProductId: i === 0 ? null : (stages[route[i - 1]]?.productId ?? null),
          target: stage.target,
        };
      }),
    );
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
    const materials = await lockMaterials(m, moId, department);
    const racks = await this.locations.racks(m);
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
  private async complete(
    m: EntityManager,
    mo: MoRow,
    principal: Principal,
    input: TransitionInput,
  ): Promise<MoChanges> {
    if (input.actualQuantity === undefined && input.completeAtPlan)
      input = { ...input, actualQuantity: Number(mo.qty_planned) };
    if (input.actualQuantity === undefined || !(input.actualQuantity > 0)) {
      throw new AppError(422, 'VALIDATION_FAILED', 'actualQuantity must be greater than zero', [
        { field: 'actualQuantity', messages: ['must be > 0'] },
      ]);
    }
    refuseFractionsOfWholeUnits([
      { field: 'actualQuantity', quantity: input.actualQuantity, uom: mo.uom, label: mo.product_code },
    ]);
    const actual = new Decimal(input.actualQuantity);
    const planned = new Decimal(mo.qty_planned);
    const [workOrders, materials] = [await lockWorkOrdersOf(m, mo.id), await lockMaterials(m, mo.id)];
    const docs = workOrders.map((w) => workOrderDoc(w.id));
    const racks = await this.locations.racks(m);
    const production = await this.locations.virtual('PRODUCTION', m);
    const lines = new Map<string, string | null>();
    for (const wo of workOrders) lines.set(wo.department, await this.locations.line(wo.department, m));
    const ops: PostingOp[] = [];

    // WIP the order made and no later department used is consumed into the finished product.
    // Only work orders with output not handed over yet: orders completed without reported work ask no stock.
    const wip = workOrders.filter(
      (wo) =>
        wo.output_product_id &&
        wo.output_product_id !== mo.product_id &&
        new Decimal(wo.good_qty).gt(wo.handed_over_qty),
    );
    const free = await this.stock.free(
      wip.map((wo) => wo.output_product_id!),
      wip.map((wo) => lines.get(wo.department)).filter((l): l is string => !!l),
      m,
    );
    const handedOver: Array<{ id: string; quantity: string }> = [];
    for (const wo of [...wip].reverse()) {
      const line = lines.get(wo.department);
      if (!line) continue;
      const unconsumed = new Decimal(wo.good_qty).minus(wo.handed_over_qty);
      const take = Decimal.min(
        unconsumed,
        free(wo.output_product_id!, line),
        wo.sequence === workOrders.length ? actual : unconsumed,
      );
      if (take.lte(0)) continue;
      ops.push({
        kind: 'move',
        type: 'PRODUCTION_CONSUME',
        productId: wo.output_product_id!,
        fromLocationId: line,
        toLocationId: production,
        quantity: take.toFixed(4),
      });
      handedOver.push({ id: wo.id, quantity: take.toFixed(4) });
    }
    await addHandedOver(m, handedOver);

    const consumed: Array<{ id: string; quantity: string }> = [];
    for (const mm of materials) {
      const rest = consumptionStep(mm.quantity, actual.div(planned), mm.consumed_qty, mm.uom);
      if (rest.lte(0)) continue;
      ops.push({
        kind: 'move',
        type: 'PRODUCTION_CONSUME',
        productId: mm.product_id,
        fromLocationId: racks[0],
        fromAny: racks,
        fromReservationOf: docs,
        toLocationId: production,
        quantity: rest.toFixed(4),
      });
      consumed.push({ id: mm.id, quantity: rest.toFixed(4) });
    }
    await addConsumed(m, consumed);

    const lastLine = workOrders.length ? lines.get(workOrders[workOrders.length - 1].department) : null;
    const destination =
      mo.product_type === 'FINISHED_GOOD'
        ? await this.locations.finishedGoods(m)
        : (lastLine ?? (await this.locations.finishedGoods(m)));
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
      fromLocationId: production,
      toLocationId: destination,
      quantity: actual.toFixed(4),
      // The batch is the output's lot: what trace and passport follow.
      lotId: await productionLot(m, mo.product_id, mo.batch_number, new Date()),
    });
    for (const d of docs) ops.push({ kind: 'release', document: d });
    await this.posting.post(m, ops, {
      reference: mo.batch_number,
      document: { type: 'manufacturing_order', id: mo.id },
    });

    const closed = await closeWorkOrders(m, mo.id);
    if (closed.length) await this.events.publish(m, 'work_order.closed', closed);
    return {
      completed_by_id: principal.userId,
      completed_at: 'now()',
      quality_notes: input.qualityNotes ?? null,
      produced_qty: actual.toFixed(4),
      variance: variance(actual.toString(), planned.toString()).toFixed(4),
    };
  }

  private async cancel(
    m: EntityManager,
    mo: MoRow,
    principal: Principal,
    input: TransitionInput,
  ): Promise<MoChanges> {
    if (!input.reason)
      throw new AppError(422, 'VALIDATION_FAILED', 'A cancellation needs a reason', [
        { field: 'reason', messages: ['required'] },
      ]);
    const workOrders = await lockWorkOrdersOf(m, mo.id);
    await this.posting.post(
      m,
      workOrders.map((w) => ({ kind: 'release', document: workOrderDoc(w.id) })),
      { reference: mo.batch_number },
    );
    return { cancelled_by_id: principal.userId, cancelled_at: 'now()', cancel_reason: input.reason };
  }
}

/**
 * Per department of the route: the product it makes and how many, from the exploded tree. A department's
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
    return { code: r.code ?? 'BAD_REQUEST', message: r.message ?? e.message, statusCode: e.getStatus() };
  }
  return { code: 'INTERNAL_ERROR', message: (e as Error).message };
}
