/**
 * The raw baseline: a bare Node `http` server that answers the benchmark's reads with the very SQL the
 * API runs (copied from the services, checked against the built API at start: see `checkSqlDrift`),
 * through `pg` directly: no framework, no auth, no validation, no DTO mapping beyond what the SQL
 * returns. It issues the same queries in the same order (in parallel where the API uses Promise.all)
 * and serves them on the API's paths, so one request generator drives both.
 *
 * Run: DATABASE_URL=… PORT=… node tools/bench/baseline.mjs
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const API_DIST = resolve(fileURLToPath(new URL('../../apps/api/dist', import.meta.url)));

/** @typedef {{ text: string, file: string | null, chunks: string[], parts: SqlText[] }} SqlText */

/**
 * A tagged template for SQL copied from a file of the built API: remembers its literal chunks (to check
 * them against that file) and the fragments it embeds.
 * @param {string | null} file path under apps/api/dist, or null for glue that only joins fragments
 */
const sqlFrom =
  (file) =>
  (strings, ...values) => {
    /** @type {SqlText[]} */
    const parts = values.filter((v) => typeof v === 'object' && v !== null);
    const text = strings.reduce(
      (acc, s, i) =>
        acc +
        s +
        (i < values.length ? (typeof values[i] === 'object' ? values[i].text : String(values[i])) : ''),
      '',
    );
    return { text, file, chunks: file ? [...strings] : [], parts };
  };

const cards = sqlFrom('modules/kanban/kanban.sql.js');
const people = sqlFrom('core/database/people.js');
const stock = sqlFrom('modules/warehouse/stock/stock.queries.js');
const stockFacts = sqlFrom('modules/warehouse/stock/stock.js');
const bom = sqlFrom('modules/bom/bom.service.js');
const explosion = sqlFrom('modules/bom/bom-explosion.service.js');
const dashboard = sqlFrom('modules/ppic/dashboard/dashboard.service.js');
const glue = sqlFrom(null);

// --- kanban board: KanbanService.board → selectBoard (kanban.sql), people by id -----------------------
const CARD_SELECT = cards`
  select c.*, p.code as product_code, p.name as product_name, p.uom
    from kanban_cards c
    join products p on p.id = c.product_id`;
const BOARD_ORDER = cards`
  case c.status when 'REQUESTED' then 0 when 'APPROVED' then 1 when 'IN_TRANSIT' then 2 when 'RECEIVED' then 3 when 'REJECTED' then 4 else 5 end,
  case c.priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end,
  (c.needed_by at time zone 'Asia/Jakarta')::date nulls last, c.position, c.needed_by, c.created_at`;
const CLOSED_DAYS_ON_BOARD = 7;
const BOARD = glue`${CARD_SELECT}${cards`
      where c.id in (select id from kanban_cards where status in ('REQUESTED', 'APPROVED', 'IN_TRANSIT')
                     union all
                     select id from kanban_cards where status not in ('REQUESTED', 'APPROVED', 'IN_TRANSIT')
                                                   and updated_at > now() - make_interval(days => $1))
        and ($2::kanban_status is null or c.status = $2) and ($3::department is null or c.department = $3)
      order by `}${BOARD_ORDER}`;
const CARD_USERS = people`select id, username, full_name from users where id = any($1::uuid[])`;

// --- stock of a product: StockQueries.productStock (one round trip) ---------------------------------
const INTERNAL = stock`('WAREHOUSE', 'LINE', 'TRANSIT', 'SUBCONTRACTOR')`;
const PRODUCT_STOCK = stock`
  select pr.name as product_name, pr.code as product_code, pr.uom, b.product_id, b.location_id, loc.code as location_code,
         loc.name as location_name, b.lot_id, lot.lot_number, lot.received_at, lot.quality_status, b.on_hand, b.reserved,
         b.updated_at
    from products pr
    left join (stock_balances b
               join locations loc on loc.id = b.location_id and loc.type in ${INTERNAL}
               left join lots lot on lot.id = b.lot_id)
           on b.product_id = pr.id and (b.on_hand > 0 or b.reserved > 0)
   where pr.id = $1
   order by loc.type, loc.code, lot.received_at nulls last`;

// --- BOM read: BomService.load (one round trip) -----------------------------------------------------
const BOM_READ = bom`select b.id as bom_id, b.product_id, b.bom_type, b.qty_output, b.active, b.revision, b.version,
              b.created_at as bom_created_at, b.updated_at as bom_updated_at,
              p.code as product_code, p.name as product_name, p.uom as product_uom,
              l.id, l.position, l.component_id, l.department, l.qty_needed, l.uom, l.wastage_percent,
              c.code, c.name, c.type, c.uom as component_uom,
              (select cb.id from boms cb where cb.product_id = l.component_id and cb.active and cb.deleted_at is null) as component_bom_id,
              coalesce((select json_agg(json_build_object('id', v.id, 'materialId', v.material_id, 'materialCode', mp.code, 'materialName', mp.name,
                                                          'variantType', v.variant_type, 'sequence', v.sequence, 'neededQuantity', v.qty_needed)
                                        order by v.sequence, mp.code)
                          from bom_line_variants v join products mp on mp.id = v.material_id where v.line_id = l.id), '[]') as variants
         from boms b
         join products p on p.id = b.product_id
         left join (bom_lines l join products c on c.id = l.component_id) on l.bom_id = b.id
        where b.id = $1 and b.deleted_at is null
        order by l.position`;

// --- BOM explosion: BomExplosionService.explode (the tree in one recursive query, then free stock) ---
const MAX_LEVELS = 20;
const EXPLODE_TREE = explosion`with recursive tree(bom_id, depth) as (
         select b.id, 0 from boms b where b.id = $1 and b.deleted_at is null
         union
         select cb.id, t.depth + 1
           from tree t
           join bom_lines tl on tl.bom_id = t.bom_id
           join boms cb on cb.product_id = tl.component_id and cb.active and cb.deleted_at is null
          where t.depth < $2
       ),
       levels as (select bom_id, max(depth) as depth from tree group by bom_id)
       select h.id as h_id, h.product_id as h_product_id, h.revision as h_revision, h.bom_type as h_bom_type,
              hp.code as h_code, hp.name as h_name, hp.uom as h_uom, (select max(depth) from levels)::int as depth,
              x.*
         from boms h
         join products hp on hp.id = h.product_id
         left join lateral (
           select b.id as bom_id, b.qty_output, l.id as line_id, l.position, l.department, l.qty_needed, l.uom as line_uom, l.wastage_percent,
                  c.id as component_id, c.code, c.name, c.uom, c.unit_conversions,
                  cb.id as child_bom_id, cb.bom_type as child_bom_type,
                  coalesce(v.variants, '[]') as variants
             from levels lv0
             join boms b on b.id = lv0.bom_id
             join bom_lines l on l.bom_id = b.id
             join products c on c.id = l.component_id
             left join boms cb on cb.product_id = c.id and cb.active and cb.deleted_at is null
             left join lateral (
               select json_agg(json_build_object('materialId', mp.id, 'code', mp.code, 'name', mp.name, 'uom', mp.uom,
                                                 'unitConversions', mp.unit_conversions, 'variantType', lv.variant_type,
                                                 'sequence', lv.sequence, 'neededQuantity', lv.qty_needed)) as variants
                 from bom_line_variants lv join products mp on mp.id = lv.material_id
                where lv.line_id = l.id
             ) v on true
         ) x on true
        where h.id = $1 and h.deleted_at is null
        order by x.bom_id, x.position`;
/** Free stock counts only lots QC released (and stock kept without a lot). */
const RELEASED_ONLY = stockFacts`left join lots q on q.id = b.lot_id`;
const IS_RELEASED = stockFacts`(q.id is null or q.quality_status = 'RELEASED')`;
const EXPLODE_FREE = glue`${stockFacts`select b.product_id, sum(b.on_hand - b.reserved) as free
         from stock_balances b join locations l on l.id = b.location_id and l.type = 'WAREHOUSE'
         `}${RELEASED_ONLY}${stockFacts`
        where `}${IS_RELEASED}${stockFacts` and b.product_id = any($1::uuid[])
        group by b.product_id`}`;

// --- MO dashboard: DashboardService.overview / bottlenecks -------------------------------------------
const DEPARTMENTS_ON_ROUTES = ['CUTTING', 'EMBROIDERY', 'SUBCON', 'SEWING', 'FINISHING', 'PACKING'];
const TODAY = `(now() at time zone 'Asia/Jakarta')::date`;
const OVERVIEW_STATES = dashboard`select state, count(*)::int as n from manufacturing_orders group by state`;
const OVERVIEW_WIP = dashboard`select d.department,
                count(wo.id) filter (where wo.state in ('READY', 'IN_PROGRESS'))::int as active,
                coalesce(sum(greatest(wo.input_qty - wo.good_qty - wo.reject_qty, 0)) filter (where wo.state in ('READY', 'IN_PROGRESS')), 0) as queued,
                coalesce(sum(wo.good_qty - wo.handed_over_qty) filter (where wo.state in ('IN_PROGRESS', 'DONE')), 0) as awaiting
           from unnest($1::department[]) d(department)
           left join work_orders wo on wo.department = d.department
                 and exists (select 1 from manufacturing_orders mo where mo.id = wo.mo_id and mo.state = 'IN_PROGRESS')
          group by d.department`;
const OVERVIEW_LATE = dashboard`select mo.id, mo.batch_number, p.code, mo.state, mo.due_date::text as due_date, (${TODAY} - mo.due_date) as days_late, mo.qty_planned
           from manufacturing_orders mo join products p on p.id = mo.product_id
          where mo.due_date < ${TODAY} and mo.state in ('DRAFT', 'APPROVED', 'IN_PROGRESS')
          order by mo.due_date, mo.batch_number limit 20`;
const OVERVIEW_LATE_COUNT = dashboard`select count(*)::int as late_count from manufacturing_orders where due_date < ${TODAY} and state in ('DRAFT', 'APPROVED', 'IN_PROGRESS')`;
const PERIOD = dashboard`select ${TODAY}::text as today, (${TODAY} - 29)::text as month_ago`;
const BOTTLENECKS = dashboard`with bounds as (
         select ($2::date)::timestamp at time zone 'Asia/Jakarta' as lo,
                least(($3::date + 1)::timestamp at time zone 'Asia/Jakarta', now()) as hi
       )
       select d.department,
              coalesce(sum(greatest(wo.input_qty - wo.good_qty - wo.reject_qty, 0))
                filter (where wo.state in ('READY', 'IN_PROGRESS') and mo.state = 'IN_PROGRESS'), 0) as queued_qty,
              count(wo.id) filter (where wo.state in ('PENDING', 'READY') and mo.state = 'IN_PROGRESS')::int as queued_orders,
              avg(extract(epoch from wo.started_at - wo.ready_at) / 3600) filter (where wo.started_at >= b.lo and wo.started_at < b.hi) as wait_h,
              avg(extract(epoch from wo.ended_at - wo.started_at) / 3600) filter (where wo.ended_at >= b.lo and wo.ended_at < b.hi and wo.started_at is not null) as proc_h,
              coalesce((select sum(extract(epoch from upper(x) - lower(x)))
                          from unnest((select range_agg(tstzrange(greatest(w.started_at, b.lo), least(coalesce(w.ended_at, now()), b.hi)))
                                         from work_orders w
                                        where w.department = d.department and w.started_at < b.hi
                                          and (w.ended_at > b.lo or w.state in ('PENDING', 'READY', 'IN_PROGRESS')))) x), 0)
                / nullif(extract(epoch from b.hi - b.lo), 0) as utilisation
         from unnest($1::department[]) d(department)
         cross join bounds b
         -- Only work orders still open or active in the window: the rest of history is not read.
         left join work_orders wo on wo.department = d.department
               and (wo.state in ('PENDING', 'READY', 'IN_PROGRESS')
                    or (wo.ended_at > b.lo and wo.started_at < b.hi))
         left join manufacturing_orders mo on mo.id = wo.mo_id
        group by d.department, b.lo, b.hi`;

/** Every query the baseline runs, by name. */
export const QUERIES = {
  BOARD,
  CARD_USERS,
  PRODUCT_STOCK,
  BOM_READ,
  EXPLODE_TREE,
  EXPLODE_FREE,
  OVERVIEW_STATES,
  OVERVIEW_WIP,
  OVERVIEW_LATE,
  OVERVIEW_LATE_COUNT,
  PERIOD,
  BOTTLENECKS,
};

const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** Every .js file under `dir`, recursively. */
function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

/**
 * Proves the copies are still the API's SQL: every literal chunk of every query (whitespace aside) must
 * appear in the built file it was copied from, or, when the API moved it, in another built file (then
 * `moved` names it). Returns the chunks found nowhere.
 * @returns {{ checked: number, missing: Array<{ query: string, file: string, chunk: string }>, moved: Array<{ query: string, from: string, to: string }> }}
 */
export function checkSqlDrift(distDir = API_DIST) {
  const sources = new Map();
  const source = (file) => {
    if (!sources.has(file)) sources.set(file, squash(readFileSync(file, 'utf8')));
    return sources.get(file);
  };
  let everything;
  const missing = [];
  const moved = [];
  let checked = 0;
  const visit = (name, q) => {
    if (q.file) {
      for (const chunk of q.chunks.map(squash).filter((c) => c.length >= 8)) {
        checked++;
        if (source(join(distDir, q.file)).includes(chunk)) continue;
        everything ??= jsFiles(distDir);
        const elsewhere = everything.find((f) => source(f).includes(chunk));
        if (elsewhere) moved.push({ query: name, from: q.file, to: relative(distDir, elsewhere) });
        else missing.push({ query: name, file: q.file, chunk });
      }
    }
    for (const part of q.parts) visit(name, part);
  };
  for (const [name, q] of Object.entries(QUERIES)) visit(name, q);
  return { checked, missing, moved };
}

// --- the server ---------------------------------------------------------------------------------------

const FIXED = [
  ['YARD', 'METER', 0.9144],
  ['CM', 'METER', 0.01],
  ['YARD', 'CM', 91.44],
  ['GRAM', 'KG', 0.001],
];
/** The unit factor of @kapok/contracts in plain numbers. */
function unitFactor(from, to, conversions) {
  if (from === to) return 1;
  for (const [a, b, f] of FIXED) {
    if (a === from && b === to) return f;
    if (b === from && a === to) return 1 / f;
  }
  const own = (conversions ?? []).find((c) => c.uom === from);
  return own ? Number(own.factor) : 1;
}

/** The explosion with plain numbers: the tree in one recursive query, the free stock of the leaves at the end. */
async function explode(db, id, quantity) {
  const { rows } = await db.query(EXPLODE_TREE.text, [id, MAX_LEVELS]);
  if (!rows.length) return null;
  if (rows[0].depth >= MAX_LEVELS) return { code: 'BOM_TOO_DEEP' };
  const linesOf = new Map();
  for (const r of rows) if (r.bom_id) linesOf.set(r.bom_id, [...(linesOf.get(r.bom_id) ?? []), r]);
  const root = { productId: rows[0].h_product_id, code: rows[0].h_code, quantity, bomId: id, children: [] };
  const needs = new Map();
  let level = [{ node: root, bomId: id, quantity }];
  while (level.length) {
    const next = [];
    for (const parent of level) {
      for (const r of linesOf.get(parent.bomId) ?? []) {
        const qty =
          (parent.quantity / Number(r.qty_output)) *
          Number(r.qty_needed) *
          unitFactor(r.line_uom, r.uom, r.unit_conversions) *
          (1 + Number(r.wastage_percent) / 100);
        const node = {
          productId: r.component_id,
          code: r.code,
          name: r.name,
          department: r.department,
          quantity: qty,
          uom: r.uom,
          bomId: r.child_bom_id,
          children: [],
        };
        parent.node.children.push(node);
        if (r.child_bom_id) next.push({ node, bomId: r.child_bom_id, quantity: qty });
        else {
          const key = `${r.component_id}|${r.department}`;
          const need = needs.get(key) ?? {
            productId: r.component_id,
            code: r.code,
            department: r.department,
            quantity: 0,
          };
          need.quantity += qty;
          needs.set(key, need);
        }
      }
    }
    level = next;
  }
  const ids = [...new Set([...needs.values()].map((n) => n.productId))];
  const { rows: free } = ids.length ? await db.query(EXPLODE_FREE.text, [ids]) : { rows: [] };
  const available = new Map(free.map((f) => [f.product_id, Number(f.free)]));
  const requirements = [...needs.values()].map((n) => ({
    ...n,
    available: available.get(n.productId) ?? 0,
    shortage: Math.max(0, n.quantity - (available.get(n.productId) ?? 0)),
  }));
  return { bomId: id, quantity, requirements, tree: root };
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ROUTES = [
  [
    new RegExp('^/api/v1/ppic/kanban/cards/all$'),
    async (db) => {
      const { rows } = await db.query(BOARD.text, [CLOSED_DAYS_ON_BOARD, null, null]);
      const ids = new Set();
      for (const r of rows)
        for (const k of [
          'requested_by_id',
          'approved_by_id',
          'rejected_by_id',
          'shipped_by_id',
          'received_by_id',
          'cancelled_by_id',
        ])
          if (r[k]) ids.add(r[k]);
      const users = ids.size ? (await db.query(CARD_USERS.text, [[...ids]])).rows : [];
      return { items: rows, users, total: rows.length };
    },
  ],
  [
    new RegExp(`^/api/v1/warehouse/stock/(${UUID})$`),
    async (db, [id]) => {
      const { rows } = await db.query(PRODUCT_STOCK.text, [id]);
      if (!rows.length) return null;
      const { product_code: code, product_name: name, uom } = rows[0];
      return { productId: id, code, name, uom, balances: rows.filter((r) => r.product_id !== null) };
    },
  ],
  [
    new RegExp(`^/api/v1/warehouse/bom/(${UUID})$`),
    async (db, [id]) => {
      const { rows } = await db.query(BOM_READ.text, [id]);
      if (!rows.length) return null;
      return { ...rows[0], lines: rows.filter((r) => r.id !== null) };
    },
  ],
  [
    new RegExp(`^/api/v1/warehouse/bom/(${UUID})/explode$`),
    (db, [id], query) => explode(db, id, Number(query.get('quantity') ?? 1)),
  ],
  [
    new RegExp('^/api/v1/ppic/dashboard/overview$'),
    async (db) => {
      const [states, wip, late, count] = await Promise.all([
        db.query(OVERVIEW_STATES.text),
        db.query(OVERVIEW_WIP.text, [DEPARTMENTS_ON_ROUTES]),
        db.query(OVERVIEW_LATE.text),
        db.query(OVERVIEW_LATE_COUNT.text),
      ]);
      return { byState: states.rows, wip: wip.rows, lateCount: count.rows[0].late_count, late: late.rows };
    },
  ],
  [
    new RegExp('^/api/v1/ppic/dashboard/bottlenecks$'),
    async (db) => {
      const { rows: period } = await db.query(PERIOD.text);
      const { today, month_ago: from } = period[0];
      const { rows } = await db.query(BOTTLENECKS.text, [DEPARTMENTS_ON_ROUTES, from, today]);
      return { from, to: today, departments: rows };
    },
  ],
];

/** Starts the baseline server; resolves with the http server once it listens. */
export async function startBaseline({ databaseUrl, port, poolSize = 20 }) {
  const db = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  db.on('error', () => undefined);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://baseline');
    const send = (status, body) => {
      const json = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(json),
      });
      res.end(json);
    };
    if (url.pathname === '/health') return send(200, { ok: true });
    for (const [pattern, handler] of ROUTES) {
      const match = pattern.exec(url.pathname);
      if (!match) continue;
      handler(db, match.slice(1), url.searchParams).then(
        (body) => (body === null ? send(404, { code: 'NOT_FOUND' }) : send(200, body)),
        (e) => send(500, { code: 'INTERNAL_ERROR', message: e instanceof Error ? e.message : String(e) }),
      );
      return;
    }
    send(404, { code: 'NOT_FOUND' });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  return { server, close: () => new Promise((done) => server.close(() => db.end().then(done))) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const databaseUrl = process.env.DATABASE_URL;
  const port = Number(process.env.PORT ?? 0);
  if (!databaseUrl) {
    process.stderr.write('DATABASE_URL is required\n');
    process.exit(2);
  }
  const { close } = await startBaseline({
    databaseUrl,
    port,
    poolSize: Number(process.env.DB_POOL_SIZE ?? 20),
  });
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => void close().finally(() => process.exit(0)));
}
