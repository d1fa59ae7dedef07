import type { EventType } from '@kapok/contracts';
import { DataSource } from 'typeorm';
import { Transactions } from '../src/core/database/transactions.js';
import { EventPublisher } from '../src/core/events/event-publisher.js';
import { eventually } from './support/eventually.js';
import { raw, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** Opens the SSE stream and collects the `data:` events it delivers. */
async function openStream(token: string) {
  const controller = new AbortController();
  const res = await fetch(`${t.baseUrl}/api/v1/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const events: Array<{ type: string; ids: string[]; at: string }> = [];
  let text = '';
  let everything = '';
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const chunk = decoder.decode(value, { stream: true });
        text += chunk;
        everything += chunk;
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const block = text.slice(0, end);
          text = text.slice(end + 2);
          for (const line of block.split('\n'))
            if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return {
    res,
    events,
    raw: () => everything,
    close: async () => {
      controller.abort();
      await pump;
    },
  };
}

const publish = (type: EventType, ids: string[], rollback = false) =>
  t.app
    .get(Transactions)
    .run(async (manager) => {
      await t.app.get(EventPublisher).publish(manager, type, ids);
      if (rollback) throw new Error('rolled back on purpose');
    })
    .catch((e: Error) => {
      if (!rollback) throw e;
    });

describe('GET /events', () => {
  it('needs a signed-in user', async () => {
    expect((await raw(t.baseUrl, '/api/v1/events')).status).toBe(401);
  });

  it('delivers an event published in a committed transaction, never one from a rolled-back transaction', async () => {
    const { accessToken } = await t.as('warehouse');
    const stream = await openStream(accessToken);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toContain('text/event-stream');
    await publish('stock.changed', ['committed-1']);
    await publish('stock.changed', ['rolled-back'], true);
    await publish('stock.changed', ['committed-2']);
    await eventually(async () => stream.events.length >= 2);
    await stream.close();
    expect(stream.events.map((e) => e.ids[0])).toEqual(['committed-1', 'committed-2']);
    expect(stream.events[0]).toMatchObject({ type: 'stock.changed', at: expect.any(String) });
  });

  it('filters events by the permissions of the user', async () => {
    const { accessToken } = await t.as('engineer'); // bom and warehouse, no kanban
    const stream = await openStream(accessToken);
    await publish('kanban_card.approved', ['card-1']);
    await publish('bom.revised', ['bom-1']);
    await eventually(async () => stream.events.length >= 1);
    await stream.close();
    expect(stream.events.map((e) => e.type)).toEqual(['bom.revised']);
  });

  it('sends heartbeats so proxies keep the stream open', async () => {
    const { accessToken } = await t.as('viewer');
    const stream = await openStream(accessToken);
    const beat = await eventually(async () => stream.raw().includes(': heartbeat') || undefined, 60);
    await stream.close();
    expect(beat).toBe(true);
  });

  it('reaches the stream through the database: a notice sent by another connection arrives', async () => {
    const { accessToken } = await t.as('packing');
    const stream = await openStream(accessToken);
    const other = new DataSource({ type: 'postgres', url: t.databaseUrl });
    await other.initialize();
    await other.query(`select pg_notify('kapok_events', $1)`, [
      JSON.stringify({ type: 'kanban_card.created', ids: ['x'], at: new Date().toISOString() }),
    ]);
    await other.destroy();
    await eventually(async () => stream.events.length >= 1);
    await stream.close();
    expect(stream.events[0].type).toBe('kanban_card.created');
  });
});
