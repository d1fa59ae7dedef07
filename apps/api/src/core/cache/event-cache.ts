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
 * `maxEntries`, the entry stored longest ago goes first when a new key would exceed it. An event whose
 * type matches `dropIdsOn` (keys are the ids such events name) drops only the keys it names, or
 * everything when it names none (a notice of more than 100 ids carries none: "many changed").
 */
export class EventCache<T> {
  private generation = 0;
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    hub: EventsHub,
    dropOn: RegExp,
    private readonly ttlMs: number,
    private readonly maxEntries = Infinity,
    dropIdsOn?: RegExp,
  ) {
    const drop = (event: { type: string; ids?: readonly string[] }) => {
      if (!dropOn.test(event.type)) return;
      if (dropIdsOn?.test(event.type) && event.ids?.length) for (const id of event.ids) this.drop(id);
      else this.invalidate();
    };
    hub.subscribe(drop);
    hub.onLocalCommit(drop);
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Drops one key (a load under way for it is not kept either). */
  drop(key: string): void {
    this.entries.delete(key);
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
