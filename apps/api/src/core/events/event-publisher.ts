import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export const EVENTS_CHANNEL = 'kapok_events';
/** NOTIFY payloads are limited to 8000 bytes; past this many ids a notice says "many changed". */
const MAX_IDS = 100;

/**
 * Publishes a change notice inside the caller's transaction with pg_notify: PostgreSQL delivers it at
 * commit and drops it on rollback, on every API instance that listens.
 */
@Injectable()
export class EventPublisher {
  async publish(manager: EntityManager, type: string, ids: readonly string[]): Promise<void> {
    const payload = JSON.stringify({
      type,
      ids: ids.length > MAX_IDS ? [] : ids,
      at: new Date().toISOString(),
    });
    await manager.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, payload]);
  }
}
