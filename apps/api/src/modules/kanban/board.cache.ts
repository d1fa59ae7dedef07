import { Injectable, type OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { EventsHub } from '../../core/events/events.hub.js';
import type { CardResponse } from './dto/kanban.dto.js';

const TTL_MS = 10_000;

/** A board answer as it goes on the wire: the JSON, its gzip form and the tag a browser revalidates with. */
export interface BoardAnswer {
  etag: string;
  json: Buffer;
  gzip: Buffer;
}

interface Entry<T> {
  generation: number;
  at: number;
  value: Promise<T>;
}

/**
 * The board's cards per filter, and each user's serialized answer, until anything that shows on a card
 * changes: a card event from any instance (NOTIFY), a product, location, user or role change, a command
 * on this instance (dropped synchronously), or ten seconds (closed cards leave the board after seven days).
 */
@Injectable()
export class BoardCache implements OnModuleInit {
  private generation = 0;
  private readonly cards = new Map<string, Entry<CardResponse[]>>();
  private readonly answers = new Map<string, Entry<BoardAnswer>>();

  constructor(private readonly hub: EventsHub) {}

  onModuleInit(): void {
    this.hub.subscribe((event) => {
      if (/^(kanban_card|product|location|user|role)\./.test(event.type)) this.invalidate();
    });
  }

  invalidate(): void {
    this.generation++;
    this.cards.clear();
    this.answers.clear();
  }

  /** The cards of a filter (shared by every user). */
  get(filter: string, load: () => Promise<CardResponse[]>): Promise<CardResponse[]> {
    return this.remember(this.cards, filter, load);
  }

  /** One user's answer for a filter, serialized and compressed once per change. */
  answer(filter: string, userId: string, build: () => Promise<unknown>): Promise<BoardAnswer> {
    return this.remember(this.answers, `${filter}|${userId}`, async () => {
      const json = Buffer.from(JSON.stringify(await build()));
      const hash = createHash('sha256').update(json).digest('base64url').slice(0, 27);
      return { etag: `"${hash}"`, json, gzip: gzipSync(json) };
    });
  }

  private remember<T>(map: Map<string, Entry<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const entry = map.get(key);
    if (entry && entry.generation === this.generation && Date.now() - entry.at < TTL_MS) return entry.value;
    const value = load();
    map.set(key, { generation: this.generation, at: Date.now(), value });
    // A failed load is not kept.
    value.catch(() => {
      if (map.get(key)?.value === value) map.delete(key);
    });
    return value;
  }
}
