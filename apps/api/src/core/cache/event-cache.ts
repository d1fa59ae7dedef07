import type { EventsHub } from '../events/events.hub.js';

interface Entry<T> {
  generation: number;
  at: number;
  value: Promise<T>;
}

/**
 * Answers kept in memory until an event of any instance (or, at once, a commit of this one) says what they show changed (NOTIFY reaches
 * every instance), the owner drops them after its own command, or `ttlMs` passes (for what changes with
 * the clock alone). A failed load is not kept; concurrent readers of a missing key share one load. With
 * `maxEntries`, the entry stored longest ago goes first when a new key would exceed it.
 */
export class EventCache<T> {
  private generation = 0;
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    hub: EventsHub,
    dropOn: RegExp,
    private readonly ttlMs: number,
    private readonly maxEntries = Infinity,
  ) {
    const drop = (event: { type: string }) => {
      if (dropOn.test(event.type)) this.invalidate();
    };
    hub.subscribe(drop);
    hub.onLocalCommit(drop);
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.generation === this.generation && Date.now() - entry.at < this.ttlMs)
      return entry.value;
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { generation: this.generation, at: Date.now(), value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
