import { Transactions } from '../src/core/database/transactions.js';
import { type JobTask, Jobs, jobTask } from '../src/core/jobs/jobs.js';
import { eventually } from './support/eventually.js';
import { freshDatabase, startTestApp, type TestApp } from './support/test-app.js';

const count = jobTask<{ n: number }>('test.count');
const later = jobTask<{ n: number }>('test.later');

const jobsLeft = async (t: TestApp, task: JobTask<unknown>) =>
  Number(
    (
      await t.db.query<{ n: string }>(
        'select count(*) n from graphile_worker.jobs where task_identifier = $1',
        [task.name],
      )
    ).rows[0].n,
  );

describe('job queue', () => {
  let t: TestApp;
  const ran: number[] = [];

  beforeAll(async () => {
    t = await startTestApp({}, undefined, (app) => {
      const jobs = app.get(Jobs);
      jobs.register(count, async ({ n }) => {
        ran.push(n);
      });
      jobs.register(later, async ({ n }) => {
        ran.push(n);
      });
    });
  });
  afterAll(() => t.close());
  beforeEach(() => (ran.length = 0));

  it('runs a job queued by a committed command and never one of a rolled-back command', async () => {
    const jobs = t.app.get(Jobs);
    const tx = t.app.get(Transactions);
    await tx.run((m) => jobs.add(m, count, { n: 1 }));
    await expect(
      tx.run(async (m) => {
        await jobs.add(m, count, { n: 2 });
        throw new Error('the command fails after queueing');
      }),
    ).rejects.toThrow('the command fails');
    expect(jobs.running).toBe(false);
    await jobs.runDue();
    expect(ran).toEqual([1]);
    expect(await jobsLeft(t, count)).toBe(0);
  });

  it('keeps a scheduled job until it is due, and a job key replaces the waiting job', async () => {
    const jobs = t.app.get(Jobs);
    const tx = t.app.get(Transactions);
    const runAt = new Date(Date.now() + 3_600_000);
    await tx.run((m) => jobs.add(m, later, { n: 10 }, { runAt, jobKey: 'escalate:x' }));
    await tx.run((m) => jobs.add(m, later, { n: 11 }, { runAt, jobKey: 'escalate:x' }));
    await jobs.runDue();
    expect(ran).toEqual([]);
    expect(await jobsLeft(t, later)).toBe(1);
    await jobs.runDue([later]);
    expect(ran).toEqual([11]);
    expect(await jobsLeft(t, later)).toBe(0);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const tries: number[] = [];
    const flaky = jobTask<{ n: number }>('test.flaky');
    const other = await startTestApp({}, t.databaseUrl, (app) =>
      app.get(Jobs).register(flaky, async (_p, { attempt }) => {
        tries.push(attempt);
        if (attempt < 3) throw new Error(`attempt ${attempt} fails`);
      }),
    );
    try {
      const jobs = other.app.get(Jobs);
      await other.app.get(Transactions).run((m) => jobs.add(m, flaky, { n: 1 }));
      await jobs.runDue();
      expect(tries).toEqual([1]);
      const backoff = async () =>
        (
          await t.db.query<{ wait: number; attempts: number; last_error: string }>(
            `select extract(epoch from run_at - now())::float8 wait, attempts, last_error
               from graphile_worker.jobs where task_identifier = $1`,
            [flaky.name],
          )
        ).rows[0];
      // the first failure waits e^1 seconds, the second e^2
      const first = await backoff();
      expect(first).toMatchObject({ attempts: 1, last_error: expect.stringContaining('attempt 1 fails') });
      expect(first.wait).toBeGreaterThan(0);
      expect(first.wait).toBeLessThanOrEqual(Math.exp(1));
      await jobs.runDue();
      expect(tries).toEqual([1]);
      await jobs.runDue([flaky]);
      const second = await backoff();
      expect(second.attempts).toBe(2);
      expect(second.wait).toBeGreaterThan(Math.exp(1));
      expect(second.wait).toBeLessThanOrEqual(Math.exp(2));
      await jobs.runDue([flaky]);
      expect(tries).toEqual([1, 2, 3]);
      expect(await jobsLeft(t, flaky)).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('runs each job once with two API instances working on one database', async () => {
    const url = await freshDatabase();
    const byInstance: Record<string, number[]> = { a: [], b: [] };
    const shared = jobTask<{ n: number }>('test.shared');
    const start = (name: string) =>
      startTestApp(
        { JOBS_ENABLED: 'true', JOBS_CONCURRENCY: '3', JOBS_POLL_INTERVAL_MS: '100' },
        url,
        (app) =>
          app.get(Jobs).register(shared, async ({ n }) => {
            byInstance[name].push(n);
            // a little work, so both instances have jobs in hand at once
            await new Promise((r) => setTimeout(r, 5));
          }),
      );
    const [a, b] = await Promise.all([start('a'), start('b')]);
    try {
      expect(a.app.get(Jobs).running && b.app.get(Jobs).running).toBe(true);
      const jobs = a.app.get(Jobs);
      await a.app.get(Transactions).run(async (m) => {
        for (let n = 0; n < 60; n++) await jobs.add(m, shared, { n });
      });
      const done = await eventually(async () => (await jobsLeft(a, shared)) === 0, 200, 50);
      expect(done).toBe(true);
      const all = [...byInstance.a, ...byInstance.b].sort((x, y) => x - y);
      expect(all).toEqual(Array.from({ length: 60 }, (_, n) => n));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
