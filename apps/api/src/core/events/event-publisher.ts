import { Injectable } from '@nestjs/common';
import type { EventType, KapokEvent } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import { EVENTS_CHANNEL, outboxOf } from '../database/outbox.js';

export { EVENTS_CHANNEL };

/** NOTIFY payloads are limited to 8000 bytes; past this many ids a notice says "many changed". */
const MAX_IDS = 100;

/**
 * Publishes a change notice inside the caller's transaction with pg_notify: PostgreSQL delivers it at
 * commit and drops it on rollback, on every API instance that listens.
 */
@Injectable()
export class EventPublisher {
  async publish(
    manager: EntityManager,
    type: EventType,
    ids: readonly string[],
    extra: Pick<KapokEvent, 'progress'> = {},
  ): Promise<void> {
    const payload = JSON.stringify({
      type,
      ids: ids.length > MAX_IDS ? [] : ids,
      at: new Date().toISOString(),
      ...extra,
    });
    const outbox = outboxOf(manager);
    if (outbox) outbox.notify(payload);
    else await manager.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, payload]);
  }
}
