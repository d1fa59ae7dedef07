import { Injectable } from '@nestjs/common';
import {
  DEFAULT_AQL,
  samplingPlan,
  weightSummary,
  type InspectionVerdict,
  type LotQualityStatus,
  type SamplingPlan,
} from '@kapok/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import type { Principal } from '../../core/context/request-context.js';
import { People } from '../../core/database/people.js';
import { Transactions } from '../../core/database/transactions.js';
import { AppError, notFound, validationFailed } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import {
  checkedWorkOrders,
  type CheckedWorkOrderRow,
  lockCheckedWorkOrder,
  scrapDetectedPieces,
} from '../ppic/production/quality-checks.facts.js';
import { Locations, type PostingOp, PostingService } from '../warehouse/index.js';
import {
  lockLotQuality,
  lotBalances,
  lotsQuality,
  lotsWithStatus,
  type LotQualityRow,
  qualityProducts,
} from '../warehouse/lots/lot-quality.facts.js';
import type {
  CreateInspectionRequest,
  InspectionPage,
  InspectionQuery,
  InspectionResponse,
  QualityLotList,
  QualityLotResponse,
} from './dto/quality.dto.js';
import { LotDecisions } from './lot-decisions.js';
import {
  inspectionById,
  type InspectionRow,
  insertInspection,
  insertQualityAlert,
  metalDetected,
  type NewInspection,
  selectInspections,
} from './quality.sql.js';

const num = (v: string | null): number | null => (v === null ? null : Number(v));

/** Inspections of lots (incoming) and of work orders (metal, weight, inline), each one command. */
@Injectable()
export class InspectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly decisions: LotDecisions,
    private readonly posting: PostingService,
    private readonly locations: Locations,
    private readonly people: People,
    private readonly events: EventPublisher,
    private readonly audit: AuditWriter,
  ) {}

  plan(lotSize: number, aql = DEFAULT_AQL): SamplingPlan {
    return samplingPlan(lotSize, aql);
  }

  async list(q: InspectionQuery): Promise<InspectionPage> {
    const { rows, total } = await selectInspections(this.dataSource.manager, q);
    return { items: await this.toResponses(rows), total, skip: q.skip, limit: q.limit };
  }

  async get(id: string): Promise<InspectionResponse> {
    const row = await inspectionById(this.dataSource.manager, id);
    if (!row) throw notFound('inspection', id);
    return (await this.toResponses([row]))[0];
  }

  /** Lots QC looks at: by default those waiting in quarantine, with their incoming plan. */
  async lots(statuses: LotQualityStatus[] = ['QUARANTINE']): Promise<QualityLotList> {
    const rows = await lotsWithStatus(this.dataSource.manager, statuses);
    const items = rows.map(toQualityLot);
    return { items, total: items.length };
  }

  async create(body: CreateInspectionRequest, principal: Principal): Promise<InspectionResponse> {
    const row = await this.tx.run(async (m) => {
      switch (body.type) {
        case 'INCOMING':
          return this.incoming(m, body, principal);
        case 'METAL_DETECTION':
          return this.metal(m, body, principal);
        case 'STUFFING_WEIGHT':
          return this.weight(m, body, principal);
        case 'INLINE':
          return this.inline(m, body, principal);
      }
    });
    return (await this.toResponses([row]))[0];
  }

  /** ISO 2859-1 on a quarantined lot: defects ≤ accept releases it, ≥ reject rejects it. */
  private async incoming(
    m: EntityManager,
    body: CreateInspectionRequest,
    principal: Principal,
  ): Promise<InspectionRow> {
    if (!body.lotId) throw required('lotId', 'an incoming inspection is of a lot');
    if (body.defects === undefined) throw required('defects', 'say how many defective pieces the sample had');
    const lot = await lockLotQuality(m, body.lotId);
    if (!lot) throw notFound('lot', body.lotId);
    const plan = planOf(lot, body.aql ?? DEFAULT_AQL);
    if (!plan)
      throw new AppError(409, 'INVALID_STATE', `Lot ${lot.lot_number} has no stock to inspect`, {
        currentState: lot.quality_status,
      });
    if (body.defects > plan.sampleSize)
      throw validationFailed(
        `The sample has ${plan.sampleSize} pieces; ${body.defects} cannot be defective`,
        [{ field: 'defects', messages: [`at most the sample size ${plan.sampleSize}`] }],
      );
    const verdict: InspectionVerdict = body.defects <= plan.accept ? 'PASSED' : 'FAILED';
    const row = await insertInspection(m, {
      type: 'INCOMING',
      lotId: lot.id,
      productId: lot.product_id,
      inspectorId: principal.userId,
      plan: { ...plan },
      sampleSize: plan.sampleSize,
      defects: body.defects,
      verdict,
      notes: body.notes ?? null,
    });
    await this.decisions.apply(m, verdict === 'PASSED' ? 'accept' : 'reject', lot.id, principal, {
      inspectionId: row.id,
      defects: body.defects,
      accept: plan.accept,
      reject: plan.reject,
    });
    await this.events.publish(m, 'quality_inspection.recorded', [row.id]);
    return row;
  }

  /**
   * The SOP's critical point: every stuffed toy through the detector before it is recorded as output.
   * Passed pieces cap the work order's good output; failed pieces become rejects, go to LOSS as scrap
   * (METAL_DETECTED) and open a CRITICAL alert for QC and the finishing supervisor.
   */
  private async metal(
    m: EntityManager,
    body: CreateInspectionRequest,
    principal: Principal,
  ): Promise<InspectionRow> {
    const wo = await this.finishing(m, body);
    if (body.passedQuantity === undefined || body.failedQuantity === undefined)
      throw required('passedQuantity', 'give the pieces passed and failed');
    const pieces = body.passedQuantity + body.failedQuantity;
    if (pieces === 0) throw required('passedQuantity', 'at least one piece went through the detector');
    if (wo.state !== 'IN_PROGRESS')
      throw new AppError(
        409,
        'INVALID_STATE',
        `The finishing work order of ${wo.batch_number} is ${wo.state}`,
        {
          currentState: wo.state,
          allowedFrom: ['IN_PROGRESS'],
        },
      );
    const done = await metalDetected(m, wo.id);
    // Pieces the line has received that have neither passed the detector nor been rejected.
    const waiting = Number(wo.input_qty) - Number(wo.reject_qty) - done.passed;
    if (pieces > waiting)
      throw validationFailed(
        `Only ${Math.max(waiting, 0)} pieces of ${wo.batch_number} are waiting for the metal detector`,
        [{ field: 'passedQuantity', messages: ['more than the pieces waiting for detection'] }],
      );
    // A failed piece is not output: it must not be one already recorded as good.
    const unrecorded = Number(wo.input_qty) - Number(wo.reject_qty) - Number(wo.good_qty);
    if (body.failedQuantity > unrecorded)
      throw validationFailed(
        `Only ${Math.max(unrecorded, 0)} pieces of ${wo.batch_number} are not recorded as good output yet`,
        [{ field: 'failedQuantity', messages: ['more than the pieces not yet recorded as output'] }],
      );
    const failed = body.failedQuantity;
    if (failed > 0) await scrapDetectedPieces(m, this.posting, this.locations, wo, failed);
    const row = await insertInspection(m, {
      type: 'METAL_DETECTION',
      workOrderId: wo.id,
      productId: wo.product_id,
      inspectorId: principal.userId,
      sampleSize: pieces,
      passedQuantity: body.passedQuantity,
      failedQuantity: failed,
      verdict: failed > 0 ? 'FAILED' : 'PASSED',
      notes: body.notes ?? null,
    });
    await this.events.publish(m, 'quality_inspection.recorded', [row.id]);
    if (failed > 0) {
      const alertId = await insertQualityAlert(m, {
        reason: 'METAL_DETECTED',
        inspectionId: row.id,
        workOrderId: wo.id,
        productId: wo.product_id,
        reference: wo.batch_number,
        pieces: failed,
      });
      await this.audit.record(m, {
        action: 'quality_alert.opened',
        entityType: 'quality_alert',
        entityId: alertId,
        after: { level: 'CRITICAL', reason: 'METAL_DETECTED', batchNumber: wo.batch_number, pieces: failed },
      });
      await this.events.publish(m, 'quality_alert.opened', [alertId]);
      await this.events.publish(m, 'work_order.updated', [wo.id]);
    }
    return row;
  }

  private async weight(
    m: EntityManager,
    body: CreateInspectionRequest,
    principal: Principal,
  ): Promise<InspectionRow> {
    const wo = await this.finishing(m, body);
    if (!body.weights?.length) throw required('weights', 'give the weights of the sampled toys');
    const product = (await qualityProducts(m, [wo.product_id])).get(wo.product_id);
    if (!product?.standard_weight_grams || product.weight_tolerance_grams === null)
      throw new AppError(
        409,
        'NO_STANDARD_WEIGHT',
        `${product?.code ?? 'The article'} has no standard weight and tolerance yet`,
      );
    const standard = Number(product.standard_weight_grams);
    const tolerance = Number(product.weight_tolerance_grams);
    const s = weightSummary(body.weights, standard, tolerance);
    const row = await insertInspection(m, {
      type: 'STUFFING_WEIGHT',
      workOrderId: wo.id,
      productId: wo.product_id,
      inspectorId: principal.userId,
      sampleSize: s.count,
      weights: body.weights,
      standardGrams: standard,
      toleranceGrams: tolerance,
      meanGrams: s.meanGrams,
      minGrams: s.minGrams,
      maxGrams: s.maxGrams,
      outOfTolerance: s.outOfTolerance,
      verdict: s.passed ? 'PASSED' : 'FAILED',
      notes: body.notes ?? null,
    });
    await this.events.publish(m, 'quality_inspection.recorded', [row.id]);
    return row;
  }

  private async inline(
    m: EntityManager,
    body: CreateInspectionRequest,
    principal: Principal,
  ): Promise<InspectionRow> {
    if (!body.workOrderId) throw required('workOrderId', 'an inline inspection is of a work order');
    const wo = await lockCheckedWorkOrder(m, body.workOrderId);
    if (!wo) throw notFound('work order', body.workOrderId);
    if (!body.sampleSize) throw required('sampleSize', 'say how many pieces were looked at');
    const byCode: Record<string, number> = {};
    for (const d of body.defectsByCode ?? []) {
      if (byCode[d.code] !== undefined)
        throw validationFailed(`${d.code} is listed twice`, [
          { field: 'defectsByCode', messages: ['duplicate code'] },
        ]);
      byCode[d.code] = d.quantity;
    }
    const defects = Object.values(byCode).reduce((s, q) => s + q, 0);
    const row = await insertInspection(m, {
      type: 'INLINE',
      workOrderId: wo.id,
      productId: wo.product_id,
      inspectorId: principal.userId,
      sampleSize: body.sampleSize,
      defects,
      defectsByCode: byCode,
      verdict: defects === 0 ? 'PASSED' : 'FAILED',
      notes: body.notes ?? null,
    });
    await this.events.publish(m, 'quality_inspection.recorded', [row.id]);
    return row;
  }

  private async finishing(m: EntityManager, body: CreateInspectionRequest): Promise<CheckedWorkOrderRow> {
    if (!body.workOrderId) throw required('workOrderId', `a ${body.type} inspection is of a work order`);
    const wo = await lockCheckedWorkOrder(m, body.workOrderId);
    if (!wo) throw notFound('work order', body.workOrderId);
    if (wo.department !== 'FINISHING')
      throw new AppError(
        422,
        'NOT_FINISHING',
        `The ${wo.department} work order of ${wo.batch_number} is not finishing`,
      );
    return wo;
  }

  /** Finishing work orders of running orders, for the station's metal and weight entry. */
  finishingWorkOrders(): Promise<CheckedWorkOrderRow[]> {
    return checkedWorkOrders(this.dataSource.manager, 'FINISHING');
  }

  /** A rejected lot goes back: all its stock moves to the SUPPLIER location. */
  async returnToSupplier(lotId: string, note: string | undefined): Promise<QualityLotResponse> {
    await this.tx.run(async (m) => {
      const lot = await lockLotQuality(m, lotId);
      if (!lot) throw notFound('lot', lotId);
      if (lot.quality_status !== 'REJECTED')
        throw new AppError(
          409,
          'INVALID_STATE',
          `Lot ${lot.lot_number} is ${lot.quality_status}; only a rejected lot goes back`,
          {
            currentState: lot.quality_status,
            allowedFrom: ['REJECTED'],
          },
        );
      const supplier = await this.locations.virtual('SUPPLIER', m);
      const ops: PostingOp[] = (await lotBalances(m, lot.id)).map((b) => ({
        kind: 'move',
        type: 'ISSUE',
        productId: b.product_id,
        fromLocationId: b.location_id,
        toLocationId: supplier,
        lotId: lot.id,
        quantity: b.on_hand,
        note: note ?? `Returned to the supplier: lot ${lot.lot_number} rejected by incoming inspection`,
      }));
      if (ops.length === 0)
        throw new AppError(409, 'INVALID_STATE', `Lot ${lot.lot_number} has no stock left to return`, {
          currentState: lot.quality_status,
        });
      await this.posting.post(m, ops, { reference: lot.lot_number, document: { type: 'lot', id: lot.id } });
    });
    const [lot] = await lotsQuality(this.dataSource.manager, [lotId]);
    return toQualityLot(lot);
  }

  private async toResponses(rows: InspectionRow[]): Promise<InspectionResponse[]> {
    const who = await this.people.lookup(rows.map((r) => r.inspector_id));
    const lotIds = [...new Set(rows.map((r) => r.lot_id).filter((l): l is string => !!l))];
    const lots = new Map(
      (await lotsQuality(this.dataSource.manager, lotIds)).map((l) => [l.id, l.quality_status]),
    );
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      lotId: r.lot_id,
      workOrderId: r.work_order_id,
      productId: r.product_id,
      inspectorId: r.inspector_id,
      inspectorName: who(r.inspector_id)?.fullName ?? null,
      inspectedAt: r.inspected_at.toISOString(),
      plan: (r.plan as unknown as SamplingPlan | null) ?? null,
      sampleSize: r.sample_size,
      defects: r.defects,
      defectsByCode: Object.entries(r.defects_by_code ?? {}).map(([code, quantity]) => ({
        code: code as InspectionResponse['defectsByCode'][number]['code'],
        quantity,
      })),
      passedQuantity: r.passed_qty,
      failedQuantity: r.failed_qty,
      weights: r.weights ?? [],
      standardGrams: num(r.standard_grams),
      toleranceGrams: num(r.tolerance_grams),
      meanGrams: num(r.mean_grams),
      minGrams: num(r.min_grams),
      maxGrams: num(r.max_grams),
      outOfTolerance: r.out_of_tolerance,
      verdict: r.verdict,
      notes: r.notes,
      lotStatus: r.lot_id ? (lots.get(r.lot_id) ?? null) : null,
    }));
  }
}

const required = (field: string, why: string) =>
  validationFailed(`${field} is required: ${why}`, [{ field, messages: ['required'] }]);

/** The incoming plan of a lot: its on-hand quantity counted in whole pieces (rolls, metres, bags). */
function planOf(lot: LotQualityRow, aql: number): SamplingPlan | null {
  const size = Math.ceil(Number(lot.on_hand));
  return size >= 1 ? samplingPlan(size, aql) : null;
}

export function toQualityLot(l: LotQualityRow): QualityLotResponse {
  return {
    id: l.id,
    lotNumber: l.lot_number,
    productId: l.product_id,
    productCode: l.product_code,
    productName: l.product_name,
    productType: l.product_type,
    uom: l.uom,
    receivedAt: new Date(l.received_at).toISOString(),
    qualityStatus: l.quality_status,
    onHand: Number(l.on_hand),
    samplingPlan: planOf(l, DEFAULT_AQL),
  };
}

export type { NewInspection };
