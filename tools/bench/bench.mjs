/**
 * `npm run bench`: the Kapok benchmark of docs/quality.md (see tools/bench/README.md).
 *
 * Builds the app, starts a fresh embedded PostgreSQL in a temporary folder, loads a generated factory
 * (tools/bench/dataset.mjs), starts the built API in production mode and the raw baseline
 * (tools/bench/baseline.mjs), drives both with autocannon, measures the web entry and the board render in
 * headless Chromium, checks the stock ledger and prints one table. Exits 1 when the ledger check or the
 * no-lost-update check fails; missed performance targets are reported, never a failure.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { checkSqlDrift, QUERIES } from './baseline.mjs';
import { BENCH_PASSWORD, generateFactory } from './dataset.mjs';
import { kanbanCycle, login, moCycle, readLoad, verifyKanban, verifyMo } from './load.mjs';
import {
  cleanup,
  cpuMonitor,
  freePort,
  importApi,
  memoryOf,
  ROOT,
  spawnNode,
  startPostgres,
  stopPid,
  tempDir,
  waitForHttp,
} from './processes.mjs';
import { boardRender, entrySize } from './web.mjs';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scale: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '32' },
    'compare-scales': { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    'skip-web': { type: 'boolean', default: false },
    reads: { type: 'string' },
    'web-only': { type: 'boolean', default: false },
    'writes-only': { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    profile: { type: 'string' },
    json: { type: 'string' },
    'wait-quiet': { type: 'string', default: '180' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  process.stdout.write(`npm run bench -- [options]
  --quick                 about a minute of load: 5 s per scenario, 1 s warm-up
  --scale N               factory size (default 1: 300 articles, 200,000 stock moves)
  --duration S            seconds per scenario (default 20, quick 5)
  --connections C         autocannon connections (default 32)
  --compare-scales 1,10   also load the other scales and compare the reads' p50
  --skip-build            use the existing apps/api/dist and apps/web/dist
  --skip-web              no bundle size, no browser
  --reads KEYS            only these read scenarios (board,stock,bom,explode,overview,bottlenecks), no
                          web, no writes: for measuring one change to one read path
  --web-only              only the web figures (bundle, first visits, board render) on the scale-1
                          factory: no reads, no writes
  --writes-only           only the kanban and MO cycles (throughput, statements per operation, no lost
                          update) on the scale-1 factory: no reads, no web
  --explain               print EXPLAIN (ANALYZE, BUFFERS) of the reads' SQL on the loaded factory
  --profile DIR           run the API with --cpu-prof into DIR and print its hottest functions
  --json FILE             also write every figure as JSON
  --wait-quiet S          wait up to S seconds (default 180) for other processes to leave the CPU
`);
  process.exit(0);
}

const quick = args.quick;
const duration = Number(args.duration ?? (quick ? 5 : 20));
const warmup = quick ? 1 : 3;
const connections = Number(args.connections);
const compareScales = args['compare-scales']?.split(',').map(Number) ?? [];
const scale = Number(args.scale ?? compareScales[0] ?? 1);
const log = (m) => process.stderr.write(`${m}\n`);
const seconds = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;

/** Migrates a new database, adds the reference data and the generated factory. */
async function prepareDatabase(server, name, factoryScale, passwordHash) {
  const { ensureDatabase } = await importApi('core/database/embedded.js');
  const { migrate, dataSourceOptions } = await importApi('core/database/data-source.js');
  const { ensureReferenceData } = await importApi('seed/reference-data.js');
  await ensureDatabase(server.adminUrl, name);
  const url = server.urlFor(name);
  await migrate(url);
  const ds = new DataSource(dataSourceOptions(url, 2));
  await ds.initialize();
  try {
    await ensureReferenceData(ds);
  } finally {
    await ds.destroy();
  }
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    log(`generating the factory at scale ${factoryScale} into ${name}`);
    const factory = await generateFactory(client, factoryScale, { passwordHash, log });
    log(`  ${JSON.stringify(factory.counts)} in ${factory.seconds.toFixed(1)} s`);
    return { url, factory };
  } finally {
    await client.end();
  }
}

/** Starts the built API in production mode on `url`; returns its base URL and process. */
async function startApi(url, logDir, profileDir) {
  const port = await freePort();
  const output = openSync(join(logDir, `api-${port}.log`), 'a');
  const flags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawnNode(
    [...flags, 'apps/api/dist/main.js'],
    {
      NODE_ENV: 'production',
      DATABASE_URL: url,
      JWT_SECRET: randomBytes(20).toString('hex'),
      KAPOK_SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      METRICS_TOKEN: METRICS_TOKEN,
      // As the production image and `npm start` run it: argon2's blocks are returned to the OS.
      MALLOC_MMAP_THRESHOLD_: '131072',
    },
    output,
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/api/v1/health/ready`, child);
  } catch (e) {
    log(readFileSync(join(logDir, `api-${port}.log`), 'utf8').slice(-4000));
    throw e;
  }
  return { base, child };
}

const METRICS_TOKEN = randomBytes(16).toString('hex');

/**
 * Statements the API sent while serving requests, and how many requests, from its `/metrics`
 * (`kapok_http_request_statements`, counted by the data source's logger; transaction control included).
 */
async function statementTotals(base) {
  const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await res.text();
  let sum = 0;
  let count = 0;
  for (const m of text.matchAll(/^kapok_http_request_statements_(sum|count)\{[^}]*\} (\S+)$/gm)) {
    if (m[1] === 'sum') sum += Number(m[2]);
    else count += Number(m[2]);
  }
  return { sum, count };
}
/** What the API's memory is made of, from its `/metrics` (V8 heap spaces, external memory), in MB. */
async function memoryBreakdown(base) {
  const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await res.text();
  const mb = (re) => {
    const m = re.exec(text);
    return m ? Number(m[1]) / 2 ** 20 : undefined;
  };
  const spaces = {};
  for (const m of text.matchAll(/^kapok_nodejs_heap_space_size_total_bytes\{space="([^"]+)"\} (\S+)$/gm))
    spaces[m[1]] = Number(m[2]) / 2 ** 20;
  return {
    heapTotalMb: mb(/^kapok_nodejs_heap_size_total_bytes (\S+)$/m),
    heapUsedMb: mb(/^kapok_nodejs_heap_size_used_bytes (\S+)$/m),
    externalMb: mb(/^kapok_nodejs_external_memory_bytes (\S+)$/m),
    spacesMb: spaces,
  };
}

const statementsBetween = (before, after) => ({
  statements: after.sum - before.sum,
  requests: after.count - before.count,
});

/** Ids the read scenarios rotate over. */
async function scenarioIds(url) {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const stock = await client.query(
      `select b.product_id from stock_balances b join locations l on l.id = b.location_id
        where l.type in ('WAREHOUSE', 'LINE', 'TRANSIT') and (b.on_hand > 0 or b.reserved > 0)
        group by b.product_id order by count(*) desc, b.product_id limit 64`,
    );
    const boms = await client.query(`select id from boms order by md5(id::text) limit 64`);
    const kanban = await client.query(
      `select b.product_id from stock_balances b join locations l on l.id = b.location_id and l.type = 'WAREHOUSE' and not l.is_finished_goods
        join products p on p.id = b.product_id and p.type in ('RAW_MATERIAL', 'ACCESSORY')
        group by b.product_id order by sum(b.on_hand - b.reserved) desc, b.product_id limit 300`,
    );
    return {
      stock: stock.rows.map((r) => r.product_id),
      boms: boms.rows.map((r) => r.id),
      kanbanProducts: kanban.rows.map((r) => r.product_id),
    };
  } finally {
    await client.end();
  }
}

const webOnly = args['web-only'];
const writesOnly = args['writes-only'];
const readsOnly = webOnly || writesOnly ? [] : (args.reads?.split(',') ?? null);
/** The scenarios `--reads` asks for (all of them without it). */
const onlyReads = (scenarios) => (readsOnly ? scenarios.filter((s) => readsOnly.includes(s.key)) : scenarios);

function readScenarios(ids, heroBomIds) {
  return [
    {
      key: 'board',
      name: 'kanban board GET /ppic/kanban/cards/all (gzip, If-None-Match)',
      paths: ['/api/v1/ppic/kanban/cards/all'],
      browser: true,
    },
    {
      key: 'stock',
      name: 'stock of a product GET /warehouse/stock/{id}',
      paths: ids.stock.map((id) => `/api/v1/warehouse/stock/${id}`),
    },
    {
      key: 'bom',
      name: 'BOM read GET /warehouse/bom/{id}',
      paths: ids.boms.map((id) => `/api/v1/warehouse/bom/${id}`),
    },
    {
      key: 'explode',
      name: 'BOM explosion 450 units, 5 levels, 30 components',
      paths: heroBomIds.map((id) => `/api/v1/warehouse/bom/${id}/explode?quantity=450`),
    },
    { key: 'overview', name: 'MO dashboard overview', paths: ['/api/v1/ppic/dashboard/overview'] },
    { key: 'bottlenecks', name: 'MO dashboard bottlenecks', paths: ['/api/v1/ppic/dashboard/bottlenecks'] },
  ];
}

/** The CPU that went to other processes while `work` ran (the benchmark needs the machine to itself). */
let monitor = null;
async function measured(work) {
  monitor?.start();
  const result = await work();
  return { ...result, cpu: monitor?.stop() ?? null };
}
const otherCpu = (x) => (x.cpu ? `, others ${x.cpu.othersPct.toFixed(0)}% CPU` : '');

/** Waits (up to `limitS`) until other processes use less than 15% of the machine for 5 s. */
async function waitQuiet(limitS) {
  const until = Date.now() + limitS * 1000;
  for (;;) {
    const { cpu } = await measured(() => new Promise((done) => setTimeout(() => done({}), 5000)));
    if (!cpu || cpu.othersPct < 15) return cpu;
    if (Date.now() > until) {
      log(
        `  the machine is still busy: other processes use ${cpu.othersPct.toFixed(0)}% of the CPU; measuring anyway`,
      );
      return cpu;
    }
    log(`  other processes use ${cpu.othersPct.toFixed(0)}% of the CPU; waiting for a quiet machine`);
  }
}

/** Runs the reads against Kapok (and the baseline when given); one request of each first, to fail early. */
async function runReads(scenarios, kapok, token, baseline) {
  const results = {};
  for (const s of scenarios) {
    for (const [base, headers] of [
      [kapok, { authorization: `Bearer ${token}` }],
      ...(baseline ? [[baseline, {}]] : []),
    ]) {
      const res = await fetch(`${base}${s.paths[0]}`, { headers });
      if (!res.ok)
        throw new Error(
          `${s.name}: ${base}${s.paths[0]} answered ${res.status} ${(await res.text()).slice(0, 300)}`,
        );
      await res.arrayBuffer();
    }
    const t = Date.now();
    const kapokFigures = await measured(() =>
      readLoad({
        base: kapok,
        paths: s.paths,
        headers: { authorization: `Bearer ${token}` },
        connections,
        duration,
        warmup,
        browser: s.browser,
      }),
    );
    const baselineFigures = baseline
      ? await measured(() => readLoad({ base: baseline, paths: s.paths, connections, duration, warmup }))
      : null;
    results[s.key] = { name: s.name, kapok: kapokFigures, baseline: baselineFigures };
    log(
      `  ${s.name}: ${kapokFigures.rps.toFixed(0)} req/s p50 ${kapokFigures.p50} ms p99 ${kapokFigures.p99} ms${otherCpu(kapokFigures)}` +
        (baselineFigures
          ? ` | baseline ${baselineFigures.rps.toFixed(0)} req/s p99 ${baselineFigures.p99} ms${otherCpu(baselineFigures)}`
          : '') +
        ` (${seconds(t)})`,
    );
  }
  return results;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the reads' SQL, with the parameters of the first id of each scenario. */
async function explainReads(url, ids, heroBomIds) {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  const departments = ['CUTTING', 'EMBROIDERY', 'SUBCON', 'SEWING', 'FINISHING', 'PACKING'];
  const [{ today, month_ago: monthAgo }] = (await client.query(QUERIES.PERIOD.text)).rows;
  const cases = [
    ['BOARD', [7, null, null]],
    ['PRODUCT_STOCK', [ids.stock[0]]],
    ['BOM_READ', [ids.boms[0]]],
    ['EXPLODE_TREE', [heroBomIds[0], 20]],
    ['OVERVIEW_WIP', [departments]],
    ['OVERVIEW_LATE', []],
    ['BOTTLENECKS', [departments, monthAgo, today]],
  ];
  let out = '';
  try {
    for (const [name, params] of cases) {
      const { rows } = await client.query(`explain (analyze, buffers) ${QUERIES[name].text}`, params);
      out += `\n--- EXPLAIN (ANALYZE, BUFFERS) ${name}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`;
    }
  } finally {
    await client.end();
  }
  return out;
}

/** The hottest functions (self time) of the V8 CPU profiles in `dir`. */
function summariseProfiles(dir, top = 25) {
  const self = new Map();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const f = byId.get(id).callFrame;
      const where = f.url
        ? `${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/apps\//, 'apps/')}:${f.lineNumber + 1}`
        : '';
      const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
      const dt = profile.timeDeltas[i] ?? 0;
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    });
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${fn}`)
    .join('\n');
}

async function ledger(url) {
  const { dataSourceOptions } = await importApi('core/database/data-source.js');
  const { checkLedger } = await importApi('modules/warehouse/stock/ledger-check.js');
  const ds = new DataSource(dataSourceOptions(url, 1));
  await ds.initialize();
  try {
    const [{ moves, balances }] = await ds.query(
      'select (select count(*) from stock_moves)::int as moves, (select count(*) from stock_balances)::int as balances',
    );
    const problems = await checkLedger(ds);
    return {
      pass: problems.length === 0,
      problems: problems.slice(0, 20),
      count: problems.length,
      moves,
      balances,
    };
  } finally {
    await ds.destroy();
  }
}

// --- the table ---------------------------------------------------------------------------------------

const fmt = (n, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits));
const verdict = (ok) => (ok ? 'met' : 'MISSED');

function table(report) {
  const rows = [];
  const head = [
    'scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'errors',
    'baseline req/s',
    'Kapok/baseline',
    'target',
    'verdict',
  ];
  const r = report.reads;
  const read = (key, target, ok) => {
    const x = r[key];
    if (!x) return;
    const ratio = x.baseline ? x.kapok.rps / x.baseline.rps : null;
    rows.push([
      x.name,
      fmt(x.kapok.rps),
      fmt(x.kapok.p50),
      fmt(x.kapok.p99),
      String(x.kapok.errors),
      x.baseline ? fmt(x.baseline.rps) : '—',
      ratio === null ? '—' : `${(100 * ratio).toFixed(0)}%`,
      target,
      verdict(ok(x.kapok, ratio, x.baseline)),
    ]);
  };
  // The targets of quality.md: ratios to the baseline measured in the same run.
  read(
    'board',
    '≥ 10 × baseline req/s; unchanged board 304',
    (k, ratio) => ratio !== null && ratio >= 10 && k.errors === 0 && k.notModified > 0,
  );
  for (const key of ['stock', 'bom', 'explode', 'overview', 'bottlenecks'])
    read(
      key,
      '≥ 80% of baseline req/s, p99 ≤ 1.2 × baseline p99',
      (k, ratio, b) => ratio !== null && ratio >= 0.8 && k.p99 <= 1.2 * b.p99 && k.errors === 0,
    );
  const w = report.writes;
  if (w.kanban) {
    const k = w.kanban;
    rows.push([
      `kanban cycle create→approve→ship→receive: transitions/s (${k.cyclesPerSecond.toFixed(0)} cycles/s; no lost update: ${k.verify.problems.length ? 'FAIL' : 'yes'})`,
      fmt(k.rps),
      fmt(k.p50),
      fmt(k.p99),
      String(k.errors),
      '—',
      '—',
      'no lost update (goal ≥ 300/s)',
      verdict(k.verify.problems.length === 0),
    ]);
  }
  if (w.queriesPerTransition !== undefined)
    rows.push([
      `kanban cycle: SQL statements per transition (${w.kanban.statements.statements} over ${w.kanban.statements.requests} requests)`,
      fmt(w.queriesPerTransition, 1),
      ...Array(5).fill(''),
      '≤ 8 per transition',
      verdict(w.queriesPerTransition <= 8),
    ]);
  if (w.mo) {
    const m = w.mo;
    rows.push([
      `MO cycle create→approve→start→complete, 30 components: completions/s (${m.rps.toFixed(0)} transitions/s; no lost update: ${m.verify.problems.length ? 'FAIL' : 'yes'})`,
      fmt(m.completionsPerSecond, 1),
      fmt(m.p50),
      fmt(m.p99),
      String(m.errors),
      '—',
      '—',
      'no lost update (goal ≥ 100/s)',
      verdict(m.verify.problems.length === 0),
    ]);
  }
  if (w.queriesPerCompletion !== undefined)
    rows.push([
      `MO cycle: SQL statements per completed order (${w.mo.statements.statements} over ${w.mo.acked.complete} orders)`,
      fmt(w.queriesPerCompletion, 1),
      ...Array(5).fill(''),
      '≤ 40 per completed order',
      verdict(w.queriesPerCompletion <= 40),
    ]);
  if (report.memory) {
    rows.push([
      `API memory at the end: RSS MB (peak ${fmt(report.memory.peakMb)} MB)`,
      fmt(report.memory.rssMb),
      '',
      '',
      '',
      '',
      '',
      'RSS ≤ 300 MB',
      verdict(report.memory.rssMb <= 300),
    ]);
  }
  for (const [key, g] of Object.entries(report.growth ?? {})) {
    rows.push([
      `growth scale ${g.from} → ${g.to}: ${r[key]?.name ?? key}, p50 ratio`,
      `${fmt(g.ratio, 2)}×`,
      `${fmt(g.p50From)} → ${fmt(g.p50To)}`,
      '',
      String(g.errors),
      '',
      '',
      'p50 within 1.5×',
      verdict(g.ratio <= 1.5),
    ]);
  }
  if (report.growthError)
    rows.push([
      `growth: not measured (${report.growthError})`,
      '',
      '',
      '',
      '',
      '',
      '',
      'p50 within 1.5×',
      'not measured',
    ]);
  if (report.web?.entry) {
    const r = report.web.render;
    rows.push([
      'web: entry JS (index.html, its preloads), gzip KB',
      fmt(report.web.entry.gzipKb, 1),
      '',
      '',
      '',
      '',
      '',
      '≤ 250 KB gzipped',
      verdict(report.web.entry.gzipKb <= 250),
    ]);
    if (r?.loginHome)
      rows.push([
        `web: first visit, login + shell (home page): JS fetched, gzip KB (${r.loginHome.scripts.length} files)`,
        fmt(r.loginHome.gzipKb, 1),
        '',
        '',
        '',
        '',
        '',
        'login + shell ≤ 250 KB gzipped',
        verdict(r.loginHome.gzipKb <= 250),
      ]);
    if (r?.loginKanban)
      rows.push([
        `web: first visit, login + /kanban: JS fetched, gzip KB (${r.loginKanban.scripts.length} files)`,
        fmt(r.loginKanban.gzipKb, 1),
        '',
        '',
        '',
        '',
        '',
        'goal: ≤ 250 KB with the route',
        r.loginKanban.gzipKb <= 250 ? 'met' : 'above the goal',
      ]);
  }
  if (report.web?.render) {
    const b = report.web.render;
    rows.push([
      b.fallback
        ? `web: /kanban to the board heading, ms (board DOM not ready: ${b.fallback})`
        : `web: /kanban with ${b.cards} cards rendered, ms (median of ${b.times.length}; first ${fmt(b.firstMs)})`,
      fmt(b.medianMs),
      '',
      '',
      '',
      '',
      '',
      '500-card board ≤ 1.5 s',
      b.fallback ? 'not measurable' : verdict(b.medianMs <= 1500),
    ]);
  }
  rows.push([
    `stock ledger check (${report.ledger.balances} balances, ${report.ledger.moves} moves)`,
    report.ledger.pass ? 'PASS' : 'FAIL',
    '',
    '',
    report.ledger.pass ? '0' : String(report.ledger.count),
    '',
    '',
    'on-hand = moves, reserved = open reservations',
    report.ledger.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 || i >= 7 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w, i) => (i === 0 || i >= 7 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

// --- the run -----------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const report = {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    scale,
    duration,
    connections,
    reads: {},
    writes: {},
  };
  log(
    `Kapok benchmark: scale ${scale}, ${duration} s per scenario (${warmup} s warm-up), ${connections} connections, ` +
      `${report.machine.cores} cores (${report.machine.cpu}), Node ${process.version}`,
  );
  if (!args['skip-build']) {
    const t = Date.now();
    log('building api and web');
    execFileSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,web'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    log(`  built (${seconds(t)})`);
  }
  const drift = checkSqlDrift();
  report.baselineSql = { checked: drift.checked, drifted: drift.missing, moved: drift.moved };
  for (const m of drift.moved) log(`baseline SQL: ${m.query} now lives in ${m.to} (was ${m.from})`);
  if (drift.missing.length) {
    log(
      `WARNING: the baseline's SQL no longer matches the built API in ${drift.missing.length} places; the ratios compare different queries:`,
    );
    for (const m of drift.missing) log(`  ${m.query} (${m.file}): ${m.chunk.slice(0, 120)}`);
  } else log(`baseline SQL: ${drift.checked} chunks identical to the built API`);

  const dir = await tempDir('kapok-bench-');
  const profileDir = args.profile ? resolve(args.profile) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  let t = Date.now();
  const server = await startPostgres(dir, log);
  log(`embedded PostgreSQL on port ${server.port} in ${dir} (${seconds(t)})`);
  monitor = cpuMonitor(() => [process.pid, server.pid]);
  const { hashPassword } = await importApi('core/auth/passwords.js');
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  t = Date.now();
  const factoryDb = await prepareDatabase(server, 'kapok_bench', scale, passwordHash);
  report.dataset = { ...factoryDb.factory.counts, seconds: factoryDb.factory.seconds };

  const api = await startApi(factoryDb.url, dir, profileDir);
  const baselinePort = await freePort();
  const baselineChild = spawnNode(['tools/bench/baseline.mjs'], {
    DATABASE_URL: factoryDb.url,
    PORT: String(baselinePort),
    DB_POOL_SIZE: '20',
  });
  const baseline = `http://127.0.0.1:${baselinePort}`;
  await waitForHttp(`${baseline}/health`, baselineChild);
  log(`API on ${api.base} (pid ${api.child.pid}), baseline on ${baseline} (pid ${baselineChild.pid})`);

  const tokens = {
    admin: await login(api.base, 'bench_admin', BENCH_PASSWORD),
    manager: await login(api.base, 'bench_manager', BENCH_PASSWORD),
    ppic: await login(api.base, 'bench_ppic', BENCH_PASSWORD),
    warehouse: await login(api.base, 'bench_warehouse', BENCH_PASSWORD),
    packing: await login(api.base, 'bench_packing', BENCH_PASSWORD),
  };
  const ids = await scenarioIds(factoryDb.url);
  const scenarios = onlyReads(readScenarios(ids, factoryDb.factory.heroBomIds));

  report.quietBefore = await waitQuiet(Number(args['wait-quiet']));
  log('reads (Kapok, then the baseline)');
  report.reads = await runReads(scenarios, api.base, tokens.admin, baseline);
  await stopPid(baselineChild.pid);

  if (args.explain) report.explain = await explainReads(factoryDb.url, ids, factoryDb.factory.heroBomIds);

  if (!args['skip-web'] && !writesOnly && (!readsOnly || webOnly)) {
    report.web = { entry: entrySize() };
    log(
      `web entry: ${report.web.entry.files.length} files, ${report.web.entry.gzipKb.toFixed(1)} KB gzipped`,
    );
    t = Date.now();
    try {
      report.web.render = await boardRender({
        base: api.base,
        username: 'bench_admin',
        password: BENCH_PASSWORD,
        expectCards: factoryDb.factory.counts.open_cards,
      });
      const { loginHome, loginKanban } = report.web.render;
      log(
        `  first visit JS: login + home ${loginHome.gzipKb.toFixed(1)} KB (${loginHome.scripts.length} files), ` +
          `login + /kanban ${loginKanban.gzipKb.toFixed(1)} KB (${loginKanban.scripts.length} files)`,
      );
      log(
        `  board render: ${report.web.render.times.map((x) => x.toFixed(0)).join(', ')} ms, ${report.web.render.cards} cards (${seconds(t)})`,
      );
    } catch (e) {
      log(`  board render failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  if (!readsOnly || writesOnly) await writes();
  async function writes() {
    log('writes');
    const verifier = new pg.Client({ connectionString: factoryDb.url });
    verifier.on('error', () => undefined);
    await verifier.connect();
    try {
      t = Date.now();
      let before = await statementTotals(api.base);
      const kanban = await measured(() =>
        kanbanCycle({ base: api.base, tokens, productIds: ids.kanbanProducts, connections, duration }),
      );
      const kanbanStatements = statementsBetween(before, await statementTotals(api.base));
      const kanbanVerify = await verifyKanban(verifier, kanban.acked);
      report.writes.kanban = {
        ...kanban,
        acked: Object.fromEntries(Object.entries(kanban.acked).map(([k, v]) => [k, v.size])),
        cyclesPerSecond: kanban.acked.receive.size / kanban.duration,
        verify: kanbanVerify,
        statements: kanbanStatements,
      };
      // Every request of the cycle is a transition (creates included); refused ones count too.
      report.writes.queriesPerTransition = kanbanStatements.statements / kanbanStatements.requests;
      log(
        `  kanban cycle: ${kanban.rps.toFixed(0)} transitions/s, p50 ${kanban.p50} ms, p99 ${kanban.p99} ms, ` +
          `${JSON.stringify(report.writes.kanban.acked)}, refused ${JSON.stringify(kanban.refused)}, ` +
          `no lost update: ${kanbanVerify.problems.length ? kanbanVerify.problems.slice(0, 5).join('; ') : 'yes'}${otherCpu(kanban)} (${seconds(t)})`,
      );
      t = Date.now();
      const quantity = 10;
      before = await statementTotals(api.base);
      const mo = await measured(() =>
        moCycle({
          base: api.base,
          tokens,
          productIds: factoryDb.factory.heroProductIds,
          quantity,
          connections,
          duration,
        }),
      );
      const moStatements = statementsBetween(before, await statementTotals(api.base));
      const moVerify = await verifyMo(verifier, mo.acked, quantity);
      report.writes.mo = {
        ...mo,
        acked: Object.fromEntries(Object.entries(mo.acked).map(([k, v]) => [k, v.size])),
        completionsPerSecond: mo.acked.complete.size / mo.duration,
        verify: moVerify,
        statements: moStatements,
      };
      // All the statements of the cycle (create, approve, start, complete, refusals) per completed order.
      report.writes.queriesPerCompletion = moStatements.statements / mo.acked.complete.size;
      log(
        `  MO cycle: ${report.writes.mo.completionsPerSecond.toFixed(1)} completions/s (${mo.rps.toFixed(0)} transitions/s), p50 ${mo.p50} ms, ` +
          `p99 ${mo.p99} ms, ${JSON.stringify(report.writes.mo.acked)}, refused ${JSON.stringify(mo.refused)}, ` +
          `no lost update: ${moVerify.problems.length ? moVerify.problems.slice(0, 5).join('; ') : 'yes'}${otherCpu(mo)} (${seconds(t)})`,
      );
    } finally {
      await verifier.end();
    }
  }

  report.memory = { ...memoryOf(api.child.pid), ...(await memoryBreakdown(api.base).catch(() => ({}))) };
  log(
    `API memory: RSS ${report.memory.rssMb.toFixed(0)} MB, peak ${report.memory.peakMb.toFixed(0)} MB; ` +
      `V8 heap ${report.memory.heapTotalMb?.toFixed(0)} MB (used ${report.memory.heapUsedMb?.toFixed(0)}), ` +
      `external ${report.memory.externalMb?.toFixed(0)} MB; spaces ${JSON.stringify(
        Object.fromEntries(Object.entries(report.memory.spacesMb ?? {}).map(([k, v]) => [k, Math.round(v)])),
      )}`,
  );
  await stopPid(api.child.pid, 20_000);
  await api.child.exited;
  if (profileDir) report.profile = summariseProfiles(profileDir);

  t = Date.now();
  report.ledger = await ledger(factoryDb.url);
  log(
    `ledger check: ${report.ledger.pass ? 'PASS' : `FAIL (${report.ledger.count} discrepancies)`} (${seconds(t)})`,
  );

  for (const other of compareScales.filter((s) => s !== scale)) {
    try {
      await compareScale(other);
    } catch (e) {
      report.growthError = `scale ${other}: ${e instanceof Error ? e.message : String(e)}`;
      log(`comparison at scale ${other} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  /** Loads `other` into a second database and runs the reads against a fresh API on it. */
  async function compareScale(other) {
    t = Date.now();
    const db = await prepareDatabase(
      server,
      `kapok_bench_s${String(other).replace('.', '_')}`,
      other,
      passwordHash,
    );
    const otherApi = await startApi(db.url, dir);
    const token = await login(otherApi.base, 'bench_admin', BENCH_PASSWORD);
    const otherIds = await scenarioIds(db.url);
    log(`reads at scale ${other} (Kapok only)`);
    const reads = await runReads(
      onlyReads(readScenarios(otherIds, db.factory.heroBomIds)),
      otherApi.base,
      token,
      null,
    );
    await stopPid(otherApi.child.pid, 20_000);
    const otherLedger = await ledger(db.url);
    if (!otherLedger.pass) report.ledger = { ...otherLedger, pass: false };
    report.growth = Object.fromEntries(
      Object.entries(reads).map(([key, x]) => [
        key,
        {
          from: scale,
          to: other,
          p50From: report.reads[key].kapok.p50,
          p50To: x.kapok.p50,
          ratio: x.kapok.p50 / report.reads[key].kapok.p50,
          errors: x.kapok.errors,
        },
      ]),
    );
    report.readsAtOtherScale = { scale: other, dataset: db.factory.counts, reads };
    log(`  scale ${other} done (${seconds(t)})`);
  }

  report.seconds = (Date.now() - started) / 1000;
  process.stdout.write(`\n${table(report)}\n\n`);
  process.stdout.write(
    `machine: ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGb} GB, Node ${process.version}; ` +
      `dataset scale ${scale}: ${JSON.stringify(report.dataset)}; ${duration} s per scenario, ${connections} connections; ` +
      `write cycles are autocannon request chains (one request = one step); run took ${report.seconds.toFixed(0)} s\n`,
  );
  const refused = {
    ...report.writes.kanban?.refused,
    ...Object.fromEntries(Object.entries(report.writes.mo?.refused ?? {}).map(([k, v]) => [`MO ${k}`, v])),
  };
  if (Object.keys(refused).length) process.stdout.write(`write refusals: ${JSON.stringify(refused)}\n`);
  const loads = [
    ...Object.values(report.reads).flatMap((x) => [
      [`${x.name} (Kapok)`, x.kapok.cpu],
      [`${x.name} (baseline)`, x.baseline?.cpu],
    ]),
    ['kanban cycle', report.writes.kanban?.cpu],
    ['MO cycle', report.writes.mo?.cpu],
  ].filter(([, c]) => c);
  if (loads.length) {
    const worst = loads.reduce((a, b) => (b[1].othersPct > a[1].othersPct ? b : a));
    const mean = loads.reduce((sum, [, c]) => sum + c.othersPct, 0) / loads.length;
    process.stdout.write(
      `other processes on the machine during the measured runs: ${mean.toFixed(0)}% of the CPU on average, ` +
        `at most ${worst[1].othersPct.toFixed(0)}% (${worst[0]})${mean > 10 ? ' — the figures are depressed by it' : ''}\n`,
    );
  }
  for (const [key, x] of Object.entries(report.reads))
    if (x.kapok.errors) process.stdout.write(`${key}: status codes ${JSON.stringify(x.kapok.statusCodes)}\n`);
  for (const w of [report.writes.kanban, report.writes.mo])
    if (w?.verify.problems.length)
      process.stdout.write(`lost updates: ${w.verify.problems.slice(0, 10).join('\n')}\n`);
  if (!report.ledger.pass)
    process.stdout.write(`ledger discrepancies: ${JSON.stringify(report.ledger.problems, null, 1)}\n`);
  if (report.explain) process.stdout.write(`${report.explain}\n`);
  if (report.profile)
    process.stdout.write(`\nAPI CPU profile, self time (${profileDir}):\n${report.profile}\n`);
  if (args.json) writeFileSync(resolve(args.json), JSON.stringify(report, null, 2));
  const lost =
    (report.writes.kanban?.verify.problems.length ?? 0) + (report.writes.mo?.verify.problems.length ?? 0);
  return report.ledger.pass && lost === 0 ? 0 : 1;
}

let code = 1;
try {
  code = await main();
} catch (e) {
  log(`benchmark failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
} finally {
  await cleanup();
}
process.exit(code);
