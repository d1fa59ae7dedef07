import { Inject, Injectable } from '@nestjs/common';
import { isKnownWebhookPattern, WEBHOOK_PING_TYPE } from '@kapok/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import { APP_CONFIG, type AppConfig } from '../../core/config/config.js';
import type { Principal } from '../../core/context/request-context.js';
import { Transactions } from '../../core/database/transactions.js';
import { AppError, notFound, staleVersion } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import type { PageQuery } from '../../core/http/paging.js';
import { checkTarget, TargetRefused } from './webhook-target.js';
import { deliverWebhook, WEBHOOK_MAX_ATTEMPTS, webhookBody } from './webhook-fan-out.js';
import type {
  CreatedWebhookResponse,
  CreateWebhookRequest,
  UpdateWebhookRequest,
  WebhookDeliveryPage,
  WebhookDeliveryResponse,
  WebhookPage,
  WebhookResponse,
} from './webhooks.dto.js';
import { type DeliveryRow, type SubscriptionRow, webhooksSql } from './webhooks.sql.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toResponse = (r: SubscriptionRow): WebhookResponse => ({
  id: r.id,
  url: r.url,
  events: r.events,
  description: r.description,
  active: r.active,
  version: r.version,
  delivered24h: r.delivered_24h,
  failed24h: r.failed_24h,
  lastDeliveryAt: iso(r.last_delivery_at),
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const toDelivery = (r: DeliveryRow): WebhookDeliveryResponse => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  messageId: r.message_id,
  eventType: r.event_type,
  status: r.status,
  attempts: r.attempts,
  lastStatusCode: r.last_status_code,
  lastResponse: r.last_response,
  lastError: r.last_error,
  lastAttemptAt: iso(r.last_attempt_at),
  nextAttemptAt: iso(r.next_attempt_at),
  redeliveryOfId: r.redelivery_of_id,
  payload: r.payload,
  createdAt: r.created_at.toISOString(),
});

/** What the audit log keeps of a subscription: never its secret. */
const audited = (s: { url: string; events: string[]; description?: string | null; active?: boolean }) => ({
  url: s.url,
  events: s.events,
  description: s.description ?? null,
  active: s.active ?? true,
});

/** Outgoing webhook subscriptions, their delivery log, test pings and redeliveries. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<WebhookPage> {
    const rows = await webhooksSql.listSubscriptions(this.dataSource);
    return { items: rows.map(toResponse), total: rows.length, skip: 0, limit: rows.length };
  }

  async get(id: string): Promise<WebhookResponse> {
    const row = await webhooksSql.subscription(this.dataSource, id);
    if (!row) throw notFound('Webhook', id);
    return toResponse(row);
  }

  async create(body: CreateWebhookRequest, by: Principal): Promise<CreatedWebhookResponse> {
    const events = await this.checked(body);
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const created = await this.tx.run(async (m) => {
      const id = await webhooksSql.insertSubscription(m, {
        url: body.url,
        events,
        description: body.description ?? null,
        active: body.active ?? true,
        secret,
        createdById: by.userId,
      });
      await this.audit.record(m, {
        action: 'webhook_subscription.created',
        entityType: 'webhook_subscription',
        entityId: id,
        after: audited({ ...body, events }),
      });
      await this.events.publish(m, 'webhook_subscription.created', [id]);
      return toResponse((await webhooksSql.subscription(m, id))!);
    });
    return { ...created, secret };
  }

  async update(id: string, body: UpdateWebhookRequest): Promise<WebhookResponse> {
    const events = await this.checked(body);
    return this.tx.run(async (m) => {
      const locked = await webhooksSql.lockSubscription(m, id);
      if (!locked) throw notFound('Webhook', id);
      if (locked.version !== body.version) throw staleVersion('webhook', locked.version);
      const before = (await webhooksSql.subscription(m, id))!;
      const next = {
        url: body.url,
        events,
        description: body.description ?? null,
        active: body.active ?? true,
      };
      await webhooksSql.updateSubscription(m, id, next);
      await this.audit.record(m, {
        action: 'webhook_subscription.updated',
        entityType: 'webhook_subscription',
        entityId: id,
        before: audited(before),
        after: audited(next),
      });
      await this.events.publish(m, 'webhook_subscription.updated', [id]);
      return toResponse((await webhooksSql.subscription(m, id))!);
    });
  }

  async remove(id: string): Promise<void> {
    await this.tx.run(async (m) => {
      if (!(await webhooksSql.lockSubscription(m, id))) throw notFound('Webhook', id);
      const before = (await webhooksSql.subscription(m, id))!;
      await webhooksSql.deleteSubscription(m, id);
      await this.audit.record(m, {
        action: 'webhook_subscription.deleted',
        entityType: 'webhook_subscription',
        entityId: id,
        before: audited(before),
      });
      await this.events.publish(m, 'webhook_subscription.deleted', [id]);
    });
  }

  async deliveries(id: string, page: PageQuery): Promise<WebhookDeliveryPage> {
    await this.get(id);
    const { rows, total } = await webhooksSql.deliveries(this.dataSource, id, page.skip, page.limit);
    return { items: rows.map(toDelivery), total, skip: page.skip, limit: page.limit };
  }

  /** Queues a `webhook.ping` delivery to the subscription, sent like any other. */
  ping(id: string): Promise<WebhookDeliveryResponse> {
    return this.queueOne(id, (at) => ({
      subscription_id: id,
      event_type: WEBHOOK_PING_TYPE,
      payload: webhookBody(WEBHOOK_PING_TYPE, at, { subscriptionId: id }),
    }));
  }

  /** Sends a delivery's message again, under the same webhook-id, as a new delivery with its own log. */
  async redeliver(id: string, deliveryId: string): Promise<WebhookDeliveryResponse> {
    const original = await webhooksSql.delivery(this.dataSource, id, deliveryId);
    if (!original) throw notFound('Webhook delivery', deliveryId);
    return this.queueOne(id, () => ({
      subscription_id: id,
      event_type: original.event_type,
      payload: original.payload,
      message_id: original.message_id,
      redelivery_of_id: original.id,
    }));
  }

  private queueOne(
    id: string,
    make: (at: string) => Parameters<typeof webhooksSql.queueDeliveries>[1][number],
  ): Promise<WebhookDeliveryResponse> {
    return this.tx.run(async (m) => {
      const locked = await webhooksSql.lockSubscription(m, id);
      if (!locked) throw notFound('Webhook', id);
      if (!locked.active)
        throw new AppError(409, 'INVALID_STATE', 'This webhook is switched off; switch it on to send to it', {
          currentState: 'inactive',
          allowedFrom: ['active'],
        });
      const delivery = make(new Date().toISOString());
      const [deliveryId] = await webhooksSql.queueDeliveries(
        m,
        [delivery],
        deliverWebhook.name,
        WEBHOOK_MAX_ATTEMPTS,
      );
      await this.audit.record(m, {
        action: 'webhook_delivery.created',
        entityType: 'webhook_delivery',
        entityId: deliveryId,
        after: {
          subscriptionId: id,
          eventType: delivery.event_type,
          redeliveryOf: delivery.redelivery_of_id ?? null,
        },
      });
      await this.events.publish(m, 'webhook_delivery.created', [deliveryId]);
      const [row] = await webhooksSql.deliveriesById(m, [deliveryId]);
      return toDelivery(row);
    });
  }

  /** Known patterns and a target this server may send to. */
  private async checked(body: CreateWebhookRequest): Promise<string[]> {
    const events = body.events;
    const unknown = events.filter((p) => !isKnownWebhookPattern(p));
    if (unknown.length)
      throw new AppError(422, 'WEBHOOK_PATTERN_UNKNOWN', `No event matches ${unknown.join(', ')}`, [
        { field: 'events', messages: unknown.map((p) => `${p} matches no event`) },
      ]);
    try {
      await checkTarget(body.url, this.config.webhooks.allowPrivateTargets);
    } catch (e) {
      if (!(e instanceof TargetRefused)) throw e;
      throw new AppError(
        422,
        e.reason === 'private' ? 'WEBHOOK_TARGET_PRIVATE' : 'WEBHOOK_TARGET_INVALID',
        e.message,
        [{ field: 'url', messages: [e.message] }],
      );
    }
    return events;
  }
}
