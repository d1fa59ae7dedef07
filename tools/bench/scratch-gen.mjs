import pg from 'pg';
import { DataSource } from 'typeorm';
import { startPostgres, tempDir, importApi, cleanup } from './processes.mjs';
import { generateFactory } from './dataset.mjs';
const scale = Number(process.argv[2] ?? 1);
try {
  const dir = await tempDir('kapok-bench-test-');
  const pgs = await startPostgres(dir, console.log);
  const { ensureDatabase } = await importApi('core/database/embedded.js');
  const { migrate, dataSourceOptions } = await importApi('core/database/data-source.js');
  const { ensureReferenceData } = await importApi('seed/reference-data.js');
  const { checkLedger } = await importApi('modules/warehouse/stock/ledger-check.js');
  await ensureDatabase(pgs.adminUrl, 'kapok_bench');
  const url = pgs.urlFor('kapok_bench');
  await migrate(url);
  const ds = new DataSource(dataSourceOptions(url, 2));
  await ds.initialize();
  await ensureReferenceData(ds);
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  const r = await generateFactory(client, scale, { log: console.log });
  console.log(JSON.stringify(r.counts), r.seconds, r.heroBomIds.length);
  const t = Date.now();
  const problems = await checkLedger(ds);
  console.log('ledger problems', problems.length, (Date.now() - t) / 1000, problems.slice(0, 3));
  await client.end();
  await ds.destroy();
} catch (e) {
  console.error(e);
} finally {
  await cleanup();
}
