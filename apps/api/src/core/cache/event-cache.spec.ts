import { EventsHub } from '../events/events.hub.js';
import { EventCache } from './event-cache.js';

const notice = (type: string) => JSON.stringify({ type, ids: ['x'], at: new Date().toISOString() });

describe('EventCache', () => {
  // A hub that never connects: only what this instance commits reaches it.
  const hub = new EventsHub('postgres://nowhere.invalid/none');

  it('drops at once what a command of this instance committed, before any NOTIFY arrives', async () => {
    const cache = new EventCache<number>(hub, /^manufacturing_order\./, 60_000);
    let loads = 0;
    const read = () => cache.get('overview', async () => ++loads);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    hub.committedHere([notice('kanban_card.approved')]);
    expect(await read()).toBe(1);
    hub.committedHere([notice('manufacturing_order.approved')]);
    expect(await read()).toBe(2);
  });

  it('tells only caches of the local commit, not the event streams (they get the NOTIFY)', () => {
    const streamed: string[] = [];
    const stop = hub.subscribe((e) => streamed.push(e.type));
    hub.committedHere([notice('manufacturing_order.started')]);
    stop();
    expect(streamed).toEqual([]);
  });

  it('keeps at most maxEntries keys, dropping the one stored longest ago', async () => {
    const cache = new EventCache<string>(hub, /^bom\./, 60_000, 2);
    const loads: string[] = [];
    const read = (key: string) => cache.get(key, async () => (loads.push(key), key));
    await read('a');
    await read('b');
    await read('a');
    await read('c');
    await read('b');
    await read('a');
    expect(loads).toEqual(['a', 'b', 'c', 'a']);
  });

  it('drops only the keys an id-keyed event names, and everything when it names none', async () => {
    const cache = new EventCache<string>(hub, /^(stock|product)\./, 60_000, Infinity, /^stock\./);
    const loads: string[] = [];
    const read = (key: string) => cache.get(key, async () => (loads.push(key), key));
    const commit = (type: string, ids: string[]) =>
      hub.committedHere([JSON.stringify({ type, ids, at: new Date().toISOString() })]);
    await read('a');
    await read('b');
    commit('stock.changed', ['a']);
    await read('a');
    await read('b');
    expect(loads).toEqual(['a', 'b', 'a']);
    commit('stock.changed', []);
    await read('a');
    await read('b');
    expect(loads).toEqual(['a', 'b', 'a', 'a', 'b']);
    commit('product.updated', ['a']);
    await read('b');
    expect(loads).toEqual(['a', 'b', 'a', 'a', 'b', 'b']);
  });

  it('does not keep a load that was under way when its key was dropped', async () => {
    const cache = new EventCache<number>(hub, /^stock\./, 60_000, Infinity, /^stock\./);
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((done) => (release = done));
    const first = cache.get('a', async () => (await gate, ++loads));
    hub.committedHere([JSON.stringify({ type: 'stock.changed', ids: ['a'], at: new Date().toISOString() })]);
    release();
    expect(await first).toBe(1);
    expect(await cache.get('a', async () => ++loads)).toBe(2);
  });
});
