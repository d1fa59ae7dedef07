import { EVENT_TYPES, type EventType } from './events.js';

/** Entities whose events never go to webhooks (a delivery must not announce itself). */
const NOT_SENT = ['webhook_subscription.', 'webhook_delivery.'];

/** The events a webhook can subscribe to. */
export const WEBHOOK_EVENT_TYPES: readonly EventType[] = EVENT_TYPES.filter(
  (t) => !NOT_SENT.some((p) => t.startsWith(p)),
);

/** The type of the test delivery `POST /admin/webhooks/{id}/test` sends. */
export const WEBHOOK_PING_TYPE = 'webhook.ping';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * A subscription pattern: `*` (every event), a prefix ending in `.*` (`kanban_card.*`, `quality.lot.*`),
 * or one event type (`kanban_card.approved`).
 */
export function matchesWebhookPattern(pattern: string, type: string): boolean {
  if (NOT_SENT.some((p) => type.startsWith(p))) return false;
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

/** A pattern is known when it matches at least one event a webhook can receive. */
export const isKnownWebhookPattern = (pattern: string): boolean =>
  WEBHOOK_EVENT_TYPES.some((t) => matchesWebhookPattern(pattern, t));

/** The patterns a person picks from: every event, each entity's events, then each event. */
export function webhookPatternChoices(): string[] {
  const entities = [...new Set(WEBHOOK_EVENT_TYPES.map((t) => `${t.slice(0, t.indexOf('.'))}.*`))];
  return ['*', ...entities, ...WEBHOOK_EVENT_TYPES];
}
