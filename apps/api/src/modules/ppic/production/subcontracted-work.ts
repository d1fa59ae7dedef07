import { Injectable } from '@nestjs/common';
import type { Department, MoState, Unit, WorkOrderState } from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../../core/context/request-context.js';
import { AppError, validationFailed } from '../../../core/errors/app-error.js';
import { StateTransitions } from '../../../core/transitions/state-machine.js';
import {
  addConsumed,
  insertOutput,
  lockMaterials,
  selectWorkOrders,
  type WorkOrderRow,
} from '../ppic.sql.js';
import { consumptionStep } from './consumption.js';
import { WorkOrderMachine } from './work-orders.service.js';

/** A work order as the subcontract route (gate passes) reads it. */
export interface SubcontractedWorkOrder {
  id: string;
  moId: string;
  batchNumber: string;
  moState: MoState;
  department: Department;
  state: WorkOrderState;
  /** What it receives (the cut panels) and what it makes (sewn skins), in `uom`. */
  inputProductId: string | null;
  outputProductId: string | null;
  uom: Unit;
  targetQuantity: string;
  inputQuantity: string;
  goodQuantity: string;
  /** The department's materials of the order (supporting material the subcontractor uses). */
  materials: Array<{ productId: string; quantity: string; consumedQuantity: string; uom: Unit }>;
}

/**
 * The ppic side of the subcontract route: a SUBCON work order's facts, and the output a subcontractor
 * made counted into it (the same `record_output` transition as the floor's, in the caller's
 * transaction). The stock moves are the caller's: the goods are at the subcontractor, not on a line.
 */
@Injectable()
export class SubcontractedWork {
  constructor(private readonly transitions: StateTransitions) {}

  async read(m: EntityManager, id: string): Promise<SubcontractedWorkOrder | undefined> {
    const [wo] = await selectWorkOrders(m, 'wo.id = $1', [id]);
    return wo ? this.withMaterials(m, wo) : undefined;
  }

  /** A department's work orders of running orders (at most 200, oldest order first). */
  async running(m: EntityManager, department: Department): Promise<SubcontractedWorkOrder[]> {
    const rows = await selectWorkOrders(
      m,
      `wo.department = $1 and mo.state = 'IN_PROGRESS' and wo.state in ('READY', 'IN_PROGRESS', 'DONE')`,
      [department],
      'order by mo.batch_number limit 200',
    );
    const out: SubcontractedWorkOrder[] = [];
    for (const wo of rows) out.push(await this.withMaterials(m, wo));
    return out;
  }

  private async withMaterials(m: EntityManager, wo: WorkOrderRow): Promise<SubcontractedWorkOrder> {
    const materials = await m.query<
      Array<{ product_id: string; quantity: string; consumed_qty: string; uom: Unit }>
    >(
      `select mm.product_id, mm.quantity, mm.consumed_qty, p.uom
         from mo_materials mm join products p on p.id = mm.product_id
        where mm.mo_id = $1 and mm.department = $2 order by p.code`,
      [wo.mo_id, wo.department],
    );
    return {
      id: wo.id,
      moId: wo.mo_id,
      batchNumber: wo.batch_number,
      moState: wo.mo_state,
      department: wo.department,
      state: wo.state,
      inputProductId: wo.input_product_id,
      outputProductId: wo.output_product_id,
      uom: wo.uom,
      targetQuantity: wo.target_qty,
      inputQuantity: wo.input_qty,
      goodQuantity: wo.good_qty,
      materials: materials.map((r) => ({
        productId: r.product_id,
        quantity: r.quantity,
        consumedQuantity: r.consumed_qty,
        uom: r.uom,
      })),
    };
  }

  /**
   * Counts `good` pieces made by the subcontractor into the work order (IN_PROGRESS → IN_PROGRESS or
   * DONE; never more than it received) and answers what of its department's materials that output
   * used — cumulative like the floor's output, but never more than `available` (what went out to the
   * subcontractor and was not used yet) — and records that consumption on the order.
   */
  async recordOutput(
    m: EntityManager,
    id: string,
    good: Decimal,
    principal: Principal,
    available: ReadonlyMap<string, Decimal>,
  ): Promise<Array<{ productId: string; quantity: string }>> {
    const used: Array<{ productId: string; quantity: string }> = [];
    await this.transitions.apply(m, new WorkOrderMachine(), 'record_output', id, principal, {
      // The gate pass route checked its own permission; this is the work order's bookkeeping.
      permissionChecked: true,
      rowRule: (wo) =>
        wo.mo_state !== 'IN_PROGRESS'
          ? new AppError(409, 'INVALID_STATE', `Order ${wo.batch_number} is ${wo.mo_state}`, {
              currentState: wo.mo_state,
            })
          : null,
      effect: async (tm, wo) => {
        const done = new Decimal(wo.good_qty).plus(wo.reject_qty);
        if (done.plus(good).gt(wo.input_qty))
          throw validationFailed(
            `The ${wo.department} work order of ${wo.batch_number} received ${new Decimal(wo.input_qty).toNumber()}; only ${new Decimal(wo.input_qty).minus(done).toNumber()} more can come back`,
            [{ field: 'lines', messages: ['more than the work order received'] }],
          );
        const share = Decimal.min(1, done.plus(good).div(wo.target_qty));
        const consumed: Array<{ id: string; quantity: string }> = [];
        for (const mm of await lockMaterials(tm, wo.mo_id, wo.department)) {
          const step = Decimal.min(
            consumptionStep(mm.quantity, share, mm.consumed_qty, mm.uom),
            available.get(mm.product_id) ?? 0,
          );
          if (step.lte(0)) continue;
          consumed.push({ id: mm.id, quantity: step.toFixed(4) });
          used.push({ productId: mm.product_id, quantity: step.toFixed(4) });
        }
        await addConsumed(tm, consumed);
        await insertOutput(tm, {
          workOrderId: wo.id,
          good: good.toFixed(4),
          reject: '0',
          reason: null,
          recordedById: principal.userId,
        });
        return {
          goodQuantity: good.toFixed(4),
          rejectedQuantity: '0',
          ended: done.plus(good).gte(wo.target_qty),
        };
      },
      to: (_wo, c) => (c.ended ? 'DONE' : 'IN_PROGRESS'),
    });
    return used;
  }
}
