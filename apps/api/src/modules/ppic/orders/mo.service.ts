import { Injectable } from '@nestjs/common';
import { MO_EDITABLE_STATES } from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { auditTrail } from '../../../core/audit/audit.trail.js';
import { AuditWriter } from '../../../core/audit/audit.writer.js';
import type { Principal } from '../../../core/context/request-context.js';
import { nextDocumentNumber } from '../../../core/database/document-numbers.js';
import { escapeLike } from '../../../core/database/like.js';
import { People } from '../../../core/database/people.js';
import { Transactions } from '../../../core/database/transactions.js';
import { AppError, notFound, staleVersion } from '../../../core/errors/app-error.js';
import { EventPublisher } from '../../../core/events/event-publisher.js';
import { type CsvColumn, type CsvExport, fieldColumns } from '../../../core/http/csv.js';
import { syncClauses } from '../../../core/http/list-sync.js';
import type { PersonRef } from '../../../core/http/refs.dto.js';
import { BomExplosionService } from '../../bom/bom-explosion.service.js';
import { SalesFacts } from '../../sales/sales.facts.js';
import { refuseFractionsOfProducts, Stock } from '../../warehouse/index.js';
import type {
  CreateMoRequest,
  MoDetailResponse,
  MoPage,
  MoQuery,
  MoResponse,
  TimelineEntry,
  UpdateMoRequest,
  WorkOrderResponse,
} from '../dto/mo.dto.js';
import {
  countMos,
  type DraftFields,
  insertMo,
  lockMo,
  type MaterialView,
  LATE_FILTER,
  MO_SYNC,
  moSql,
  type MoRow,
  selectMaterials,
  selectMos,
  selectWorkOrders,
  updateDraft,
  type WorkOrderRow,
} from '../ppic.sql.js';
import { MO_ACTOR_COLUMNS, toMo, toWorkOrder } from './mo.read.js';

/** Manufacturing orders: create, list, detail. Transitions are in MoTransitions. */
@Injectable()
export class MoService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly boms: BomExplosionService,
    private readonly stock: Stock,
    private readonly people: People,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  async create(body: CreateMoRequest, principal: Principal): Promise<MoResponse> {
    return this.tx.run((m) => this.createIn(m, body, principal));
  }

  /** Creates a DRAFT MO in the caller's transaction (MRP release creates several in one). */
  async createIn(m: EntityManager, body: CreateMoRequest, principal: Principal): Promise<MoResponse> {
    await this.checkPlan(m, body);
    const row = await insertMo(m, {
      batchNumber: await nextDocumentNumber(m, 'MO', 3),
      ...draftFields(body),
      createdById: principal.userId,
    });
    const [mo] = await this.toMos([row], principal, m);
    await this.audit.record(m, {
      action: 'manufacturing_order.created',
      entityType: 'manufacturing_order',
      entityId: row.id,
      after: mo,
    });
    await this.events.publish(m, 'manufacturing_order.created', [row.id]);
    return mo;
  }

  /** Rewrites a draft's plan (PUT): only a DRAFT, only at the version the planner read. */
  async update(id: string, body: UpdateMoRequest, principal: Principal): Promise<MoResponse> {
    return this.tx.run(async (m) => {
      const current = await lockMo(m, id);
      if (!current) throw notFound('manufacturing order', id);
      if (!MO_EDITABLE_STATES.includes(current.state))
        throw new AppError(
          409,
          'INVALID_STATE',
          `${current.batch_number} is ${current.state}; only a draft can be edited`,
          { currentState: current.state, allowedFrom: MO_EDITABLE_STATES },
        );
      if (current.version !== body.version) throw staleVersion('manufacturing order', current.version);
      await this.checkPlan(m, body);
      const row = await updateDraft(m, id, draftFields(body));
      const [before, after] = await this.toMos([current, row], principal, m);
      await this.audit.record(m, {
        action: 'manufacturing_order.updated',
        entityType: 'manufacturing_order',
        entityId: id,
        before: editable(before),
        after: editable(after),
      });
      await this.events.publish(m, 'manufacturing_order.updated', [id]);
      return after;
    });
  }

  /** What a plan must be: a WIP or finished good with an active BOM, pegged to a line that exists. */
  private async checkPlan(m: EntityManager, body: CreateMoRequest): Promise<void> {
    const [product]: Array<{ code: string; type: string }> = await m.query(
      'select code, type from products where id = $1',
      [body.productId],
    );
    if (!product) throw notFound('product', body.productId);
    if (product.type !== 'WIP' && product.type !== 'FINISHED_GOOD') {
      throw new AppError(
        422,
        'VALIDATION_FAILED',
        `${product.code} is ${product.type}; only WIP and finished goods are manufactured`,
        [{ field: 'productId', messages: ['must be WIP or FINISHED_GOOD'] }],
      );
    }
    if (!(await this.boms.activeBom(body.productId, m))) {
      throw new AppError(422, 'NO_ACTIVE_BOM', `${product.code} has no active bill of materials`, [
        { field: 'productId', messages: ['no active BOM'] },
      ]);
    }
    await refuseFractionsOfProducts(m, [
      { field: 'plannedQuantity', quantity: body.plannedQuantity, productId: body.productId },
    ]);
    if (body.salesOrderLineId && !(await new SalesFacts().linesByIds(m, [body.salesOrderLineId])).size)
      throw notFound('sales order line', body.salesOrderLineId);
  }

  async list(q: MoQuery, principal: Principal): Promise<MoPage> {
    const { filter, params, order } = moFilter(q);
    const m = this.dataSource.manager;
    const [rows, total] = await Promise.all([
      selectMos(
        m,
        filter,
        [...params, q.limit, q.skip],
        `${order} limit $${params.length + 1} offset $${params.length + 2}`,
      ),
      countMos(m, filter, params),
    ]);
    return { items: await this.toMos(rows, principal), total, skip: q.skip, limit: q.limit };
  }

  /** The same list as CSV, every order of the filter, streamed; people looked up per batch. */
  exportCsv(q: MoQuery, principal: Principal): CsvExport<MoRow, MoResponse> {
    const { filter, params, order } = moFilter(q);
    return {
      sql: moSql(filter, order),
      params,
      map: (rows) => this.toMos(rows, principal),
      columns: MO_CSV_COLUMNS,
      filename: 'manufacturing-orders.csv',
    };
  }

  async get(
    id: string,
    principal: Principal,
    m: EntityManager = this.dataSource.manager,
  ): Promise<MoResponse> {
    const [row] = await selectMos(m, 'mo.id = $1', [id]);
    if (!row) throw notFound('manufacturing order', id);
    return (await this.toMos([row], principal, m))[0];
  }

  async detail(id: string, principal: Principal): Promise<MoDetailResponse> {
    const m = this.dataSource.manager;
    const [mo, workOrders, materials, trail] = await Promise.all([
      this.get(id, principal),
      selectWorkOrders(m, 'wo.mo_id = $1', [id]).then((rows) => this.toWorkOrders(rows, principal)),
      selectMaterials(m, id),
      auditTrail(m, 'manufacturing_order', id),
    ]);
    const line = mo.salesOrderLineId
      ? (await new SalesFacts().linesByIds(m, [mo.salesOrderLineId])).get(mo.salesOrderLineId)
      : undefined;
    const reserved = await this.stock.reservedFor(
      'work_order',
      workOrders.map((w) => w.id),
    );
    const reservedOf = (productId: string) =>
      reserved.filter((r) => r.productId === productId).reduce((s, r) => s + r.quantity.toNumber(), 0);
    const check = mo.state === 'APPROVED' ? await this.materialCheck(materials) : null;
    const who = await this.people.lookup(trail.map((e) => e.actorId));
    return {
      ...mo,
      salesOrderLine: line
        ? {
            id: line.id,
            salesOrderId: line.salesOrderId,
            salesOrderNumber: line.soNumber,
            lineNo: line.lineNo,
            quantity: line.quantity,
            deliveryWeek: line.deliveryWeek,
            destination: line.destination,
            exFactoryDate: line.exFactoryDate,
          }
        : null,
      workOrders,
      materials: materials.map((r) => ({
        productId: r.product_id,
        code: r.code,
        name: r.name,
        department: r.department,
        quantity: Number(r.quantity),
        consumedQuantity: Number(r.consumed_qty),
        reservedQuantity: Math.round(reservedOf(r.product_id) * 10_000) / 10_000,
        available: check ? check.get(r.id)!.available : null,
        shortage: check ? check.get(r.id)!.shortage : null,
        uom: r.uom,
      })),
      timeline: trail.map((e): TimelineEntry => ({
        event: e.action.replace('manufacturing_order.', ''),
        at: new Date(e.at).toISOString(),
        actor: who(e.actorId),
        notes: noteOf(e.after),
      })),
    };
  }

  /**
   * The material check of an approved order: free warehouse stock against what is still to use, per
   * material row. A product used by two departments draws on one pool, the route's first department first.
   */
  private async materialCheck(
    materials: readonly MaterialView[],
  ): Promise<Map<string, { available: number; shortage: number }>> {
    const free = await this.stock.freeInWarehouse(materials.map((r) => r.product_id));
    const left = new Map([...free].map(([id, q]) => [id, Decimal.max(q, 0)]));
    const result = new Map<string, { available: number; shortage: number }>();
    for (const r of materials) {
      const pool = left.get(r.product_id) ?? new Decimal(0);
      const need = Decimal.max(new Decimal(r.quantity).minus(r.consumed_qty), 0);
      const short = Decimal.max(need.minus(pool), 0);
      left.set(r.product_id, Decimal.max(pool.minus(need), 0));
      result.set(r.id, {
        available: (free.get(r.product_id) ?? new Decimal(0)).toNumber(),
        shortage: short.toNumber(),
      });
    }
    return result;
  }

  async toMos(rows: MoRow[], principal: Principal | undefined, m?: EntityManager): Promise<MoResponse[]> {
    const who = await this.people.lookup(
      rows.flatMap((r) => MO_ACTOR_COLUMNS.map((c) => r[c])),
      m,
    );
    return rows.map((r) => toMo(r, who, principal));
  }

  async toWorkOrders(
    rows: WorkOrderRow[],
    principal: Principal | undefined,
    m?: EntityManager,
  ): Promise<WorkOrderResponse[]> {
    const who = await this.people.lookup(
      rows.map((r) => r.operator_id),
      m,
    );
    return rows.map((r) => toWorkOrder(r, who, principal));
  }
}

function moFilter(q: MoQuery): { filter: string; params: unknown[]; order: string } {
  const where: string[] = ['true'];
  const params: unknown[] = [];
  if (q.state) where.push(`mo.state = $${params.push(q.state)}`);
  if (q.productId) where.push(`mo.product_id = $${params.push(q.productId)}`);
  if (q.route) where.push(`mo.route = $${params.push(q.route)}`);
  if (q.late) where.push(LATE_FILTER);
  if (q.search) {
    const s = `%${escapeLike(q.search)}%`;
    where.push(
      `(mo.batch_number ilike $${params.push(s)} or p.code ilike $${params.length} or p.name ilike $${params.length} or mo.week ilike $${params.length} or mo.destination ilike $${params.length})`,
    );
  }
  const order = syncClauses(q, MO_SYNC, where, params);
  return { filter: where.join(' and '), params, order };
}

const person = (p: PersonRef | null) => p?.username;

/** Columns of the MO export: the list's fields, people by username. */
const MO_CSV_COLUMNS: ReadonlyArray<CsvColumn<MoResponse>> = [
  ...fieldColumns<MoResponse>(
    'id',
    'batchNumber',
    'productCode',
    'productName',
    'plannedQuantity',
    'uom',
    'route',
    'state',
    'dueDate',
    'week',
    'destination',
    'late',
    'producedQuantity',
    'variancePercent',
    'bomRevision',
    'notes',
  ),
  { header: 'createdBy', value: (mo) => person(mo.createdBy) },
  { header: 'approvedBy', value: (mo) => person(mo.approvedBy) },
  ...fieldColumns<MoResponse>('approvedAt', 'startedAt', 'completedAt', 'cancelledAt', 'cancelReason'),
  ...fieldColumns<MoResponse>('version', 'createdAt', 'updatedAt'),
];

const draftFields = (body: CreateMoRequest): DraftFields => ({
  productId: body.productId,
  plannedQuantity: body.plannedQuantity,
  route: body.route,
  dueDate: body.dueDate ?? null,
  week: body.week ?? null,
  destination: body.destination ?? null,
  notes: body.notes ?? null,
  salesOrderLineId: body.salesOrderLineId ?? null,
});

/** The fields an edit may change, as the audit row keeps them. */
const editable = (mo: MoResponse) => ({
  productCode: mo.productCode,
  plannedQuantity: mo.plannedQuantity,
  route: mo.route,
  dueDate: mo.dueDate,
  week: mo.week,
  destination: mo.destination,
  notes: mo.notes,
  salesOrderLineId: mo.salesOrderLineId,
});

const noteOf = (after: Record<string, unknown> | null): string | null => {
  const note =
    after?.returnReason ??
    after?.approveNotes ??
    after?.startNotes ??
    after?.qualityNotes ??
    after?.cancelReason ??
    // shop-floor control's entries (line blocks, segregation) carry `notes`
    after?.notes;
  return typeof note === 'string' ? note : null;
};
