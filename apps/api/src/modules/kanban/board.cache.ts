import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { EventCache } from '../../core/cache/event-cache.js';
import { EventsHub } from '../../core/events/events.hub.js';
import type { CardResponse } from './dto/kanban.dto.js';

/** What shows on a card: the card, its product, its source rack, the people on it, and what roles allow. */
const CHANGES_A_CARD = /^(kanban_card|product|location|user|role)\./;
/** Closed cards leave the board after seven days: no event says so. */
const TTL_MS = 10_000;

/** A board answer as it goes on the wire: the JSON, its gzip form and the tag a browser revalidates with. */
export interface BoardAnswer {
  etag: string;
  json: Buffer;
  gzip: Buffer;
}

/** The board's cards per filter, and each user's serialized answer, until something on a card changes. */
@Injectable()
export class BoardCache {
  private readonly cards: EventCache<CardResponse[]>;
  private readonly answers: EventCache<BoardAnswer>;

  constructor(hub: EventsHub) {
    this.cards = new EventCache(hub, CHANGES_A_CARD, TTL_MS);
    this.answers = new EventCache(hub, CHANGES_A_CARD, TTL_MS);
  }

  /** Dropped synchronously by this instance's own commands, before their answer goes out. */
  invalidate(): void {
    this.cards.invalidate();
    this.answers.invalidate();
  }

  /** The cards of a filter (shared by every user). */
  get(filter: string, load: () => Promise<CardResponse[]>): Promise<CardResponse[]> {
    return this.cards.get(filter, load);
  }

  /** One user's answer for a filter, serialized and compressed once per change. */
  answer(filter: string, userId: string, build: () => Promise<unknown>): Promise<BoardAnswer> {
    return this.answers.get(`${filter}|${userId}`, async () => {
      const json = Buffer.from(JSON.stringify(await build()));
      const hash = createHash('sha256').update(json).digest('base64url').slice(0, 27);
      return { etag: `"${hash}"`, json, gzip: gzipSync(json) };
    });
  }
}
