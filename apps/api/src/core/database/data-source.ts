import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrateJobs } from '../jobs/jobs.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './naming.strategy.js';
import { StatementCountingLogger } from './statement-counter.js';

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    applicationName: 'kapok',
    logger: new StatementCountingLogger(),
    extra: { max: poolSize, connectionTimeoutMillis: 3000, idleTimeoutMillis: 30_000 },
  };
}

const MIGRATION_LOCK = 7_041_000;

/**
 * Runs `work` while holding the migration lock: seeding and the bootstrap admin run one instance at a
 * time, after every migration, so two instances starting on an empty database do not seed twice.
 */
export async function underMigrationLock<T>(ds: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await work();
  } finally {
    await runner.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Applies pending migrations (and the job queue's) with a short-lived connection; returns the names applied. A session
 * advisory lock makes replicas that start together migrate one after the other.
 */
export async function migrate(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url, 2));
  await ds.initialize();
  const runner = ds.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await ds.runMigrations({ transaction: 'each' });
    // The job queue keeps its own schema (graphile_worker), migrated by its own versions.
    await migrateJobs(url);
    return applied.map((m) => m.name);
  } finally {
    await runner.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
    await ds.destroy();
  }
}
