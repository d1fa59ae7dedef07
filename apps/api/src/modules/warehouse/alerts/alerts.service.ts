import { Injectable } from '@nestjs/common';
import { defaultCriticalQty, type AlertLevel, type Unit } from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../../core/audit/audit.writer.js';
import { RequestContext } from '../../../core/context/request-context.js';
import { People, type PersonRef } from '../../../core/database/people.js';
import { Transactions } from '../../../core/database/transactions.js';
import { AppError, notFound } from '../../../core/errors/app-error.js';
import { EventPublisher } from '../../../core/events/event-publisher.js';
import type {
  AlertPage,
  AlertQuery,
  AlertResponse,
  SetThresholdRequest,
  ThresholdPage,
  ThresholdQuery,
  ThresholdResponse,
} from '../dto/alert.dto.js';
import { AlertsEvaluator } from './alerts.evaluator.js';

const THRESHOLD_SELECT = `
  select t.*, p.code as product_code, p.uom, l.code as location_code
    from stock_thresholds t join products p on p.id = t.product_id left join locations l on l.id = t.location_id`;

const ALERT_SELECT = `
  select a.*, p.code as product_code, p.name as product_name, p.uom, l.code as location_code
    from stock_alerts a
    join products p on p.id = a.product_id
    left join locations l on l.id = a.location_id`;

interface ThresholdRow {
  id: string;
  product_id: string;
  product_code: string;
  location_id: string | null;
  location_code: string | null;
  min_qty: string;
  critical_qty: string;
  uom: Unit;
  version: number;
  created_at: Date;
  updated_at: Date;
}

interface AlertRow {
  id: string;
  product_id: string;
  product_code: string;
  product_name: string;
  location_id: string | null;
  location_code: string | null;
  level: AlertLevel;
  status: AlertResponse['status'];
  available_at_open: string;
  available_now: string;
  uom: Unit;
  opened_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_id: string | null;
  acknowledge_note: string | null;
  resolved_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

@Injectable()
export class AlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly evaluator: AlertsEvaluator,
    private readonly people: People,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  async thresholds(q: ThresholdQuery): Promise<ThresholdPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.productId) where.push(`t.product_id = $${params.push(q.productId)}`);
    if (q.locationId) where.push(`t.location_id = $${params.push(q.locationId)}`);
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const rows: ThresholdRow[] = await this.dataSource.query(
      `${THRESHOLD_SELECT} ${filter} order by p.code, l.code nulls first limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, q.limit, q.skip],
    );
    const [{ n }] = await this.dataSource.query(
      `select count(*)::int as n from stock_thresholds t ${filter}`,
      params,
    );
    return { items: rows.map(thresholdRow), total: n, skip: q.skip, limit: q.limit };
  }

  /** Sets (creates or replaces) the threshold of a product × location and re-evaluates its alert at once. */
  async setThreshold(body: SetThresholdRequest): Promise<ThresholdResponse> {
    const critical = body.criticalQuantity ?? defaultCriticalQty(body.minimumQuantity);
    if (new Decimal(critical).gt(body.minimumQuantity)) {
      throw new AppError(422, 'VALIDATION_FAILED', 'criticalQuantity cannot be above minimumQuantity', [
        { field: 'criticalQuantity', messages: ['above minimumQuantity'] },
      ]);
    }
    return this.tx.run(async (m) => {
      const [product] = await m.query('select id from products where id = $1', [body.productId]);
      if (!product) throw notFound('product', body.productId);
      if (body.locationId) {
        const [location] = await m.query('select id, type from locations where id = $1', [body.locationId]);
        if (!location) throw notFound('location', body.locationId);
      }
      const [before] = await m.query(
        'select * from stock_thresholds where product_id = $1 and location_id is not distinct from $2 for update',
        [body.productId, body.locationId ?? null],
      );
      const [{ id }] = await m.query(
        `insert into stock_thresholds (product_id, location_id, min_qty, critical_qty) values ($1, $2, $3, $4)
         on conflict (product_id, location_id)
         do update set min_qty = excluded.min_qty, critical_qty = excluded.critical_qty, version = stock_thresholds.version + 1, updated_at = now()
         returning id`,
        [body.productId, body.locationId ?? null, body.minimumQuantity, critical],
      );
      await this.evaluator.evaluate(m, [body.productId], body.locationId ? [body.locationId] : []);
      const [row] = await m.query(`${THRESHOLD_SELECT} where t.id = $1`, [id]);
      const after = thresholdRow(row);
      await this.audit.record(m, {
        action: before ? 'stock_threshold.updated' : 'stock_threshold.created',
        entityType: 'stock_threshold',
        entityId: id,
        before: before
          ? { minimumQuantity: Number(before.min_qty), criticalQuantity: Number(before.critical_qty) }
          : undefined,
        after,
      });
      await this.events.publish(m, 'stock_threshold.set', [id]);
      return after;
    });
  }

  /** Removes a threshold; an alert it had open is resolved. */
  async removeThreshold(id: string): Promise<void> {
    await this.tx.run(async (m) => {
      const [threshold] = await m.query(
        'with d as (delete from stock_thresholds where id = $1 returning *) select * from d',
        [id],
      );
      if (!threshold) throw notFound('stock threshold', id);
      const resolved: Array<{ id: string }> = await m.query(
        `with u as (update stock_alerts set status = 'RESOLVED', resolved_at = now(), updated_at = now()
          where product_id = $1 and location_id is not distinct from $2 and status <> 'RESOLVED' returning id) select id from u`,
        [threshold.product_id, threshold.location_id],
      );
      await this.audit.record(m, {
        action: 'stock_threshold.deleted',
        entityType: 'stock_threshold',
        entityId: id,
        before: threshold,
      });
      if (resolved.length)
        await this.events.publish(
          m,
          'stock_alert.resolved',
          resolved.map((r) => r.id),
        );
      await this.events.publish(m, 'stock_threshold.deleted', [id]);
    });
  }

  async alerts(q: AlertQuery): Promise<AlertPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.status) where.push(`a.status = $${params.push(q.status)}`);
    if (q.productId) where.push(`a.product_id = $${params.push(q.productId)}`);
    if (q.level) where.push(`a.level = $${params.push(q.level)}`);
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const rows: AlertRow[] = await this.dataSource.query(
      `${ALERT_SELECT} ${filter}
        order by case a.status when 'OPEN' then 0 when 'ACKNOWLEDGED' then 1 else 2 end,
                 case a.level when 'OUT' then 0 when 'CRITICAL' then 1 when 'LOW' then 2 else 3 end, a.opened_at desc, a.id
        limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, q.limit, q.skip],
    );
    const [{ n }] = await this.dataSource.query(
      `select count(*)::int as n from stock_alerts a ${filter}`,
      params,
    );
    return { items: await this.toAlerts(rows), total: n, skip: q.skip, limit: q.limit };
  }

  async acknowledge(id: string, note?: string): Promise<AlertResponse> {
    return this.tx.run(async (m) => {
      const [alert] = await m.query('select * from stock_alerts where id = $1 for update', [id]);
      if (!alert) throw notFound('stock alert', id);
      if (alert.status !== 'OPEN') {
        throw new AppError(
          409,
          'INVALID_STATE',
          `The alert is ${alert.status}; only an OPEN alert can be acknowledged`,
          {
            currentState: alert.status,
          },
        );
      }
      await m.query(
        `update stock_alerts set status = 'ACKNOWLEDGED', acknowledged_at = now(), acknowledged_by_id = $2, acknowledge_note = $3, updated_at = now()
          where id = $1`,
        [id, RequestContext.principal()?.userId ?? null, note ?? null],
      );
      const after = await this.one(m, id);
      await this.audit.record(m, {
        action: 'stock_alert.acknowledged',
        entityType: 'stock_alert',
        entityId: id,
        before: { status: 'OPEN' },
        after,
      });
      await this.events.publish(m, 'stock_alert.acknowledged', [id]);
      return after;
    });
  }

  private async one(m: EntityManager, id: string): Promise<AlertResponse> {
    const rows: AlertRow[] = await m.query(`${ALERT_SELECT} where a.id = $1`, [id]);
    return (await this.toAlerts(rows, m))[0];
  }

  private async toAlerts(rows: AlertRow[], m?: EntityManager): Promise<AlertResponse[]> {
    const who = await this.people.lookup(
      rows.map((r) => r.acknowledged_by_id),
      m,
    );
    return rows.map((r) => alertRow(r, who(r.acknowledged_by_id)));
  }
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function thresholdRow(r: ThresholdRow): ThresholdResponse {
  return {
    id: r.id,
    productId: r.product_id,
    productCode: r.product_code,
    locationId: r.location_id,
    locationCode: r.location_code ?? null,
    minimumQuantity: Number(r.min_qty),
    criticalQuantity: Number(r.critical_qty),
    uom: r.uom,
    version: r.version,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

function alertRow(r: AlertRow, acknowledgedBy: PersonRef | null): AlertResponse {
  return {
    id: r.id,
    productId: r.product_id,
    productCode: r.product_code,
    productName: r.product_name,
    locationId: r.location_id,
    locationCode: r.location_code ?? null,
    level: r.level,
    status: r.status,
    availableAtOpen: Number(r.available_at_open),
    availableNow: Number(r.available_now),
    uom: r.uom,
    openedAt: iso(r.opened_at)!,
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: acknowledgedBy ? { id: acknowledgedBy.id, username: acknowledgedBy.username } : null,
    acknowledgeNote: r.acknowledge_note,
    resolvedAt: iso(r.resolved_at),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}
