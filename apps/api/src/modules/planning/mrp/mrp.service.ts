import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MRP_DEFAULT_HORIZON_WEEKS, type MrpRunPhase } from '@kapok/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../../../core/audit/audit.writer.js';
import { APP_CONFIG, type AppConfig } from '../../../core/config/config.js';
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
  failInterruptedRuns,
  failRun,
  insertRunningRun,
  MRP_LOCK_KEY,
  PLANNED_ORDER_COLUMNS,
  runExceptions,
  type PlannedOrderRow,
  type RunRow,
} from '../planning.sql.js';
import { factoryToday } from './calendar.js';
import { MrpProgressBoard } from './mrp-progress.board.js';
import { planAndSave } from './plan-and-save.js';

/** What POST answers: the finished run (201), or the running one when it took longer (202). */
export interface StartedRun {
  run: MrpRunResponse;
  finished: boolean;
}

/** Progress events of one run are at most this often (phase changes always go out). */
const PROGRESS_EVERY_MS = 250;

/** Runs MRP (one at a time, from one snapshot) and reads its result. */
@Injectable()
export class MrpService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Mrp');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly board: MrpProgressBoard,
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly people: People,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    private readonly sales: SalesFacts,
    private readonly purchasing: PurchasingFacts,
    private readonly partners: PartnersFacts,
  ) {}

  /**
   * A run cut off by a stopped API stays RUNNING; once no run holds the lock (none is going on in any
   * instance) it is marked FAILED, so nobody waits for it.
   */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const unlock = await this.lockRuns();
      try {
        await failInterruptedRuns(this.dataSource.manager);
      } finally {
        await unlock();
      }
    } catch (error) {
      if (!(error instanceof AppError))
        this.logger.warn(`interrupted MRP runs not checked: ${(error as Error).message}`);
    }
  }

  /**
   * Starts a run and waits up to `MRP_SYNC_WAIT_MS` for it. The run lock is a session lock on its own
   * connection, taken before anything else (409 `MRP_RUNNING`); the run's row is committed RUNNING so
   * GET can show it, then the plan is made and saved in one REPEATABLE READ transaction that also
   * finishes the row, audits and publishes. A run still going at the threshold is answered 202 and
   * carries on, publishing `planning.mrp.progress` and at last `mrp_run.finished` or `mrp_run.failed`.
   */
  async start(body: StartMrpRunRequest, principal: Principal): Promise<StartedRun> {
    const horizonWeeks = body.horizonWeeks ?? MRP_DEFAULT_HORIZON_WEEKS;
    const unlock = await this.lockRuns();
    const run = { id: randomUUID(), startedAt: new Date() };
    try {
      await this.tx.run(async (m) => {
        await insertRunningRun(m, {
          ...run,
          today: factoryToday(run.startedAt),
          horizonWeeks,
          createdById: principal.userId,
        });
        await this.audit.record(m, {
          action: 'mrp_run.started',
          entityType: 'mrp_run',
          entityId: run.id,
          after: { horizonWeeks },
        });
        await this.events.publish(m, 'mrp_run.started', [run.id]);
      });
    } catch (error) {
      await unlock();
      throw error;
    }
    const outcome = this.plan(run, horizonWeeks, principal).finally(unlock);
    const waitMs = this.config.mrpSyncWaitMs;
    let timer: NodeJS.Timeout | undefined;
    const settled =
      waitMs > 0
        ? await Promise.race([
            outcome.then(() => true),
            new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), waitMs))),
          ])
        : false;
    clearTimeout(timer);
    if (settled) {
      const { error } = await outcome;
      if (error !== undefined) throw error;
      return { run: await this.get(run.id), finished: true };
    }
    return { run: await this.get(run.id), finished: false };
  }

  /** Plans and saves; a failure marks the run FAILED (returned, never thrown: nobody may be waiting). */
  private async plan(
    run: { id: string; startedAt: Date },
    horizonWeeks: number,
    principal: Principal,
  ): Promise<{ error?: unknown }> {
    const progress = this.progressOf(run.id);
    try {
      await this.tx.run(async (m) => {
        // Every fact comes from one snapshot; the first statement fixes the isolation level.
        await m.query('set transaction isolation level repeatable read');
        const { today, result } = await planAndSave(
          m,
          horizonWeeks,
          principal.userId,
          { sales: this.sales, purchasing: this.purchasing, partners: this.partners },
          { run, progress },
        );
        await this.audit.record(m, {
          action: 'mrp_run.finished',
          entityType: 'mrp_run',
          entityId: run.id,
          after: {
            horizonWeeks,
            today,
            plannedOrders: result.plannedOrders.length,
            exceptions: result.exceptions.length,
          },
        });
        await this.events.publish(m, 'mrp_run.finished', [run.id]);
      });
      return {};
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'INTERNAL_ERROR';
      const message = error instanceof AppError ? error.message : 'The run failed; see the API log';
      this.logger.error(`MRP run ${run.id} failed: ${(error as Error).message}`);
      await this.tx
        .run(async (m) => {
          await failRun(m, run.id, code, message);
          await this.audit.record(m, {
            action: 'mrp_run.failed',
            entityType: 'mrp_run',
            entityId: run.id,
            after: { code, message },
          });
          await this.events.publish(m, 'mrp_run.failed', [run.id]);
        })
        .catch((e: Error) => this.logger.error(`could not mark MRP run ${run.id} failed: ${e.message}`));
      return { error };
    }
  }

  /** Publishes progress outside the run's transaction (live clients need it before the commit). */
  private progressOf(runId: string) {
    let last: { phase: MrpRunPhase; at: number } | undefined;
    return async (phase: MrpRunPhase, percent: number) => {
      const now = performance.now();
      if (last && last.phase === phase && now - last.at < PROGRESS_EVERY_MS) return;
      last = { phase, at: now };
      this.board.set(runId, { phase, percent });
      await this.events
        .publish(this.dataSource.manager, 'planning.mrp.progress', [runId], { progress: { phase, percent } })
        .catch((e: Error) => this.logger.warn(`MRP progress not published: ${e.message}`));
    };
  }

  /**
   * One run at a time: a session advisory lock on a connection of its own, held until the run ends
   * (a release waits for it). Returns the unlock.
   */
  private async lockRuns(): Promise<() => Promise<void>> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('select pg_try_advisory_lock($1) as locked', [
        MRP_LOCK_KEY,
      ])) as Array<{ locked: boolean }>;
      if (!locked) throw new AppError(409, 'MRP_RUNNING', 'An MRP run is in progress; wait for it to finish');
    } catch (error) {
      await runner.release();
      throw error;
    }
    return async () => {
      await runner.query('select pg_advisory_unlock($1)', [MRP_LOCK_KEY]).catch(() => undefined);
      await runner.release().catch(() => undefined);
    };
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
      state: run.state,
      phase: run.state === 'RUNNING' ? (this.board.get(run.id)?.phase ?? null) : null,
      percent: run.state === 'RUNNING' ? (this.board.get(run.id)?.percent ?? null) : null,
      error:
        run.state === 'FAILED'
          ? { code: run.error_code ?? 'INTERNAL_ERROR', message: run.error_message ?? '' }
          : null,
      startedAt: run.started_at.toISOString(),
      finishedAt: run.finished_at ? run.finished_at.toISOString() : null,
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
        reason: e.reason,
        params: e.params,
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
