import { Injectable } from '@nestjs/common';
import { alertLevel, isWorse, type AlertLevel, type EventType } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import { EventPublisher } from '../../../core/events/event-publisher.js';

interface ThresholdRow {
  id: string;
  product_id: string;
  location_id: string | null;
  min_qty: string;
  critical_qty: string;
}

interface AlertRow {
  id: string;
  product_id: string;
  location_id: string | null;
  level: AlertLevel;
  status: 'OPEN' | 'ACKNOWLEDGED';
}

/**
 * Re-evaluates the thresholds of the products a posting touched, inside that posting's transaction.
 * A product-wide threshold compares the available stock over all WAREHOUSE racks; a location threshold
 * the stock at that location. Thresholds are locked first, so two postings of one product evaluate one
 * after the other and the later one sees both.
 */
@Injectable()
export class AlertsEvaluator {
  constructor(private readonly events: EventPublisher) {}

  async evaluate(manager: EntityManager, productIds: string[], locationIds: string[]): Promise<void> {
    if (productIds.length === 0) return;
    const thresholds: ThresholdRow[] = await manager.query(
      `select id, product_id, location_id, min_qty, critical_qty from stock_thresholds
        where product_id = any($1::uuid[]) and (location_id is null or location_id = any($2::uuid[]))
        order by product_id, location_id nulls first
        for update`,
      [productIds, locationIds],
    );
    if (thresholds.length === 0) return;
    const available: Array<{ threshold_id: string; available: string }> = await manager.query(
      `select t.id as threshold_id, coalesce(sum(b.on_hand - b.reserved), 0) as available
         from stock_thresholds t
         left join stock_balances b on b.product_id = t.product_id
              and (case when t.location_id is null
                        then b.location_id in (select id from locations where type = 'WAREHOUSE')
                        else b.location_id = t.location_id end)
        where t.id = any($1::uuid[])
        group by t.id`,
      [thresholds.map((t) => t.id)],
    );
    const availableOf = new Map(available.map((a) => [a.threshold_id, a.available]));
    const open: AlertRow[] = await manager.query(
      `select id, product_id, location_id, level, status from stock_alerts
        where product_id = any($1::uuid[]) and status <> 'RESOLVED' for update`,
      [[...new Set(thresholds.map((t) => t.product_id))]],
    );
    const changed: Record<string, string[]> = { opened: [], raised: [], resolved: [], updated: [] };
    for (const t of thresholds) {
      const now = availableOf.get(t.id) ?? '0';
      const level = alertLevel(now, t.min_qty, t.critical_qty);
      const current = open.find((a) => a.product_id === t.product_id && a.location_id === t.location_id);
      if (!current) {
        if (level === 'OK') continue;
        const [row]: Array<{ id: string }> = await manager.query(
          `insert into stock_alerts (product_id, location_id, level, status, available_at_open, available_now, opened_at)
           values ($1, $2, $3, 'OPEN', $4, $4, now()) returning id`,
          [t.product_id, t.location_id, level, now],
        );
        changed.opened.push(row.id);
      } else if (level === 'OK') {
        await manager.query(
          `update stock_alerts set status = 'RESOLVED', level = 'OK', available_now = $2, resolved_at = now(), updated_at = now() where id = $1`,
          [current.id, now],
        );
        changed.resolved.push(current.id);
      } else if (isWorse(level, current.level)) {
        // A worse level raises the alert again, even when it was acknowledged.
        await manager.query(
          `update stock_alerts set level = $2, status = 'OPEN', available_now = $3, updated_at = now() where id = $1`,
          [current.id, level, now],
        );
        changed.raised.push(current.id);
      } else {
        await manager.query(
          `update stock_alerts set level = $2, available_now = $3, updated_at = now() where id = $1`,
          [current.id, level, now],
        );
        changed.updated.push(current.id);
      }
    }
    for (const [what, ids] of Object.entries(changed)) {
      if (ids.length) await this.events.publish(manager, `stock_alert.${what}` as EventType, ids);
    }
  }
}
