import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../../core/audit/audit.writer.js';
import type { Principal } from '../../../core/context/request-context.js';
import { nextDocumentNumber } from '../../../core/database/document-numbers.js';
import type { SqlRow } from '../../../core/database/sql-row.js';
import { Transactions } from '../../../core/database/transactions.js';
import { AppError, notFound } from '../../../core/errors/app-error.js';
import { EventPublisher } from '../../../core/events/event-publisher.js';
import { escapeLike } from '../../admin/users.service.js';
import type {
  CreateMoRequest,
  MoDetailResponse,
  MoPage,
  MoQuery,
  MoResponse,
  TimelineEntry,
} from '../dto/mo.dto.js';
import { actors, loadMos, loadWorkOrders } from './mo.read.js';

/** Manufacturing orders: create, list, detail. Transitions are in MoTransitions. */
@Injectable()
export class MoService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  async create(body: CreateMoRequest, principal: Principal): Promise<MoResponse> {
    return this.tx.run((m) => this.createIn(m, body, principal));
  }

  /** Creates a DRAFT MO in the caller's transaction (MRP release creates several in one). */
  async createIn(m: EntityManager, body: CreateMoRequest, principal: Principal): Promise<MoResponse> {
    const [product] = await m.query('select id, code, type from products where id = $1', [body.productId]);
    if (!product) throw notFound('product', body.productId);
    if (product.type !== 'WIP' && product.type !== 'FINISHED_GOOD') {
      throw new AppError(
        422,
        'VALIDATION_FAILED',
        `${product.code} is ${product.type}; only WIP and finished goods are manufactured`,
        [{ field: 'productId', messages: ['must be WIP or FINISHED_GOOD'] }],
      );
    }
    const [bom] = await m.query(
      'select id from boms where product_id = $1 and active and deleted_at is null',
      [body.productId],
    );
    if (!bom) {
      throw new AppError(422, 'NO_ACTIVE_BOM', `${product.code} has no active bill of materials`, [
        { field: 'productId', messages: ['no active BOM'] },
      ]);
    }
    const batchNumber = await nextDocumentNumber(m, 'MO', 3);
    const [{ id }] = await m.query(
      `insert into manufacturing_orders (batch_number, product_id, qty_planned, route, due_date, week, destination, notes, state, created_by_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, 'DRAFT', $9) returning id`,
      [
        batchNumber,
        body.productId,
        body.qtyPlanned,
        body.route,
        body.dueDate ?? null,
        body.week ?? null,
        body.destination ?? null,
        body.notes ?? null,
        principal.userId,
      ],
    );
    const [mo] = await loadMos(m, 'mo.id = $1', [id], principal);
    await this.audit.record(m, {
      action: 'manufacturing_order.created',
      entityType: 'manufacturing_order',
      entityId: id,
      after: mo,
    });
    await this.events.publish(m, 'mo.created', [id]);
    return mo;
  }

  async list(q: MoQuery, principal: Principal): Promise<MoPage> {
    const where: string[] = ['true'];
    const params: unknown[] = [];
    if (q.state) where.push(`mo.state = $${params.push(q.state)}`);
    if (q.productId) where.push(`mo.product_id = $${params.push(q.productId)}`);
    if (q.route) where.push(`mo.route = $${params.push(q.route)}`);
    if (q.late)
      where.push(
        `mo.due_date < (now() at time zone 'Asia/Jakarta')::date and mo.state in ('DRAFT', 'APPROVED', 'IN_PROGRESS')`,
      );
    if (q.search) {
      const s = `%${escapeLike(q.search)}%`;
      where.push(
        `(mo.batch_number ilike $${params.push(s)} or p.code ilike $${params.length} or p.name ilike $${params.length} or mo.week ilike $${params.length} or mo.destination ilike $${params.length})`,
      );
    }
    const filter = where.join(' and ');
    const [items, [{ n }]] = await Promise.all([
      loadMos(
        this.dataSource.manager,
        filter,
        [...params, q.limit, q.skip],
        principal,
        `order by mo.created_at desc, mo.batch_number desc limit $${params.length + 1} offset $${params.length + 2}`,
      ),
      this.dataSource.query(
        `select count(*)::int as n from manufacturing_orders mo join products p on p.id = mo.product_id where ${filter}`,
        params,
      ),
    ]);
    return { items, total: n, skip: q.skip, limit: q.limit };
  }

  async detail(id: string, principal: Principal): Promise<MoDetailResponse> {
    const m = this.dataSource.manager;
    const [mo] = await loadMos(m, 'mo.id = $1', [id], principal);
    if (!mo) throw notFound('manufacturing order', id);
    const [workOrders, materials] = await Promise.all([
      loadWorkOrders(m, 'wo.mo_id = $1', [id], principal),
      m.query(
        `select mm.product_id, p.code, p.name, p.uom, mm.department, mm.quantity, mm.consumed_qty,
                coalesce((select sum(r.open_quantity) from stock_reservations r join work_orders wo on wo.id = r.document_id
                           where r.document_type = 'work_order' and wo.mo_id = mm.mo_id and r.product_id = mm.product_id and r.status = 'OPEN'), 0) as reserved
           from mo_materials mm join products p on p.id = mm.product_id
          where mm.mo_id = $1
          order by array_position(array['CUTTING','EMBROIDERY','SUBCON','SEWING','FINISHING','PACKING']::department[], mm.department), p.code`,
        [id],
      ) as Promise<SqlRow[]>,
    ]);
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
        reservedQty: Number(r.reserved),
        uom: r.uom,
      })),
      timeline: await this.timeline(id),
    };
  }

  /** Who did what when, from the audit log of the order. */
  private async timeline(id: string): Promise<TimelineEntry[]> {
    const rows: SqlRow[] = await this.dataSource.query(
      `select action, at, actor_id, after from audit_log where entity_type = 'manufacturing_order' and entity_id = $1 order by at, id`,
      [id],
    );
    const who = await actors(this.dataSource.manager, rows, ['actor_id']);
    return rows.map((r) => ({
      event: String(r.action).replace('manufacturing_order.', ''),
      at: new Date(r.at).toISOString(),
      actor: who(r.actor_id),
      notes:
        r.after?.approveNotes ??
        r.after?.startNotes ??
        r.after?.qualityNotes ??
        r.after?.cancelReason ??
        null,
    }));
  }
}
