import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  Logger as WorkerLogger,
  type LogLevel,
  run,
  runMigrations,
  runOnce,
  type Runner,
  type RunnerOptions,
  type TaskList,
} from 'graphile-worker';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DATABASE_URL } from '../database/database.tokens.js';

/** The queue's own schema in the application database (graphile-worker's tables and functions). */
export const JOBS_SCHEMA = 'graphile_worker';
/** The SQL function that queues a job inside the calling transaction. */
export const ADD_JOB_FUNCTION = `${JOBS_SCHEMA}.add_job`;

/**
 * A task name with the type of its payload. A module declares its tasks as constants
 * (`export const deliverWebhook = jobTask<{ deliveryId: string }>('webhooks.deliver')`), registers a
 * handler for each, and queues them with `Jobs.add`.
 */
export interface JobTask<P> {
  readonly name: string;
  /** Never set: carries the payload type. */
  readonly payload?: P;
}

export const jobTask = <P extends object>(name: string): JobTask<P> => ({ name });

export interface JobContext {
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  maxAttempts: number;
  jobId: string;
}

export type JobHandler<P> = (payload: P, context: JobContext) => Promise<void>;

export interface AddJobOptions {
  /** When the job becomes due (default: at commit). */
  runAt?: Date;
  /** A job with the same key that has not started yet is replaced (rescheduled, new payload). */
  jobKey?: string;
  /** Attempts before the job is given up (default 25); failures are retried with exponential backoff. */
  maxAttempts?: number;
}

/** graphile-worker's backoff: the n-th failure waits e^min(n,10) seconds before the next attempt. */
export const retryDelaySeconds = (failedAttempts: number): number => Math.exp(Math.min(failedAttempts, 10));

/**
 * The PostgreSQL job queue (graphile-worker) in the API process: jobs are rows in the application
 * database, queued inside the command's transaction (a rolled-back command schedules nothing), taken
 * with SKIP LOCKED (several API instances run each job once) and retried with exponential backoff.
 * Modules register their handlers in `onModuleInit`; the worker starts once the application has
 * bootstrapped and stops (letting running jobs finish) when it shuts down.
 */
@Injectable()
export class Jobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly tasks: TaskList = {};
  private runner: Runner | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
  ) {}

  register<P>(task: JobTask<P>, handler: JobHandler<P>): void {
    if (this.tasks[task.name]) throw new Error(`job task ${task.name} is registered twice`);
    if (this.runner) throw new Error(`job task ${task.name} registered after the worker started`);
    this.tasks[task.name] = async (payload, helpers) => {
      await handler(payload as P, {
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
        jobId: String(helpers.job.id),
      });
    };
  }

  /** Queues a job in the caller's transaction: it exists (and runs) only if that transaction commits. */
  async add<P>(
    manager: EntityManager,
    task: JobTask<P>,
    payload: P,
    options: AddJobOptions = {},
  ): Promise<void> {
    await manager.query(
      `select ${ADD_JOB_FUNCTION}($1, $2::json, run_at => $3, job_key => $4, max_attempts => $5)`,
      [
        task.name,
        JSON.stringify(payload),
        options.runAt ?? null,
        options.jobKey ?? null,
        options.maxAttempts ?? null,
      ],
    );
  }

  get running(): boolean {
    return this.runner !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobs.enabled || Object.keys(this.tasks).length === 0) return;
    this.runner = await run({
      ...this.options(),
      concurrency: this.config.jobs.concurrency,
      // The pool holds the LISTEN connection besides one per running job.
      maxPoolSize: this.config.jobs.concurrency + 2,
      pollInterval: this.config.jobs.pollIntervalMs,
    });
    this.logger.log(`job worker running (${this.config.jobs.concurrency} at a time)`);
  }

  /** Stops taking jobs and waits for the running ones, before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    await runner?.stop();
  }

  /**
   * Runs every job that is due now in this process, then returns (tests: deterministic, no waiting
   * for a poll; with `makeDue`, the given tasks' scheduled and backed-off jobs are made due first).
   */
  async runDue(makeDue?: readonly JobTask<unknown>[]): Promise<void> {
    if (makeDue?.length) {
      const { Client } = (await import('pg')).default;
      const client = new Client({ connectionString: this.databaseUrl });
      await client.connect();
      try {
        await client.query(
          `select ${JOBS_SCHEMA}.reschedule_jobs(array_agg(id), run_at => now())
             from ${JOBS_SCHEMA}.jobs where locked_at is null and task_identifier = any($1)`,
          [makeDue.map((t) => t.name)],
        );
      } finally {
        await client.end();
      }
    }
    await runOnce({ ...this.options(), maxPoolSize: 2 });
  }

  private options(): RunnerOptions {
    return {
      connectionString: this.databaseUrl,
      schema: JOBS_SCHEMA,
      taskList: this.tasks,
      noHandleSignals: true,
      logger: this.workerLogger(),
    };
  }

  private workerLogger(): WorkerLogger {
    return new WorkerLogger((scope) => (level: LogLevel, message: string) => {
      const where = scope.taskIdentifier
        ? ` [${scope.taskIdentifier}${scope.jobId ? ` #${scope.jobId}` : ''}]`
        : '';
      if (level === 'error') this.logger.error(`${message}${where}`);
      else if (level === 'warning') this.logger.warn(`${message}${where}`);
      else if (level === 'info') this.logger.log(`${message}${where}`);
      else this.logger.debug(`${message}${where}`);
    });
  }
}

/** Creates or upgrades the queue's schema (at start-up, with the application's migrations). */
export async function migrateJobs(databaseUrl: string): Promise<void> {
  await runMigrations({
    connectionString: databaseUrl,
    schema: JOBS_SCHEMA,
    maxPoolSize: 1,
    logger: new WorkerLogger(() => () => undefined),
  });
}
