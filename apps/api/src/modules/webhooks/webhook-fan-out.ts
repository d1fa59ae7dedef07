import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type KapokEvent, matchesWebhookPattern } from '@kapok/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { EventCache } from '../../core/cache/event-cache.js';
import type { Outbox } from '../../core/database/outbox.js';
import { Transactions } from '../../core/database/transactions.js';
import { EventsHub } from '../../core/events/events.hub.js';
import { type JobTask, jobTask } from '../../core/jobs/jobs.js';
import { type ActiveSubscriptionRow, type NewDelivery, webhooksSql } from './webhooks.sql.js';

export const deliverWebhook: JobTask<{ deliveryId: string }> = jobTask<{ deliveryId: string }>(
  'webhooks.deliver',
);
/** Attempts before a delivery is given up: the backoff e^n s (2.7 s … 6 h) spans about 15 hours. */
export const WEBHOOK_MAX_ATTEMPTS = 12;

/** The Standard Webhooks body of an event. */
export const webhookBody = (type: string, at: string, data: Record<string, unknown>) => ({
  type,
  timestamp: at,
  data,
});

/**
 * Turns the events of every command into webhook deliveries inside the command's transaction: one
 * statement writes a delivery row and queues a job per matching subscription, so a rolled-back
 * command delivers nothing. The active subscriptions are kept in memory (dropped on their own events),
 * so a command that no subscription wants costs no statement at all.
 */
@Injectable()
export class WebhookFanOut implements OnModuleInit {
  private readonly subscriptions: EventCache<ActiveSubscriptionRow[]>;

  constructor(
    private readonly tx: Transactions,
    private readonly dataSource: DataSource,
    hub: EventsHub,
  ) {
    // A long safety net only: the events of a change reach every instance.
    this.subscriptions = new EventCache(hub, /^webhook_subscription\./, 10 * 60_000);
  }

  onModuleInit(): void {
    this.tx.onBeforeCommit((m, outbox) => this.fanOut(m, outbox));
  }

  private async fanOut(m: EntityManager, outbox: Outbox): Promise<void> {
    const events = outbox.payloads.map((p) => JSON.parse(p) as KapokEvent);
    if (!events.some((e) => matchesWebhookPattern('*', e.type))) return;
    // Read from committed data, outside the command: its own uncommitted rows never enter the cache.
    const subscriptions = await this.subscriptions.get('active', () =>
      webhooksSql.activeSubscriptions(this.dataSource),
    );
    const deliveries: NewDelivery[] = [];
    for (const event of events)
      for (const s of subscriptions)
        if (s.events.some((p) => matchesWebhookPattern(p, event.type)))
          deliveries.push({
            subscription_id: s.id,
            event_type: event.type,
            payload: webhookBody(event.type, event.at, { ids: event.ids }),
          });
    if (deliveries.length)
      await webhooksSql.queueDeliveries(m, deliveries, deliverWebhook.name, WEBHOOK_MAX_ATTEMPTS);
  }
}
