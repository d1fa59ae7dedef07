import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventsHub } from '../../core/events/events.hub.js';
import type { CardResponse } from './dto/kanban.dto.js';

const TTL_MS = 10_000;

/**
 * The board's cards per filter, until anything that shows on a card changes: a card event from any
 * instance (NOTIFY), a product, location or user change, a command on this instance (dropped synchronously), or
 * ten seconds (closed cards leave the board after seven days).
 */
@Injectable()
export class BoardCache implements OnModuleInit {
  private generation = 0;
  private readonly entries = new Map<
    string,
    { generation: number; at: number; cards: Promise<CardResponse[]> }
  >();

  constructor(private readonly hub: EventsHub) {}

  onModuleInit(): void {
    this.hub.subscribe((event) => {
      if (/^(kanban_card|product|location|user)\./.test(event.type)) this.invalidate();
    });
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  get(key: string, load: () => Promise<CardResponse[]>): Promise<CardResponse[]> {
    const entry = this.entries.get(key);
    if (entry && entry.generation === this.generation && Date.now() - entry.at < TTL_MS) return entry.cards;
    const generation = this.generation;
    const cards = load();
    this.entries.set(key, { generation, at: Date.now(), cards });
    // A failed load is not kept.
    cards.catch(() => {
      if (this.entries.get(key)?.cards === cards) this.entries.delete(key);
    });
    return cards;
  }
}
