import type { WebhookDeliveryStatus } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import { ADD_JOB_FUNCTION } from '../../core/jobs/jobs.js';

/** The raw SQL of the webhooks module, one typed row per query. */
type Q = Pick<EntityManager, 'query'>;

export interface ActiveSubscriptionRow {
  id: string;
  events: string[];
}

export interface SubscriptionRow {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  /** Counts of its deliveries of the last 24 hours. */
  delivered_24h: number;
  failed_24h: number;
  last_delivery_at: Date | null;
}

export interface DeliveryRow {
  id: string;
  subscription_id: string;
  message_id: string;
  event_type: string;
  payload: object;
  status: WebhookDeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_response: string | null;
  last_error: string | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
  redelivery_of_id: string | null;
  created_at: Date;
}

export interface SendingRow {
  id: string;
  message_id: string;
  payload: object;
  status: WebhookDeliveryStatus;
  url: string;
  secret: string;
  receiving: boolean;
}

/** A new delivery: which subscription, which event, the body. */
export interface NewDelivery {
  subscription_id: string;
  event_type: string;
  payload: object;
  message_id?: string;
  redelivery_of_id?: string;
}

const SUBSCRIPTION = `select s.id, s.url, s.events, s.description, s.active, s.version, s.created_at, s.updated_at,
         coalesce(d.delivered, 0)::int as delivered_24h, coalesce(d.failed, 0)::int as failed_24h, d.last_at as last_delivery_at
    from webhook_subscriptions s
    left join lateral (
      select count(*) filter (where status = 'delivered') as delivered, count(*) filter (where status = 'failed') as failed,
             max(created_at) as last_at
        from webhook_deliveries where subscription_id = s.id and created_at > now() - interval '24 hours'
    ) d on true
   where s.deleted_at is null`;

const DELIVERY = `select id, subscription_id, message_id, event_type, payload, status, attempts, last_status_code, last_response,
         last_error, last_attempt_at, next_attempt_at, redelivery_of_id, created_at
    from webhook_deliveries`;

export const webhooksSql = {
  activeSubscriptions: (q: Q): Promise<ActiveSubscriptionRow[]> =>
    q.query(`select id, events from webhook_subscriptions where active and deleted_at is null order by id`),

  /**
   * Writes the deliveries and queues one job each, in one statement of the caller's transaction. A
   * subscription switched off or deleted since the cache was read gets nothing.
   */
  async queueDeliveries(
    m: Q,
    deliveries: NewDelivery[],
    task: string,
    maxAttempts: number,
  ): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `with d as (
         insert into webhook_deliveries (subscription_id, message_id, event_type, payload, status, attempts, redelivery_of_id)
         select s.id, coalesce(x.message_id, 'msg_' || replace(gen_random_uuid()::text, '-', '')), x.event_type, x.payload,
                'pending', 0, x.redelivery_of_id
           from jsonb_to_recordset($1::jsonb) as x(subscription_id uuid, event_type varchar, payload jsonb,
                                                    message_id varchar, redelivery_of_id uuid)
           join webhook_subscriptions s on s.id = x.subscription_id and s.active and s.deleted_at is null
         returning id
       )
       select d.id from d, ${ADD_JOB_FUNCTION}($2, json_build_object('deliveryId', d.id), max_attempts => $3) j`,
      [JSON.stringify(deliveries), task, maxAttempts],
    );
    return rows.map((r) => r.id);
  },

  listSubscriptions: (q: Q): Promise<SubscriptionRow[]> =>
    q.query(`${SUBSCRIPTION} order by s.created_at desc, s.id`),

  async subscription(q: Q, id: string): Promise<SubscriptionRow | undefined> {
    const rows: SubscriptionRow[] = await q.query(`${SUBSCRIPTION} and s.id = $1`, [id]);
    return rows[0];
  },

  async lockSubscription(
    q: Q,
    id: string,
  ): Promise<{ id: string; version: number; active: boolean } | undefined> {
    const rows: { id: string; version: number; active: boolean }[] = await q.query(
      `select id, version, active from webhook_subscriptions where id = $1 and deleted_at is null for update`,
      [id],
    );
    return rows[0];
  },

  async insertSubscription(
    q: Q,
    s: {
      url: string;
      events: string[];
      description: string | null;
      active: boolean;
      secret: string;
      createdById: string;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await q.query(
      `insert into webhook_subscriptions (url, events, description, active, secret, created_by_id)
       values ($1, $2::varchar[], $3, $4, $5, $6) returning id`,
      [s.url, s.events, s.description, s.active, s.secret, s.createdById],
    );
    return rows[0].id;
  },

  updateSubscription: (
    q: Q,
    id: string,
    s: { url: string; events: string[]; description: string | null; active: boolean },
  ): Promise<unknown> =>
    q.query(
      `update webhook_subscriptions set url = $2, events = $3::varchar[], description = $4, active = $5,
              version = version + 1, updated_at = now() where id = $1`,
      [id, s.url, s.events, s.description, s.active],
    ),

  deleteSubscription: (q: Q, id: string): Promise<unknown> =>
    q.query(
      `update webhook_subscriptions set deleted_at = now(), active = false, version = version + 1, updated_at = now()
        where id = $1`,
      [id],
    ),

  async deliveries(
    q: Q,
    subscriptionId: string,
    skip: number,
    limit: number,
  ): Promise<{ rows: DeliveryRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      q.query(`${DELIVERY} where subscription_id = $1 order by created_at desc, id desc offset $2 limit $3`, [
        subscriptionId,
        skip,
        limit,
      ]) as Promise<DeliveryRow[]>,
      q.query(`select count(*)::int as n from webhook_deliveries where subscription_id = $1`, [
        subscriptionId,
      ]) as Promise<{ n: number }[]>,
    ]);
    return { rows, total: count[0].n };
  },

  async delivery(q: Q, subscriptionId: string, id: string): Promise<DeliveryRow | undefined> {
    const rows: DeliveryRow[] = await q.query(`${DELIVERY} where subscription_id = $1 and id = $2`, [
      subscriptionId,
      id,
    ]);
    return rows[0];
  },

  async deliveriesById(q: Q, ids: string[]): Promise<DeliveryRow[]> {
    return q.query(`${DELIVERY} where id = any($1::uuid[]) order by created_at, id`, [ids]);
  },

  async forSending(q: Q, id: string): Promise<SendingRow | undefined> {
    const rows: SendingRow[] = await q.query(
      `select d.id, d.message_id, d.payload, d.status, s.url, s.secret, (s.active and s.deleted_at is null) as receiving
         from webhook_deliveries d join webhook_subscriptions s on s.id = d.subscription_id
        where d.id = $1`,
      [id],
    );
    return rows[0];
  },

  recordAttempt: (
    q: Q,
    id: string,
    a: {
      status: WebhookDeliveryStatus;
      statusCode: number | null;
      response: string | null;
      error: string | null;
      nextAttemptAt: Date | null;
    },
  ): Promise<unknown> =>
    q.query(
      `update webhook_deliveries
          set status = $2, attempts = attempts + 1, last_status_code = $3, last_response = $4, last_error = $5,
              last_attempt_at = now(), next_attempt_at = $6, updated_at = now()
        where id = $1`,
      [id, a.status, a.statusCode, a.response, a.error, a.nextAttemptAt],
    ),
};
