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
});
