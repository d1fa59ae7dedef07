#!/usr/bin/env node
/**
 * The trace row of docs/quality.md: generates the bench factory at each `--scales` value, then times
 * the lot trace (the API's own `traceLedger` from apps/api/dist, one recursive statement) backward
 * from finished-goods batch lots and forward from material lots, counts its SQL statements and, under
 * EXPLAIN (ANALYZE, BUFFERS), the shared-buffer pages each trace touches.
 * The generated factory receives finished goods without lots, so this script first gives every
 * completed MO's output its batch lot (as the API does since the trace landed).
 * Usage: flock /tmp/kapok-heavy.lock node tools/bench/trace.mjs --scales 1,10 [--samples 200]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { generateFactory } from './dataset.mjs';
import { cleanup, importApi, startPostgres, tempDir } from './processes.mjs';

const { values: args } = parseArgs({
  options: { scales: { type: 'string', default: '1' }, samples: { type: 'string', default: '200' } },
});
const log = (m) => process.stderr.write(`${m}\n`);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Batch lots for the finished goods of completed MOs: a lot per MO and an output move into it. */
async function lotFinishedGoods(client) {
  await client.query(
    `insert into lots (product_id, lot_number, received_at)
     select distinct on (mv.product_id, mv.reference) mv.product_id, mv.reference, mv.created_at
       from stock_moves mv
      where mv.type = 'PRODUCTION_OUTPUT' and mv.document_type = 'manufacturing_order' and mv.lot_id is null
     on conflict do nothing`,
  );
  await client.query(
    `insert into stock_moves (product_id, quantity, from_location_id, to_location_id, lot_id, type, reference,
                              document_type, document_id, created_at)
     select mv.product_id, mv.quantity, mv.from_location_id, mv.to_location_id, l.id, 'PRODUCTION_OUTPUT', mv.reference,
            mv.document_type, mv.document_id, mv.created_at
       from stock_moves mv join lots l on l.product_id = mv.product_id and l.lot_number = mv.reference
      where mv.type = 'PRODUCTION_OUTPUT' and mv.document_type = 'manufacturing_order' and mv.lot_id is null`,
  );
  await client.query('analyze stock_moves; analyze lots');
}

try {
  const dir = await tempDir('kapok-trace-bench-');
  const server = await startPostgres(dir, log);
  const { ensureDatabase } = await importApi('core/database/embedded.js');
  const { migrate, dataSourceOptions } = await importApi('core/database/data-source.js');
  const { ensureReferenceData } = await importApi('seed/reference-data.js');
  const { traceLedger } = await importApi('modules/warehouse/stock/trace.sql.js');
  const rows = [];
  for (const scale of args.scales.split(',').map(Number)) {
    const name = `kapok_trace_s${String(scale).replace('.', '_')}`;
    await ensureDatabase(server.adminUrl, name);
    const url = server.urlFor(name);
    await migrate(url);
    const ds = new DataSource(dataSourceOptions(url, 2));
    await ds.initialize();
    await ensureReferenceData(ds);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const factory = await generateFactory(client, scale, { log });
    await lotFinishedGoods(client);
    const n = Number(args.samples);
    const { rows: fg } = await client.query(
      `select l.id from lots l join products p on p.id = l.product_id and p.type = 'FINISHED_GOOD'
        order by md5(l.id::text) limit $1`,
      [n],
    );
    const { rows: material } = await client.query(
      `select distinct mv.lot_id as id from stock_moves mv
        where mv.type = 'PRODUCTION_CONSUME' and mv.lot_id is not null order by 1 limit $1`,
      [n],
    );
    await client.end();
    for (const [direction, lots] of [
      ['backward', fg],
      ['forward', material],
    ]) {
      let statements = 0;
      let nodes = 0;
      const counting = { query: (...a) => (statements++, ds.manager.query(...a)) };
      // Pass 1 traces each lot once, as a first look at a lot does (its pages may still be on disk or in
      // the OS cache: at scale 10 the ledger no longer fits PostgreSQL's shared buffers, at scale 1 it
      // does). Pass 2 traces the same lots again, with their pages in shared buffers.
      const passes = [];
      for (let pass = 0; pass < 2; pass++) {
        const times = [];
        for (const lot of lots) {
          const started = performance.now();
          const result = await traceLedger(counting, lot.id, direction);
          times.push(performance.now() - started);
          if (pass === 0) nodes += result.length;
        }
        passes.push(times.sort((a, b) => a - b));
      }
      const [times, warm] = passes;
      // Pages per trace: the same statement under EXPLAIN (ANALYZE, BUFFERS), shared buffers hit + read
      // (read: not in shared buffers, from the OS cache or the disk), mean over the lots, after both passes.
      let hit = 0;
      let read = 0;
      for (const lot of lots) {
        let statement;
        await traceLedger(
          { query: async (sql, params) => ((statement = [sql, params]), []) },
          lot.id,
          direction,
        );
        const [row] = await ds.manager.query(
          `explain (analyze, buffers, format json) ${statement[0]}`,
          statement[1],
        );
        const { Plan: plan } = row['QUERY PLAN'][0];
        hit += plan['Shared Hit Blocks'];
        read += plan['Shared Read Blocks'];
      }
      const row = {
        scale,
        direction,
        traces: lots.length,
        statementsPerTrace: statements / Math.max(1, 2 * lots.length),
        meanNodes: Math.round(nodes / Math.max(1, lots.length)),
        p50ms: Number(percentile(times, 50).toFixed(2)),
        p95ms: Number(percentile(times, 95).toFixed(2)),
        warmP50ms: Number(percentile(warm, 50).toFixed(2)),
        warmP95ms: Number(percentile(warm, 95).toFixed(2)),
        buffersHit: Math.round(hit / Math.max(1, lots.length)),
        buffersRead: Math.round(read / Math.max(1, lots.length)),
        moves: factory.counts.stockMoves ?? factory.counts.moves,
      };
      rows.push(row);
      log(`scale ${scale} ${direction}: ${JSON.stringify(row)}`);
    }
    await ds.destroy();
  }
  process.stdout.write(`${JSON.stringify(rows)}\n`);
} finally {
  await cleanup();
}
