import { MRP_RUN_PHASES, type KapokEvent } from '@kapok/contracts';
import pg from 'pg';
import { eventually } from './support/eventually.js';
import { raw, startTestApp, type TestApp } from './support/test-app.js';

// The threshold at 0: every run is answered 202 at once and finishes in the background.
let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp({ MRP_SYNC_WAIT_MS: '0' });
  token = (await t.as('ppic')).accessToken;
});
afterAll(() => t.close());

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  raw(t.baseUrl, `/api/v1${path}`, {
    method,
    token,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers,
  });

/** The SSE stream of a user, collecting its events. */
async function openStream(accessToken: string) {
  const controller = new AbortController();
  const res = await fetch(`${t.baseUrl}/api/v1/events`, {
    headers: { authorization: `Bearer ${accessToken}` },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  const events: KapokEvent[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let connected = false;
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
        connected ||= text.includes(': connected');
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          for (const line of text.slice(0, end).split('\n'))
            if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as KapokEvent);
          text = text.slice(end + 2);
        }
      }
    } catch {
      /* aborted */
    }
  })();
  // The stream's first comment line says it is subscribed.
  expect(await eventually(async () => connected)).toBe(true);
  return {
    events,
    of: (runId: string) => events.filter((e) => e.ids.includes(runId)),
    close: async () => {
      controller.abort();
      await pump;
    },
  };
}

const stateOf = async (id: string) => (await call('GET', `/planning/mrp/runs/${id}`)).body.state as string;

/** Holds a run in its saving phase: its delete of the previous details waits for this table lock. */
async function holdSaving() {
  const blocker = new pg.Client({ connectionString: t.databaseUrl });
  await blocker.connect();
  await blocker.query('begin');
  await blocker.query('lock table mrp_grid_rows in access exclusive mode');
  const waiting = () =>
    eventually(async () => {
      const r = await blocker.query(
        `select l.pid from pg_locks l join pg_class c on c.oid = l.relation
          where c.relname = 'mrp_grid_rows' and not l.granted`,
      );
      return r.rows[0]?.pid as number | undefined;
    });
  return { blocker, waiting };
}

describe('MRP runs answered 202 with progress', () => {
  it('answers 202 with the RUNNING run and its Location, publishes progress, then finishes', async () => {
    const stream = await openStream(token);
    try {
      const res = await call('POST', '/planning/mrp/runs', {});
      expect(res.status).toBe(202);
      const id = res.body.id as string;
      expect(res.headers.get('location')).toBe(`/api/v1/planning/mrp/runs/${id}`);
      expect(res.body).toMatchObject({
        id,
        state: 'RUNNING',
        finishedAt: null,
        error: null,
        horizonWeeks: 12,
      });

      expect(await eventually(async () => (await stateOf(id)) !== 'RUNNING')).toBe(true);
      const finished = await call('GET', `/planning/mrp/runs/${id}`);
      expect(finished.body).toMatchObject({ state: 'FINISHED', phase: null, percent: null, latest: true });
      expect(finished.body.finishedAt).not.toBeNull();
      expect(finished.body.weeks).toHaveLength(12);
      expect((await call('GET', '/planning/mrp/runs/latest')).body.id).toBe(id);
      const orders = await call('GET', `/planning/mrp/runs/${id}/planned-orders?limit=1`);
      expect(orders.status).toBe(200);
      expect(orders.body.total).toBe(finished.body.makeCount + finished.body.buyCount);

      // The stream saw the run start, go through every phase with its percentage, and end.
      const seen = await eventually(async () =>
        stream.of(id).some((e) => e.type === 'mrp_run.finished') ? stream.of(id) : null,
      );
      expect(seen).not.toBeNull();
      expect(seen!.map((e) => e.type)).toEqual(
        expect.arrayContaining(['mrp_run.started', 'planning.mrp.progress', 'mrp_run.finished']),
      );
      const progress = seen!
        .filter((e) => e.type === 'planning.mrp.progress')
        .map((e) => e.progress!)
        .sort((a, b) => a.percent - b.percent);
      expect([...new Set(progress.map((p) => p.phase))]).toEqual([...MRP_RUN_PHASES]);
      expect(progress[0]).toEqual({ phase: 'snapshot', percent: 0 });
      expect(progress[progress.length - 1].percent).toBeLessThanOrEqual(100);
    } finally {
      await stream.close();
    }
  });

  it('shows a held run RUNNING in its phase, refuses a second run with 409 MRP_RUNNING, then finishes it', async () => {
    const { blocker, waiting } = await holdSaving();
    try {
      const res = await call('POST', '/planning/mrp/runs', {});
      expect(res.status).toBe(202);
      expect(await waiting()).toBeDefined();
      const running = await call('GET', `/planning/mrp/runs/${res.body.id}`);
      expect(running.body).toMatchObject({
        state: 'RUNNING',
        phase: 'saving',
        percent: 85,
        finishedAt: null,
      });
      // Latest is still the previous finished run while this one runs.
      expect((await call('GET', '/planning/mrp/runs/latest')).body.id).not.toBe(res.body.id);

      const second = await call('POST', '/planning/mrp/runs', {});
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('MRP_RUNNING');

      await blocker.query('commit');
      expect(await eventually(async () => (await stateOf(res.body.id)) === 'FINISHED')).toBe(true);
      expect((await call('POST', '/planning/mrp/runs', {})).status).toBe(202);
    } finally {
      await blocker.query('rollback').catch(() => undefined);
      await blocker.end();
    }
  });

  it('marks a run that fails after its 202 FAILED, says so on the stream and frees the lock', async () => {
    // Let the previous test's last run finish first.
    await eventually(async () => (await call('GET', '/planning/mrp/runs/latest')).body.state === 'FINISHED');
    const stream = await openStream(token);
    const { blocker, waiting } = await holdSaving();
    try {
      const res = await call('POST', '/planning/mrp/runs', {});
      expect(res.status).toBe(202);
      const pid = await waiting();
      expect(pid).toBeDefined();
      // The run's statement is cancelled by the database: the run cannot save.
      await blocker.query('select pg_cancel_backend($1)', [pid]);
      expect(await eventually(async () => (await stateOf(res.body.id)) === 'FAILED')).toBe(true);
      const failed = await call('GET', `/planning/mrp/runs/${res.body.id}`);
      expect(failed.body).toMatchObject({
        state: 'FAILED',
        latest: false,
        error: { code: 'INTERNAL_ERROR' },
      });
      expect(failed.body.finishedAt).not.toBeNull();
      expect(
        await eventually(async () => stream.of(res.body.id).some((e) => e.type === 'mrp_run.failed')),
      ).toBe(true);
      await blocker.query('commit');
      // The latest plan is still the previous one, and a new run may start.
      expect((await call('GET', '/planning/mrp/runs/latest')).body.id).not.toBe(res.body.id);
      const next = await call('POST', '/planning/mrp/runs', {});
      expect(next.status).toBe(202);
      expect(await eventually(async () => (await stateOf(next.body.id)) === 'FINISHED')).toBe(true);
    } finally {
      await blocker.query('rollback').catch(() => undefined);
      await blocker.end();
      await stream.close();
    }
  });

  it('replays a 202 answer for the same Idempotency-Key without starting another run', async () => {
    await eventually(async () => (await call('GET', '/planning/mrp/runs/latest')).body.state === 'FINISHED');
    const key = { 'idempotency-key': 'mrp-run-202-replay' };
    const first = await call('POST', '/planning/mrp/runs', { horizonWeeks: 4 }, key);
    expect(first.status).toBe(202);
    const again = await call('POST', '/planning/mrp/runs', { horizonWeeks: 4 }, key);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(await eventually(async () => (await stateOf(first.body.id)) === 'FINISHED')).toBe(true);
    const runs = await t.db.query('select count(*)::int as n from mrp_runs where horizon_weeks = 4');
    expect(runs.rows[0].n).toBe(1);
  });
});
