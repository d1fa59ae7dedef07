import { Webhook } from 'standardwebhooks';
import { Transactions } from '../src/core/database/transactions.js';
import { EventPublisher } from '../src/core/events/event-publisher.js';
import { Jobs } from '../src/core/jobs/jobs.js';
import { deliverWebhook } from '../src/modules/webhooks/webhook-fan-out.js';
import { eventually } from './support/eventually.js';
import { ppicFixtures } from './support/ppic-fixtures.js';
import { freshDatabase, raw, startTestApp, type TestApp } from './support/test-app.js';
import { startReceiver } from './support/webhook-receiver.js';

let t: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const tokens: Record<string, string> = {};
let p: Awaited<ReturnType<typeof ppicFixtures>>;

beforeAll(async () => {
  t = await startTestApp();
  receiver = await startReceiver();
  for (const u of ['admin', 'viewer', 'warehouse', 'packing', 'engineer'])
    tokens[u] = (await t.as(u)).accessToken;
  p = await ppicFixtures(t, tokens);
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});
beforeEach(() => {
  receiver.received.length = 0;
});

const call = (app: TestApp, user: string, method: string, path: string, body?: unknown) =>
  raw(app.baseUrl, `/api/v1${path}`, {
    method,
    token: tokens[user],
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const api = (user: string, method: string, path: string, body?: unknown) => call(t, user, method, path, body);

async function subscribe(events: string[], path = '/hook', app = t) {
  const res = await call(app, 'admin', 'POST', '/admin/webhooks', { url: receiver.url(path), events });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as { id: string; secret: string; version: number };
}

/** A kanban card created by packing and approved by the warehouse: two events (created, approved). */
async function kanbanRoundTrip(app = t) {
  const product = await p.wh.product({ type: 'ACCESSORY' });
  await p.wh.receive(product.id, (await p.wh.rack()).id, 10);
  const card = await call(app, 'packing', 'POST', '/ppic/kanban/cards', {
    productId: product.id,
    quantity: 1,
  });
  expect(card.status).toBe(201);
  expect(
    (await call(app, 'warehouse', 'POST', `/ppic/kanban/cards/${card.body.id}/approve`, {})).status,
  ).toBe(200);
  return card.body.id as string;
}

const deliveries = async (id: string, app = t) =>
  (await call(app, 'admin', 'GET', `/admin/webhooks/${id}/deliveries`)).body;
const off = (id: string, version: number) =>
  api('admin', 'PUT', `/admin/webhooks/${id}`, {
    url: receiver.url(),
    events: ['kanban_card.*'],
    active: false,
    version,
  });

describe('webhook subscriptions', () => {
  it('shows the secret once, never lists it, and refuses unknown patterns and bad URLs', async () => {
    const created = await subscribe(['kanban_card.*', 'manufacturing_order.completed']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const list = await api('admin', 'GET', '/admin/webhooks');
    expect(list.status).toBe(200);
    const listed = list.body.items.find((w: { id: string }) => w.id === created.id);
    expect(listed).toMatchObject({
      url: receiver.url(),
      events: ['kanban_card.*', 'manufacturing_order.completed'],
      active: true,
    });
    expect(JSON.stringify(list.body)).not.toContain(created.secret);
    expect(JSON.stringify((await api('admin', 'GET', `/admin/webhooks/${created.id}`)).body)).not.toContain(
      'whsec_',
    );

    const unknown = await api('admin', 'POST', '/admin/webhooks', {
      url: receiver.url(),
      events: ['kanban.card.*'],
    });
    expect(unknown).toMatchObject({ status: 422, body: { code: 'WEBHOOK_PATTERN_UNKNOWN' } });
    const self = await api('admin', 'POST', '/admin/webhooks', {
      url: receiver.url(),
      events: ['webhook_delivery.*'],
    });
    expect(self).toMatchObject({ status: 422, body: { code: 'WEBHOOK_PATTERN_UNKNOWN' } });
    const twice = await api('admin', 'POST', '/admin/webhooks', { url: receiver.url(), events: ['*', '*'] });
    expect(twice).toMatchObject({ status: 422, body: { code: 'VALIDATION_FAILED' } });
    const ftp = await api('admin', 'POST', '/admin/webhooks', { url: 'ftp://example.com/x', events: ['*'] });
    expect(ftp).toMatchObject({ status: 422, body: { code: 'WEBHOOK_TARGET_INVALID' } });
    expect(
      (await api('viewer', 'POST', '/admin/webhooks', { url: receiver.url(), events: ['*'] })).status,
    ).toBe(403);

    const stale = await api('admin', 'PUT', `/admin/webhooks/${created.id}`, {
      url: receiver.url(),
      events: ['*'],
      version: created.version + 1,
    });
    expect(stale).toMatchObject({ status: 409, body: { code: 'STALE_VERSION' } });
    expect((await api('admin', 'DELETE', `/admin/webhooks/${created.id}`)).status).toBe(204);
    expect((await api('admin', 'GET', `/admin/webhooks/${created.id}`)).status).toBe(404);
    const audit = await t.db.query<{ action: string; after: unknown }>(
      `select action, after from audit_log where entity_id = $1 order by at`,
      [created.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'webhook_subscription.created',
      'webhook_subscription.deleted',
    ]);
    expect(JSON.stringify(audit.rows)).not.toContain('whsec_');
  });
});

describe('webhook deliveries', () => {
  it('delivers a kanban transition signed by the Standard Webhooks scheme', async () => {
    const hook = await subscribe(['kanban_card.approved'], '/signed');
    const cardId = await kanbanRoundTrip();
    await t.app.get(Jobs).runDue();
    const got = receiver.received.filter((r) => r.path === '/signed');
    expect(got).toHaveLength(1);
    const verified = new Webhook(hook.secret).verify(got[0].body, got[0].headers as Record<string, string>);
    expect(verified).toEqual({
      type: 'kanban_card.approved',
      timestamp: expect.any(String),
      data: { ids: [cardId] },
    });
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(24).toString('base64')}`).verify(
        got[0].body,
        got[0].headers as Record<string, string>,
      ),
    ).toThrow();
    const log = await deliveries(hook.id);
    expect(log.items).toEqual([
      expect.objectContaining({
        eventType: 'kanban_card.approved',
        status: 'delivered',
        attempts: 1,
        lastStatusCode: 200,
        lastResponse: 'thanks',
        messageId: got[0].headers['webhook-id'],
        nextAttemptAt: null,
      }),
    ]);
    await api('admin', 'DELETE', `/admin/webhooks/${hook.id}`);
  });

  it('retries a receiver that fails twice and delivers the third attempt, under the same webhook-id', async () => {
    const hook = await subscribe(['kanban_card.*'], '/flaky');
    receiver.answer(500, 503);
    const ping = await api('admin', 'POST', `/admin/webhooks/${hook.id}/test`);
    expect(ping).toMatchObject({
      status: 201,
      body: { eventType: 'webhook.ping', status: 'pending', attempts: 0 },
    });
    const jobs = t.app.get(Jobs);
    await jobs.runDue();
    let log = (await deliveries(hook.id)).items[0];
    expect(log).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
    expect(log.lastResponse).toMatch(/^receiver says no \(500\) x+$/);
    expect(Buffer.byteLength(log.lastResponse)).toBe(1024);
    expect(Date.parse(log.nextAttemptAt)).toBeGreaterThan(Date.parse(log.lastAttemptAt));
    // Not due yet: nothing is sent until the backoff passes (made due here instead of waiting).
    await jobs.runDue();
    expect(receiver.received).toHaveLength(1);
    await jobs.runDue([deliverWebhook]);
    log = (await deliveries(hook.id)).items[0];
    expect(log).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 503 });
    await jobs.runDue([deliverWebhook]);
    log = (await deliveries(hook.id)).items[0];
    expect(log).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, nextAttemptAt: null });
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual(Array(3).fill(log.messageId));

    // Redelivered: a new delivery of the same message.
    const again = await api('admin', 'POST', `/admin/webhooks/${hook.id}/deliveries/${log.id}/redeliver`);
    expect(again).toMatchObject({
      status: 201,
      body: { messageId: log.messageId, redeliveryOfId: log.id, attempts: 0 },
    });
    await jobs.runDue();
    expect(receiver.received).toHaveLength(4);
    expect(receiver.received[3].headers['webhook-id']).toBe(log.messageId);

    // Switched off: no ping, and nothing more is sent.
    expect((await off(hook.id, hook.version)).status).toBe(200);
    expect((await api('admin', 'POST', `/admin/webhooks/${hook.id}/test`)).body.code).toBe('INVALID_STATE');
    await api('admin', 'DELETE', `/admin/webhooks/${hook.id}`);
  });

  it('delivers nothing for a rolled-back command', async () => {
    const hook = await subscribe(['kanban_card.*'], '/rollback');
    await expect(
      t.app.get(Transactions).run(async (m) => {
        await t.app
          .get(EventPublisher)
          .publish(m, 'kanban_card.approved', ['00000000-0000-4000-8000-000000000001']);
        throw new Error('the command fails after its event');
      }),
    ).rejects.toThrow('the command fails');
    await t.app.get(Jobs).runDue();
    expect(receiver.received).toHaveLength(0);
    expect((await deliveries(hook.id)).total).toBe(0);
    const queued = await t.db.query(`select 1 from graphile_worker.jobs where task_identifier = $1`, [
      deliverWebhook.name,
    ]);
    expect(queued.rowCount).toBe(0);
    await api('admin', 'DELETE', `/admin/webhooks/${hook.id}`);
  });

  it('costs no statement when no subscription matches and one when some do', async () => {
    const other = await subscribe(['manufacturing_order.*'], '/other');
    const statements = async () => {
      const text = await (await fetch(`${t.baseUrl}/metrics`)).text();
      const m =
        /^kapok_http_request_statements_sum\{[^}]*route="\/api\/v1\/ppic\/kanban\/cards\/:id\/approve"[^}]*\} (\S+)$/m.exec(
          text,
        );
      return Number(m?.[1] ?? 0);
    };
    const approveCost = async () => {
      const product = await p.wh.product({ type: 'ACCESSORY' });
      await p.wh.receive(product.id, (await p.wh.rack()).id, 10);
      const card = await api('packing', 'POST', '/ppic/kanban/cards', { productId: product.id, quantity: 1 });
      const before = await statements();
      expect((await api('warehouse', 'POST', `/ppic/kanban/cards/${card.body.id}/approve`, {})).status).toBe(
        200,
      );
      return (await statements()) - before;
    };
    await approveCost(); // warms the caches
    const unmatched = await approveCost();
    const hook = await subscribe(['kanban_card.approved'], '/cost');
    await approveCost(); // reads the changed subscriptions once
    expect(await approveCost()).toBe(unmatched + 1);
    await t.app.get(Jobs).runDue();
    expect(receiver.received.filter((r) => r.path === '/other')).toHaveLength(0);
    await api('admin', 'DELETE', `/admin/webhooks/${hook.id}`);
    await api('admin', 'DELETE', `/admin/webhooks/${other.id}`);
  });
});

describe('webhooks with two API instances and in production', () => {
  it('delivers each event once with two instances running the queue on one database', async () => {
    const url = await freshDatabase();
    const env = { JOBS_ENABLED: 'true', JOBS_POLL_INTERVAL_MS: '200' };
    const [a, b] = await Promise.all([startTestApp(env, url), startTestApp(env, url)]);
    try {
      for (const u of ['admin', 'warehouse', 'packing']) tokens[u] = (await a.as(u)).accessToken;
      const hook = await subscribe(['kanban_card.*'], '/twice', a);
      const pingA = await call(a, 'admin', 'POST', `/admin/webhooks/${hook.id}/test`);
      const pingB = await call(b, 'admin', 'POST', `/admin/webhooks/${hook.id}/test`);
      expect([pingA.status, pingB.status]).toEqual([201, 201]);
      const product = (await call(a, 'warehouse', 'GET', '/warehouse/products?limit=1')).body.items[0];
      for (const app of [a, b, a, b])
        expect(
          (await call(app, 'packing', 'POST', '/ppic/kanban/cards', { productId: product.id, quantity: 1 }))
            .status,
        ).toBe(201);
      const settled = await eventually(
        async () => {
          const log = await deliveries(hook.id, a);
          return log.total === 6 && log.items.every((d: { status: string }) => d.status === 'delivered')
            ? log
            : null;
        },
        200,
        50,
      );
      expect(settled).not.toBeNull();
      const ids = receiver.received.filter((r) => r.path === '/twice').map((r) => r.headers['webhook-id']);
      expect(ids).toHaveLength(6);
      expect(new Set(ids).size).toBe(6);
    } finally {
      await Promise.all([a.close(), b.close()]);
      for (const u of ['admin', 'warehouse', 'packing']) tokens[u] = (await t.as(u)).accessToken;
    }
  });

  it('refuses a private target in production, when subscribing and when sending', async () => {
    const hook = await subscribe(['kanban_card.*'], '/private');
    const production = { NODE_ENV: 'production', KAPOK_SEED_DEMO: 'false', DATABASE_URL: t.databaseUrl };
    const prod = await startTestApp(production, t.databaseUrl);
    try {
      const admin = (await prod.signIn('admin')).accessToken;
      for (const target of [
        'http://127.0.0.1:9/x',
        'http://[::1]:9/x',
        'http://169.254.169.254/latest',
        'http://10.1.2.3/',
        'http://localhost:9/',
      ]) {
        const refused = await raw(prod.baseUrl, '/api/v1/admin/webhooks', {
          method: 'POST',
          token: admin,
          body: JSON.stringify({ url: target, events: ['*'] }),
        });
        expect({ target, status: refused.status, code: refused.body.code }).toEqual({
          target,
          status: 422,
          code: 'WEBHOOK_TARGET_PRIVATE',
        });
      }
      // Created where private targets are allowed, sent by the production instance: refused, not retried.
      expect((await api('admin', 'POST', `/admin/webhooks/${hook.id}/test`)).status).toBe(201);
      await prod.app.get(Jobs).runDue();
      expect(receiver.received).toHaveLength(0);
      const log = (await deliveries(hook.id)).items[0];
      expect(log).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: null, nextAttemptAt: null });
      expect(log.lastError).toMatch(/private or local address/);
      const queued = await t.db.query(`select 1 from graphile_worker.jobs where task_identifier = $1`, [
        deliverWebhook.name,
      ]);
      expect(queued.rowCount).toBe(0);
    } finally {
      await prod.close();
      await api('admin', 'DELETE', `/admin/webhooks/${hook.id}`);
    }
  });
});
