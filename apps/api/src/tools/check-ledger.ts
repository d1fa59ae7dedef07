/**
 * `npm run check:ledger`: proves balances = moves and reserved = open reservations on the configured
 * database (DATABASE_URL, or the embedded one under KAPOK_DATA_DIR). Exits 1 on any discrepancy.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../core/config/config.js';
import { dataSourceOptions } from '../core/database/data-source.js';
import { startEmbeddedPostgres } from '../core/database/embedded.js';
import { checkLedger } from '../modules/warehouse/stock/ledger-check.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
  const url = config.databaseUrl ?? embedded!.urlFor('kapok');
  const ds = new DataSource(dataSourceOptions(url, 1));
  try {
    await ds.initialize();
    const [{ moves, balances }] = await ds.query(
      'select (select count(*) from stock_moves)::int as moves, (select count(*) from stock_balances)::int as balances',
    );
    const problems = await checkLedger(ds);
    if (problems.length) {
      console.error(`Ledger check FAILED: ${problems.length} discrepancies`);
      console.table(problems.slice(0, 50));
      process.exitCode = 1;
    } else {
      console.log(
        `Ledger check passed: ${balances} balances agree with ${moves} moves and the open reservations.`,
      );
    }
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await embedded?.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
