import { Injectable } from '@nestjs/common';
import { MO_STATES, type Department } from '@kapok/contracts';
import { DataSource } from 'typeorm';
import { EventCache } from '../../../core/cache/event-cache.js';
import { EventsHub } from '../../../core/events/events.hub.js';
import { validationFailed } from '../../../core/errors/app-error.js';
import type {
  BottlenecksResponse,
  OverviewResponse,
  PerformanceResponse,
  PeriodQuery,
} from '../dto/dashboard.dto.js';

const DEPARTMENTS_ON_ROUTES: Department[] = [
  'CUTTING',
  'EMBROIDERY',
  'SUBCON',
  'SEWING',
  'FINISHING',
  'PACKING',
];
interface LateRow {
  id: string;
  batch_number: string;
  code: string;
  state: OverviewResponse['late'][number]['state'];
  due_date: string;
  days_late: number;
  qty_planned: string;
}
interface SummaryRow {
  completed: number;
  planned: string;
  produced: string;
  cycle: string | null;
  on_time: number;
}
interface BottleneckRow {
  department: Department;
  queued_qty: string;
  queued_orders: number;
  wait_h: string | null;
  proc_h: string | null;
  utilisation: string | null;
}

const TODAY = `(now() at time zone 'Asia/Jakarta')::date`;
const round = (n: number | string | null, digits = 4) =>
  n === null ? null : Math.round(Number(n) * 10 ** digits) / 10 ** digits;

/** The MO dashboard, answered by aggregate SQL over orders, work orders and outputs (no rows loaded into memory). */
@Injectable()
export class DashboardService {
  /** Dashboards are read often and change with orders and work: kept until such an event, or a minute (the date moves). */
  private readonly cache: EventCache<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    hub: EventsHub,
  ) {
    this.cache = new EventCache(hub, /^(manufacturing_order|work_order|handover)\./, 60_000);
  }

  overview(): Promise<OverviewResponse> {
    return this.cache.get('overview', () => this.computeOverview()) as Promise<OverviewResponse>;
  }

  async performance(q: PeriodQuery): Promise<PerformanceResponse> {
    const { from, to } = await this.period(q);
    return this.cache.get(`performance|${from}|${to}`, () =>
      this.computePerformance(from, to),
    ) as Promise<PerformanceResponse>;
  }

  async bottlenecks(q: PeriodQuery): Promise<BottlenecksResponse> {
    const { from, to } = await this.period(q);
    return this.cache.get(`bottlenecks|${from}|${to}`, () =>
      this.computeBottlenecks(from, to),
    ) as Promise<BottlenecksResponse>;
  }

  private async computeOverview(): Promise<OverviewResponse> {
    const [states, wip, late, [{ late_count }]] = await Promise.all([
      this.dataSource.query(
        `select state, count(*)::int as n from manufacturing_orders group by state`,
      ) as Promise<Array<{ state: string; n: number }>>,
      this.dataSource.query(
        `select d.department,
                count(wo.id) filter (where wo.state in ('READY', 'IN_PROGRESS'))::int as active,
                coalesce(sum(greatest(wo.input_qty - wo.good_qty - wo.reject_qty, 0)) filter (where wo.state in ('READY', 'IN_PROGRESS')), 0) as queued,
                coalesce(sum(wo.good_qty - wo.handed_over_qty) filter (where wo.state in ('IN_PROGRESS', 'DONE')), 0) as awaiting
           from unnest($1::department[]) d(department)
           left join work_orders wo on wo.department = d.department
                 and exists (select 1 from manufacturing_orders mo where mo.id = wo.mo_id and mo.state = 'IN_PROGRESS')
          group by d.department`,
        [DEPARTMENTS_ON_ROUTES],
      ) as Promise<Array<{ department: Department; active: number; queued: string; awaiting: string }>>,
      this.dataSource.query(
        `select mo.id, mo.batch_number, p.code, mo.state, mo.due_date::text as due_date, (${TODAY} - mo.due_date) as days_late, mo.qty_planned
           from manufacturing_orders mo join products p on p.id = mo.product_id
          where mo.due_date < ${TODAY} and mo.state in ('DRAFT', 'APPROVED', 'IN_PROGRESS')
          order by mo.due_date, mo.batch_number limit 20`,
      ) as Promise<LateRow[]>,
      this.dataSource.query(
        `select count(*)::int as late_count from manufacturing_orders where due_date < ${TODAY} and state in ('DRAFT', 'APPROVED', 'IN_PROGRESS')`,
      ) as Promise<Array<{ late_count: number }>>,
    ]);
    const count = new Map(states.map((s) => [s.state, s.n]));
    const order = new Map(DEPARTMENTS_ON_ROUTES.map((d, i) => [d, i]));
    return {
      byState: MO_STATES.map((state) => ({ state, count: count.get(state) ?? 0 })),
      wipByDepartment: wip
        .sort((a, b) => order.get(a.department)! - order.get(b.department)!)
        .map((w) => ({
          department: w.department,
          activeOrders: w.active,
          queuedQuantity: Number(w.queued),
          awaitingHandoverQuantity: Number(w.awaiting),
        })),
      lateCount: late_count,
      late: late.map((l) => ({
        id: l.id,
        batchNumber: l.batch_number,
        productCode: l.code,
        state: l.state,
        dueDate: l.due_date,
        daysLate: l.days_late,
        plannedQuantity: Number(l.qty_planned),
      })),
    };
  }

  private async computePerformance(from: string, to: string): Promise<PerformanceResponse> {
    const window = `completed_at >= ($1::date)::timestamp at time zone 'Asia/Jakarta' and completed_at < ($2::date + 1)::timestamp at time zone 'Asia/Jakarta'`;
    const [[summary], [outputs], throughput] = await Promise.all([
      this.dataSource.query(
        `select count(*)::int as completed, coalesce(sum(qty_planned), 0) as planned, coalesce(sum(produced_qty), 0) as produced,
                avg(extract(epoch from completed_at - started_at) / 3600) as cycle,
                count(*) filter (where due_date is null or (completed_at at time zone 'Asia/Jakarta')::date <= due_date)::int as on_time
           from manufacturing_orders where state = 'COMPLETED' and ${window}`,
        [from, to],
      ) as Promise<SummaryRow[]>,
      this.dataSource.query(
        `select coalesce(sum(good_qty), 0) as good, coalesce(sum(reject_qty), 0) as reject from work_order_outputs
          where created_at >= ($1::date)::timestamp at time zone 'Asia/Jakarta' and created_at < ($2::date + 1)::timestamp at time zone 'Asia/Jakarta'`,
        [from, to],
      ) as Promise<Array<{ good: string; reject: string }>>,
      this.dataSource.query(
        `select d::date::text as day, coalesce(sum(mo.produced_qty), 0) as produced, count(mo.id)::int as orders
           from generate_series($1::date, $2::date, interval '1 day') d
           left join manufacturing_orders mo on mo.state = 'COMPLETED' and (mo.completed_at at time zone 'Asia/Jakarta')::date = d::date
          group by d order by d`,
        [from, to],
      ) as Promise<Array<{ day: string; produced: string; orders: number }>>,
    ]);
    const planned = Number(summary.planned);
    const good = Number(outputs.good);
    const processed = good + Number(outputs.reject);
    return {
      from,
      to,
      completedOrders: summary.completed,
      plannedQuantity: planned,
      producedQuantity: Number(summary.produced),
      planAttainment: planned > 0 ? round(Number(summary.produced) / planned) : null,
      yield: processed > 0 ? round(good / processed) : null,
      onTimeRate: summary.completed > 0 ? round(summary.on_time / summary.completed) : null,
      averageCycleHours: round(summary.cycle, 1),
      throughput: throughput.map((t) => ({
        day: t.day,
        produced: Number(t.produced),
        completedOrders: t.orders,
      })),
    };
  }

  private async computeBottlenecks(from: string, to: string): Promise<BottlenecksResponse> {
    const rows: BottleneckRow[] = await this.dataSource.query(
      `with bounds as (
         select ($2::date)::timestamp at time zone 'Asia/Jakarta' as lo,
                least(($3::date + 1)::timestamp at time zone 'Asia/Jakarta', now()) as hi
       )
       select d.department,
              coalesce(sum(greatest(wo.input_qty - wo.good_qty - wo.reject_qty, 0))
                filter (where wo.state in ('READY', 'IN_PROGRESS') and mo.state = 'IN_PROGRESS'), 0) as queued_qty,
              count(wo.id) filter (where wo.state in ('PENDING', 'READY') and mo.state = 'IN_PROGRESS')::int as queued_orders,
              avg(extract(epoch from wo.started_at - wo.ready_at) / 3600) filter (where wo.started_at >= b.lo and wo.started_at < b.hi) as wait_h,
              avg(extract(epoch from wo.ended_at - wo.started_at) / 3600) filter (where wo.ended_at >= b.lo and wo.ended_at < b.hi and wo.started_at is not null) as proc_h,
              coalesce((select sum(extract(epoch from upper(x) - lower(x)))
                          from unnest((select range_agg(tstzrange(greatest(w.started_at, b.lo), least(coalesce(w.ended_at, now()), b.hi)))
                                         from work_orders w
                                        where w.department = d.department and w.started_at < b.hi
                                          and (w.ended_at > b.lo or w.state in ('PENDING', 'READY', 'IN_PROGRESS')))) x), 0)
                / nullif(extract(epoch from b.hi - b.lo), 0) as utilisation
         from unnest($1::department[]) d(department)
         cross join bounds b
         -- Only work orders still open or active in the window: the rest of history is not read.
         left join work_orders wo on wo.department = d.department
               and (wo.state in ('PENDING', 'READY', 'IN_PROGRESS')
                    or (wo.ended_at > b.lo and wo.started_at < b.hi))
         left join manufacturing_orders mo on mo.id = wo.mo_id
        group by d.department, b.lo, b.hi`,
      [DEPARTMENTS_ON_ROUTES, from, to],
    );
    const order = new Map(DEPARTMENTS_ON_ROUTES.map((d, i) => [d, i]));
    const departments = rows
      .sort((a, b) => order.get(a.department)! - order.get(b.department)!)
      .map((r) => ({
        department: r.department as Department,
        queuedQuantity: Number(r.queued_qty),
        queuedOrders: r.queued_orders,
        averageWaitHours: round(r.wait_h, 1),
        averageProcessingHours: round(r.proc_h, 1),
        utilisation: round(r.utilisation ?? 0, 3) ?? 0,
      }));
    const ranked = departments
      .filter((d) => d.averageWaitHours !== null || d.queuedQuantity > 0)
      .sort(
        (a, b) =>
          (b.averageWaitHours ?? 0) - (a.averageWaitHours ?? 0) || b.queuedQuantity - a.queuedQuantity,
      );
    return { from, to, departments, bottleneck: ranked[0]?.department ?? null };
  }

  private async period(q: PeriodQuery): Promise<{ from: string; to: string }> {
    const [{ today, month_ago }] = await this.dataSource.query(
      `select ${TODAY}::text as today, (${TODAY} - 29)::text as month_ago`,
    );
    const from = q.from?.slice(0, 10) ?? month_ago;
    const to = q.to?.slice(0, 10) ?? today;
    if (from > to)
      throw validationFailed('from must not be after to', [{ field: 'from', messages: ['after to'] }]);
    return { from, to };
  }
}
