import { Injectable } from '@nestjs/common';
import { MRP_DEFAULT_HORIZON_WEEKS } from '@kapok/contracts';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../../../core/audit/audit.writer.js';
import type { Principal } from '../../../core/context/request-context.js';
import { People } from '../../../core/database/people.js';
import { Transactions } from '../../../core/database/transactions.js';
import { AppError, notFound } from '../../../core/errors/app-error.js';
import { EventPublisher } from '../../../core/events/event-publisher.js';
import { PartnersFacts } from '../../partners/partners.facts.js';
import { PurchasingFacts } from '../../purchasing/purchasing.facts.js';
import { SalesFacts } from '../../sales/sales.facts.js';
import type {
  MrpGridResponse,
  MrpRunResponse,
  PlannedOrderPage,
  PlannedOrderQuery,
  PlannedOrderResponse,
  StartMrpRunRequest,
} from '../dto/planning.dto.js';
import {
  findGridRow,
  findLatestRun,
  findRun,
  PLANNED_ORDER_COLUMNS,
  runExceptions,
  type PlannedOrderRow,
  type RunRow,
} from '../planning.sql.js';
import { planAndSave } from './plan-and-save.js';

/** Runs MRP (one at a time, from one snapshot) and reads its result. */
@Injectable()
export class MrpService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly people: People,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    private readonly sales: SalesFacts,
    private readonly purchasing: PurchasingFacts,
    private readonly partners: PartnersFacts,
  ) {}

  async run(body: StartMrpRunRequest, principal: Principal): Promise<MrpRunResponse> {
    const horizonWeeks = body.horizonWeeks ?? MRP_DEFAULT_HORIZON_WEEKS;
    const id = await this.tx.run(async (m) => {
      // Every fact comes from one snapshot; the first statement fixes the isolation level.
      await m.query('set transaction isolation level repeatable read');
      const { runId, today, result } = await planAndSave(m, horizonWeeks, principal.userId, {
        sales: this.sales,
        purchasing: this.purchasing,
        partners: this.partners,
      });
      await this.audit.record(m, {
        action: 'mrp_run.finished',
        entityType: 'mrp_run',
        entityId: runId,
        after: {
          horizonWeeks,
          today,
          plannedOrders: result.plannedOrders.length,
          exceptions: result.exceptions.length,
        },
      });
      await this.events.publish(m, 'mrp_run.finished', [runId]);
      return runId;
    });
    return this.get(id);
  }

  async latest(): Promise<MrpRunResponse> {
    const run = await findLatestRun(this.dataSource.manager);
    if (!run) throw new AppError(404, 'NOT_FOUND', 'No MRP run yet: start one', { entity: 'mrp_run' });
    return this.toResponse(run);
  }

  async get(id: string): Promise<MrpRunResponse> {
    const run = await findRun(this.dataSource.manager, id);
    if (!run) throw notFound('mrp_run', id);
    return this.toResponse(run);
  }

  async plannedOrders(runId: string, q: PlannedOrderQuery): Promise<PlannedOrderPage> {
    const m = this.dataSource.manager;
    if (!(await findRun(m, runId))) throw notFound('mrp_run', runId);
    const where = ['o.run_id = $1'];
    const params: unknown[] = [runId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.type) add('o.type = ?', q.type);
    if (q.productId) add('o.product_id = ?', q.productId);
    if (q.released !== undefined)
      where.push(q.released ? 'o.released_at is not null' : 'o.released_at is null');
    if (q.late !== undefined) add('o.late = ?', q.late);
    const filter = where.join(' and ');
    const [{ total }] = (await m.query(
      `select count(*)::int as total from mrp_planned_orders o where ${filter}`,
      params,
    )) as Array<{
      total: number;
    }>;
    const rows = (await m.query(
      `select ${PLANNED_ORDER_COLUMNS} from mrp_planned_orders o where ${filter}
        order by o.late desc, o.start_date, o.product_code, o.key
        offset $${params.length + 1} limit $${params.length + 2}`,
      [...params, q.skip, q.limit],
    )) as PlannedOrderRow[];
    return { items: rows.map(toPlannedOrder), total, skip: q.skip, limit: q.limit };
  }

  async grid(runId: string, productId: string): Promise<MrpGridResponse> {
    const m = this.dataSource.manager;
    const run = await findRun(m, runId);
    if (!run) throw notFound('mrp_run', runId);
    const row = await findGridRow(m, runId, productId);
    if (!row)
      throw new AppError(404, 'NOT_FOUND', 'This product has no demand, supply or plan in this run', {
        entity: 'mrp_grid_row',
        id: productId,
      });
    const orders = (await m.query(
      `select ${PLANNED_ORDER_COLUMNS} from mrp_planned_orders o where o.run_id = $1 and o.product_id = $2 order by o.start_date, o.key`,
      [runId, productId],
    )) as PlannedOrderRow[];
    return {
      runId,
      productId: row.product_id,
      productCode: row.product_code,
      productName: row.product_name,
      uom: row.uom,
      lowLevelCode: row.low_level_code,
      safetyStock: Number(row.safety_stock),
      onHand: Number(row.on_hand),
      buckets: row.buckets.map((b) => ({
        week: b.week,
        start: b.start,
        grossDemand: Number(b.grossDemand),
        scheduledReceipts: Number(b.scheduledReceipts),
        plannedReceipts: Number(b.plannedReceipts),
        projectedOnHand: Number(b.projectedOnHand),
        demand: b.demand.map((d) => ({ ...d, quantity: Number(d.quantity) })),
        supply: b.supply.map((s) => ({ ...s, quantity: Number(s.quantity) })),
      })),
      plannedOrders: orders.map(toPlannedOrder),
    };
  }

  private async toResponse(run: RunRow): Promise<MrpRunResponse> {
    const m = this.dataSource.manager;
    const exceptions = await runExceptions(m, run.id);
    const person = await this.people.lookup([run.created_by_id], m);
    const user = person(run.created_by_id);
    return {
      id: run.id,
      createdAt: run.created_at.toISOString(),
      updatedAt: run.updated_at.toISOString(),
      startedAt: run.started_at.toISOString(),
      finishedAt: run.finished_at.toISOString(),
      asOf: run.started_at.toISOString(),
      today: run.today,
      horizonWeeks: run.horizon_weeks,
      weeks: run.weeks,
      makeCount: run.make_count,
      buyCount: run.buy_count,
      exceptionCount: run.exception_count,
      productCount: run.product_count,
      latest: run.latest,
      createdBy: user ? { id: user.id, username: user.username } : null,
      exceptions: exceptions.map((e) => ({
        type: e.type,
        productId: e.product_id,
        productCode: e.product_code,
        productName: e.product_name,
        week: e.week,
        message: e.message,
      })),
    };
  }
}

export const toPlannedOrder = (o: PlannedOrderRow): PlannedOrderResponse => ({
  id: o.id,
  runId: o.run_id,
  key: o.key,
  type: o.type,
  productId: o.product_id,
  productCode: o.product_code,
  productName: o.product_name,
  quantity: Number(o.quantity),
  uom: o.uom,
  purchaseQuantity: o.purchase_quantity === null ? null : Number(o.purchase_quantity),
  purchaseUom: o.purchase_uom,
  supplierId: o.supplier_id,
  supplierName: o.supplier_name,
  startDate: o.start_date,
  dueDate: o.due_date,
  week: o.week,
  salesOrderLineId: o.sales_order_line_id,
  destination: o.destination,
  deliveryWeek: o.delivery_week,
  late: o.late,
  pegs: o.pegs.map((p) => ({ ...p, quantity: Number(p.quantity) })),
  released: o.released_at !== null,
  releasedAt: o.released_at ? o.released_at.toISOString() : null,
  releasedDocumentId: o.released_document_id,
  releasedDocumentNumber: o.released_document_number,
});
