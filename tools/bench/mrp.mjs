#!/usr/bin/env node
/**
 * The MRP row of docs/quality.md: generates the bench factory at each `--scales` value, then times the
 * MRP run (snapshot, plan, save; the API's own code from apps/api/dist) and counts its SQL statements.
 * Usage: flock /tmp/kapok-heavy.lock node tools/bench/mrp.mjs --scales 1,10 [--runs 3]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { generateFactory } from './dataset.mjs';
import { cleanup, importApi, startPostgres, tempDir } from './processes.mjs';

const { values: args } = parseArgs({
  options: { scales: { type: 'string', default: '1' }, runs: { type: 'string', default: '3' } },
});
const log = (m) => process.stderr.write(`${m}\n`);

try {
  const dir = await tempDir('kapok-mrp-bench-');
  const server = await startPostgres(dir, log);
  const { ensureDatabase } = await importApi('core/database/embedded.js');
  const { migrate, dataSourceOptions } = await importApi('core/database/data-source.js');
  const { ensureReferenceData } = await importApi('seed/reference-data.js');
  const { planAndSave } = await importApi('modules/planning/mrp/plan-and-save.js');
  const { SalesFacts } = await importApi('modules/sales/sales.facts.js');
  const { PurchasingFacts } = await importApi('modules/purchasing/purchasing.facts.js');
  const { PartnersFacts } = await importApi('modules/partners/partners.facts.js');
  const sources = {
    sales: new SalesFacts(),
    purchasing: new PurchasingFacts(),
    partners: new PartnersFacts(),
  };
  const rows = [];
  for (const scale of args.scales.split(',').map(Number)) {
    const name = `kapok_mrp_s${String(scale).replace('.', '_')}`;
    await ensureDatabase(server.adminUrl, name);
    const url = server.urlFor(name);
    await migrate(url);
    const ds = new DataSource(dataSourceOptions(url, 2));
    await ds.initialize();
    await ensureReferenceData(ds);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const factory = await generateFactory(client, scale, { log });
    await client.end();
    for (let i = 0; i < Number(args.runs); i++) {
      let statements = 0;
      const started = performance.now();
      const { result } = await ds.transaction('REPEATABLE READ', (m) => {
        const counting = { query: (...a) => (statements++, m.query(...a)) };
        return planAndSave(counting, 12, null, sources);
      });
      const ms = performance.now() - started;
      rows.push({
        scale,
        run: i + 1,
        ms: Math.round(ms),
        statements,
        plannedOrders: result.plannedOrders.length,
        exceptions: result.exceptions.length,
        products: result.grid.length,
        counts: factory.counts,
      });
      log(
        `scale ${scale} run ${i + 1}: ${ms.toFixed(0)} ms, ${statements} statements, ${result.plannedOrders.length} planned orders, ${result.grid.length} products`,
      );
    }
    await ds.destroy();
  }
  process.stdout.write(`${JSON.stringify(rows.map(({ counts: _c, ...r }) => r))}\n`);
} finally {
  await cleanup();
}
