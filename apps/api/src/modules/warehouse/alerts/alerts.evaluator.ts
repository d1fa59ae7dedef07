import { Injectable } from '@nestjs/common';
import { alertLevel, isWorse, type AlertLevel, type EventType } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import { EventPublisher } from '../../../core/events/event-publisher.js';
import { lockThresholds, readThresholds } from './thresholds.sql.js';

/** A threshold, locked, with the stock it compares and the alert open on it (if any). */
export interface ThresholdRow {
  id: string;
  product_id: string;
  location_id: string | null;
  min_qty: string;
  critical_qty: string;
  available: string;
  alert_id: string | null;
  alert_level: AlertLevel | null;
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
    // The lock comes first, on its own: the stock read next must see what the postings that held it
    // committed (a statement reads the data as of its start).
    const locked: Array<Pick<ThresholdRow, 'id'>> = await manager.query(lockThresholds('$1', '$2'), [
      productIds,
      locationIds,
    ]);
    if (locked.length === 0) return;
    // Then, in one statement, the stock each threshold compares and its open alert (locked).
    const thresholds: ThresholdRow[] = await manager.query(
      `with ${readThresholds('$1', '$2', ['$3', '$3', '$4'])} select * from thresholds_read`,
      [productIds, locationIds, [], []],
    );
    await this.apply(manager, thresholds);
  }

  /**
   * Opens, raises, updates or resolves the alerts of thresholds read with their stock (and locked, with
   * their open alert, by the caller): one statement for every alert that changes, then the events.
   */
  async apply(manager: EntityManager, thresholds: ThresholdRow[]): Promise<void> {
    if (thresholds.length === 0) return;
    const opened: ThresholdRow[] = [];
    const changes: Array<{ id: string; level: AlertLevel; status: string; now: string }> = [];
    const changed: Record<string, string[]> = { opened: [], raised: [], resolved: [], updated: [] };
    for (const t of thresholds) {
      const now = t.available;
      const level = alertLevel(now, t.min_qty, t.critical_qty);
      if (!t.alert_id || !t.alert_level) {
        if (level !== 'OK') opened.push({ ...t, alert_level: level });
      } else if (level === 'OK') {
        changes.push({ id: t.alert_id, level, status: 'RESOLVED', now });
        changed.resolved.push(t.alert_id);
      } else if (isWorse(level, t.alert_level)) {
        // A worse level raises the alert again, even when it was acknowledged.
        changes.push({ id: t.alert_id, level, status: 'OPEN', now });
        changed.raised.push(t.alert_id);
      } else {
        changes.push({ id: t.alert_id, level, status: '', now });
        changed.updated.push(t.alert_id);
      }
    }
    if (opened.length || changes.length) {
      // One statement for every alert opened and changed.
      const rows: Array<{ id: string }> = await manager.query(
        `with changed as (
           update stock_alerts s
              set level = v.level::alert_level,
                  status = case when v.status = '' then s.status else v.status::alert_status end,
                  available_now = v.now,
                  resolved_at = case when v.status = 'RESOLVED' then now() else s.resolved_at end,
                  updated_at = now()
             from unnest($5::uuid[], $6::text[], $7::text[], $8::numeric[]) v(id, level, status, now)
            where s.id = v.id
         )
         insert into stock_alerts (product_id, location_id, level, status, available_at_open, available_now, opened_at)
         select p, l, lv::alert_level, 'OPEN', n, n, now()
           from unnest($1::uuid[], $2::uuid[], $3::text[], $4::numeric[]) with ordinality v(p, l, lv, n, ord)
          order by ord
         returning id`,
        [
          opened.map((t) => t.product_id),
          opened.map((t) => t.location_id),
          opened.map((t) => t.alert_level),
          opened.map((t) => t.available),
          changes.map((c) => c.id),
          changes.map((c) => c.level),
          changes.map((c) => c.status),
          changes.map((c) => c.now),
        ],
      );
      changed.opened.push(...rows.map((r) => r.id));
    }
    for (const [what, ids] of Object.entries(changed)) {
      if (ids.length) await this.events.publish(manager, `stock_alert.${what}` as EventType, ids);
    }
  }
}
