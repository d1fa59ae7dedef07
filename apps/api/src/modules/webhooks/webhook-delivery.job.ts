import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/config.js';
import { Transactions } from '../../core/database/transactions.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import { type JobContext, Jobs, retryDelaySeconds } from '../../core/jobs/jobs.js';
import { add, happened } from '../../core/metrics/counters.js';
import { deliverWebhook } from './webhook-fan-out.js';
import { sendWebhook } from './webhook-sender.js';
import { webhooksSql } from './webhooks.sql.js';

/** A failed attempt that the queue retries later (with its exponential backoff). */
class DeliveryFailed extends Error {}

/**
 * The job that sends one delivery. Each attempt is written to the delivery log; a failure throws so the
 * queue retries it with backoff, until the last attempt or a refused target, which give up.
 */
@Injectable()
export class WebhookDeliveryJob implements OnModuleInit {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly jobs: Jobs,
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly events: EventPublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register(deliverWebhook, (payload, context) => this.deliver(payload.deliveryId, context));
  }

  async deliver(deliveryId: string, context: JobContext): Promise<void> {
    const d = await webhooksSql.forSending(this.dataSource, deliveryId);
    // Deleted with its subscription, or already settled (a redelivery is a new row).
    if (!d || d.status !== 'pending') return;
    const result = d.receiving
      ? await sendWebhook(
          { url: d.url, secret: d.secret, messageId: d.message_id, body: JSON.stringify(d.payload) },
          {
            allowPrivate: this.config.webhooks.allowPrivateTargets,
            timeoutMs: this.config.webhooks.timeoutMs,
          },
        )
      : {
          ok: false,
          statusCode: null,
          response: null,
          error: 'The subscription is inactive',
          permanent: true,
        };
    const last = result.permanent || context.attempt >= context.maxAttempts;
    const status = result.ok ? 'delivered' : last ? 'failed' : 'pending';
    const nextAttemptAt =
      status === 'pending' ? new Date(Date.now() + retryDelaySeconds(context.attempt) * 1000) : null;
    await this.tx.run(async (m) => {
      await webhooksSql.recordAttempt(m, d.id, {
        status,
        statusCode: result.statusCode,
        response: result.response,
        error: result.error?.slice(0, 500) ?? null,
        nextAttemptAt,
      });
      await this.events.publish(m, 'webhook_delivery.attempted', [d.id]);
    });
    add(happened.webhookDeliveries, result.ok ? 'delivered' : 'failed');
    if (status === 'pending')
      throw new DeliveryFailed(`webhook ${d.message_id} attempt ${context.attempt} failed: ${result.error}`);
    if (status === 'failed') this.logger.warn(`webhook ${d.message_id} given up: ${result.error}`);
  }
}
