import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { auditTrail } from '../../../core/audit/audit.trail.js';
import { AuditWriter } from '../../../core/audit/audit.writer.js';
import type { Principal } from '../../../core/context/request-context.js';
import { nextDocumentNumber } from '../../../core/database/document-numbers.js';
import { escapeLike } from '../../../core/database/like.js';
import { People } from '../../../core/database/people.js';
import { Transactions } from '../../../core/database/transactions.js';
import { AppError, notFound } from '../../../core/errors/app-error.js';
import { EventPublisher } from '../../../core/events/event-publisher.js';
import { BomExplosionService } from '../../bom/bom-explosion.service.js';
import { SalesFacts } from '../../sales/sales.facts.js';
import { Stock } from '../../warehouse/index.js';
import type {
  CreateMoRequest,
  MoDetailResponse,
  MoPage,
  MoQuery,
  MoResponse,
  TimelineEntry,
  WorkOrderResponse,
} from '../dto/mo.dto.js';
import {
  countMos,
  insertMo,
  LATE_FILTER,
  type MoRow,
  selectMaterials,
  selectMos,
  selectWorkOrders,
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
    if (body.salesOrderLineId && !(await new SalesFacts().linesByIds(m, [body.salesOrderLineId])).size)
      throw notFound('sales order line', body.salesOrderLineId);
    const row = await insertMo(m, {
      batchNumber: await nextDocumentNumber(m, 'MO', 3),
      productId: body.productId,
      qtyPlanned: body.qtyPlanned,
      route: body.route,
      dueDate: body.dueDate ?? null,
      week: body.week ?? null,
      destination: body.destination ?? null,
      notes: body.notes ?? null,
      createdById: principal.userId,
      salesOrderLineId: body.salesOrderLineId ?? null,
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

  async list(q: MoQuery, principal: Principal): Promise<MoPage> {
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
    const m = this.dataSource.manager;
    const filter = where.join(' and ');
    const [rows, total] = await Promise.all([
      selectMos(
        m,
        filter,
        [...params, q.limit, q.skip],
        `order by mo.created_at desc, mo.batch_number desc limit $${params.length + 1} offset $${params.length + 2}`,
      ),
      countMos(m, filter, params),
    ]);
    return { items: await this.toMos(rows, principal), total, skip: q.skip, limit: q.limit };
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
    const reserved = await this.stock.reservedFor(
      'work_order',
      workOrders.map((w) => w.id),
    );
    const reservedOf = (productId: string) =>
      reserved.filter((r) => r.productId === productId).reduce((s, r) => s + r.quantity.toNumber(), 0);
    const who = await this.people.lookup(trail.map((e) => e.actorId));
    return {
      ...mo,
      workOrders,
      materials: materials.map((r) => ({
        productId: r.product_id,
        code: r.code,
        name: r.name,
        department: r.department,
        quantity: Number(r.quantity),
        consumedQty: Number(r.consumed_qty),
        reservedQty: Math.round(reservedOf(r.product_id) * 10_000) / 10_000,
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

const noteOf = (after: Record<string, unknown> | null): string | null => {
  const note = after?.approveNotes ?? after?.startNotes ?? after?.qualityNotes ?? after?.cancelReason;
  return typeof note === 'string' ? note : null;
};
