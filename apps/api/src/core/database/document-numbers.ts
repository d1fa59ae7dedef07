import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { DATABASE_URL } from './database.tokens.js';

/** One small pool per application, outside the command pool, so a number never waits for a command's connection. */
const pools = new WeakMap<DataSource, pg.Pool>();

const NEXT = `insert into document_counters (scope, day, value) values ($1, (now() at time zone 'Asia/Jakarta')::date, 1)
  on conflict (scope, day) do update set value = document_counters.value + 1
  returning to_char(day, 'YYYYMMDD') as day, value`;

/**
 * The next document number of a kind for today in the factory's time zone, e.g. `KB-20261126-0001`.
 * Taken in its own short transaction (autocommit on a pool of its own), so no command holds the counter
 * row: creating documents in parallel does not serialise. A command that fails afterwards leaves a gap;
 * a number is never given twice. Without the application (scripts) it is taken in the caller's transaction.
 */
export async function nextDocumentNumber(
  manager: EntityManager,
  scope: string,
  digits: number,
): Promise<string> {
  const pool = pools.get(manager.connection);
  const rows: Array<{ day: string; value: number }> = pool
    ? (await pool.query<{ day: string; value: number }>(NEXT, [scope])).rows
    : await manager.query(NEXT, [scope]);
  return `${scope}-${rows[0].day}-${String(rows[0].value).padStart(digits, '0')}`;
}

@Injectable()
export class DocumentNumbers implements OnModuleInit, OnApplicationShutdown {
  private pool: pg.Pool | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
  ) {}

  onModuleInit(): void {
    this.pool = new pg.Pool({ connectionString: this.databaseUrl, max: 2, idleTimeoutMillis: 30_000 });
    // An idle client's error (the database restarting) must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
    pools.set(this.dataSource, this.pool);
  }

  async onApplicationShutdown(): Promise<void> {
    pools.delete(this.dataSource);
    await this.pool?.end().catch(() => undefined);
  }
}
