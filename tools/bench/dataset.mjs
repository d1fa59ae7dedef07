/**
 * The benchmark factory: a generated soft-toy factory loaded with bulk SQL (generate_series), so that
 * scale 1 loads in seconds and scale 10 in a few minutes.
 *
 * Scale 1: 300 finished articles with five-level BOM chains (article → finishing → sewing → embroidery →
 * cutting, ~6,000 lines; the first 20 "hero" articles carry 6 purchased components per level, 30 in all),
 * 1,500 materials with 4 lots each, 20,000 kanban cards (500 open), 2,000 MOs in every state (work
 * orders and outputs for the started ones), 200,000 stock moves, and balances and reservations that agree
 * with them exactly (the ledger check passes).
 *
 * Needs a migrated database with the reference data (roles, virtual locations) and no products yet.
 * Everything is written in one transaction, then VACUUM ANALYZE, as a long-running factory would be.
 */

import { generateOrders } from './orders-dataset.mjs';

export const BENCH_PASSWORD = 'kapok-bench-password';

/** The users the benchmark signs in as: username → [role, department]. */
export const BENCH_USERS = {
  bench_admin: ['superadmin', null],
  bench_manager: ['manager', null],
  bench_ppic: ['ppic_manager', 'PPIC'],
  bench_warehouse: ['warehouse_admin', 'WAREHOUSE'],
  bench_cutting: ['dept_admin', 'CUTTING'],
  bench_embroidery: ['dept_admin', 'EMBROIDERY'],
  bench_subcon: ['dept_admin', 'SUBCON'],
  bench_sewing: ['dept_admin', 'SEWING'],
  bench_finishing: ['dept_admin', 'FINISHING'],
  bench_packing: ['dept_admin', 'PACKING'],
};

/** The departments that request material, in the order cards are spread over them. */
const CARD_DEPARTMENTS = ['CUTTING', 'EMBROIDERY', 'SEWING', 'FINISHING', 'PACKING', 'SUBCON'];

/**
 * How many of each thing `scale` means. Fractions (0.01, 0.1) give small factories for tests.
 * @param {number} scale
 */
export function factorySize(scale) {
  const n = (x, min = 1) => Math.max(min, Math.round(x * scale));
  const articles = n(300);
  return {
    articles,
    heroes: Math.min(articles, n(20)),
    /** A multiple of 5: materials come in five kinds (fabric, thread, filling, accessory, packaging). */
    materials: 5 * n(300),
    racks: n(10, 3),
    lotsPerMaterial: 4,
    cards: n(20_000, 20),
    openCards: n(500, 10),
    mos: n(2_000, 20),
    moves: n(200_000, 1_000),
  };
}

/**
 * Generates the factory into an empty, migrated database.
 * @param {import('pg').ClientBase} client a connected pg client (not inside a transaction)
 * @param {number} [scale]
 * @param {{ passwordHash?: string, log?: (message: string) => void, vacuum?: boolean }} [options]
 * @returns {Promise<{ size: ReturnType<typeof factorySize>, counts: Record<string, number>, heroBomIds: string[], heroProductIds: string[], seconds: number }>}
 */
export async function generateFactory(client, scale = 1, options = {}) {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const size = factorySize(scale);
  const passwordHash = options.passwordHash ?? (await defaultPasswordHash());
  const q = (text, params) => client.query(text, params);
  const step = async (label, work) => {
    const t = Date.now();
    await work();
    log(`  ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  };

  const [{ n: existing }] = (await q('select count(*)::int as n from products')).rows;
  if (existing > 0) throw new Error('generateFactory needs a database without products');
  const [{ n: roles }] = (await q('select count(*)::int as n from roles')).rows;
  if (roles === 0)
    throw new Error('generateFactory needs the reference data (roles): run ensureReferenceData first');

  let heroBomIds = [];
  let heroProductIds = [];
  await q('begin');
  try {
    await q(`set local timezone = 'UTC'`);
    await q(`create temp table g_now on commit drop as select date_trunc('second', now()) as now`);

    await step('users and locations', async () => {
      await q(
        `insert into users (username, full_name, password_hash, role_id, department)
         select e.username, 'Benchmark ' || e.username, $1, r.id, (e.spec->>1)::department
           from jsonb_each($2::jsonb) e(username, spec) join roles r on r.code = e.spec->>0`,
        [passwordHash, JSON.stringify(BENCH_USERS)],
      );
      for (const [code, name, type] of [
        ['SUPPLIER', 'Suppliers', 'SUPPLIER'],
        ['CUSTOMER', 'Customers', 'CUSTOMER'],
        ['PRODUCTION', 'Production (consumed and produced)', 'PRODUCTION'],
        ['LOSS', 'Inventory loss and scrap', 'LOSS'],
      ]) {
        await q(
          `insert into locations (code, name, type) select $1, $2, $3::location_type
            where not exists (select 1 from locations where type = $3::location_type)`,
          [code, name, type],
        );
      }
      await q(
        `insert into locations (code, name, type)
         select 'BR-RACK-' || lpad(r::text, 3, '0'), 'Bench rack ' || r, 'WAREHOUSE' from generate_series(1, $1) r`,
        [size.racks],
      );
      await q(
        `insert into locations (code, name, type, is_finished_goods)
         select 'BR-WH-FG', 'Finished goods warehouse', 'WAREHOUSE', true
          where not exists (select 1 from locations where is_finished_goods)`,
      );
      await q(
        `insert into locations (code, name, type, department)
         select t || '-' || d, case t when 'LINE' then 'Line ' else 'In transit to ' end || initcap(d), t::location_type, d::department
           from unnest($1::text[]) d cross join unnest(array['LINE', 'TRANSIT']) t
          where not exists (select 1 from locations l where l.type = t::location_type and l.department = d::department)`,
        [CARD_DEPARTMENTS],
      );
      await q(`create temp table g_loc on commit drop as
               select (select id from locations where type = 'SUPPLIER') as supplier,
                      (select id from locations where type = 'CUSTOMER') as customer,
                      (select id from locations where type = 'PRODUCTION') as production,
                      (select id from locations where type = 'LOSS') as loss,
                      (select id from locations where is_finished_goods) as fg`);
      await q(`create temp table g_rack on commit drop as
               select (row_number() over (order by code) - 1)::int as r, id from locations where code like 'BR-RACK-%'`);
      await q(
        `create temp table g_dept on commit drop as
         select d.department::department as department, (d.seq - 1)::int as seq, line.id as line_id, transit.id as transit_id, u.id as user_id
           from unnest($1::text[]) with ordinality d(department, seq)
           join locations line on line.type = 'LINE' and line.department = d.department::department
           join locations transit on transit.type = 'TRANSIT' and transit.department = d.department::department
           join users u on u.username = 'bench_' || lower(d.department)`,
        [CARD_DEPARTMENTS],
      );
      await q(`create temp table g_user on commit drop as
               select (select id from users where username = 'bench_ppic') as ppic,
                      (select id from users where username = 'bench_manager') as manager,
                      (select id from users where username = 'bench_warehouse') as warehouse`);
    });

    await step(
      `products: ${size.materials} materials, ${size.articles} articles, ${size.articles * 4} WIP`,
      async () => {
        // kind: 0 fabric (METER), 1 thread (METER), 2 filling (KG), 3 accessory (PCS), 4 packaging (PCS).
        // u: the kind's quantity scale (a typical card of thread is thousands of metres, of fabric tens).
        await q(
          `create temp table g_mat on commit drop as
         select i, i % 5 as kind, gen_random_uuid() as id, (array[1, 100, 0.4, 10, 4])[i % 5 + 1]::numeric as u
           from generate_series(0, $1 - 1) i`,
          [size.materials],
        );
        await q(`alter table g_mat add primary key (i)`);
        await q(`insert into products (id, code, name, type, uom, unit_conversions, created_at, updated_at)
               select id,
                      'MAT-' || (array['FAB', 'THR', 'FIL', 'ACC', 'PKG'])[kind + 1] || '-' || lpad(i::text, 5, '0'),
                      (array['Plush fabric', 'Sewing thread', 'Polyester filling', 'Safety eyes and labels', 'Packaging'])[kind + 1] || ' ' || lpad(i::text, 5, '0'),
                      (case when kind in (3, 4) then 'ACCESSORY' else 'RAW_MATERIAL' end)::product_type,
                      (array['METER', 'METER', 'KG', 'PCS', 'PCS'])[kind + 1]::unit,
                      (array['[{"uom":"ROLL","factor":45.72}]', '[{"uom":"CONE","factor":5000}]', '[{"uom":"PACK","factor":20}]',
                             '[]', '[{"uom":"CARTON","factor":60}]'])[kind + 1]::jsonb,
                      (select now from g_now) - interval '400 days', (select now from g_now) - interval '400 days'
                 from g_mat`);
        await q(
          `create temp table g_art on commit drop as
         select a, a < $2 as hero, gen_random_uuid() as fg, gen_random_uuid() as fin, gen_random_uuid() as sew,
                gen_random_uuid() as emb, gen_random_uuid() as cut
           from generate_series(0, $1 - 1) a`,
          [size.articles, size.heroes],
        );
        await q(`alter table g_art add primary key (a)`);
        await q(`insert into products (id, code, name, type, uom, created_at, updated_at)
               select x.id, x.code || lpad(g.a::text, 5, '0'), x.name || lpad(g.a::text, 5, '0'), x.type::product_type, 'PCS',
                      (select now from g_now) - interval '400 days', (select now from g_now) - interval '400 days'
                 from g_art g
                cross join lateral (values (g.fg, 'ART-', 'Plush toy article ', 'FINISHED_GOOD'),
                                           (g.fin, 'WIP-FIN-', 'Filled body ', 'WIP'),
                                           (g.sew, 'WIP-SEW-', 'Sewn shell ', 'WIP'),
                                           (g.emb, 'WIP-EMB-', 'Embroidered panels ', 'WIP'),
                                           (g.cut, 'WIP-CUT-', 'Cut panels ', 'WIP')) x(id, code, name, type)`);
      },
    );

    await step('BOMs: five levels per article', async () => {
      // Level L: 0 article (PACKING), 1 filled body (FINISHING), 2 sewn shell (SEWING), 3 embroidered panels
      // (EMBROIDERY), 4 cut panels (CUTTING). Each level but the last consumes the next level's WIP.
      await q(`create temp table g_bom on commit drop as
               select g.a, g.hero, l as level, gen_random_uuid() as id,
                      (array[g.fg, g.fin, g.sew, g.emb, g.cut])[l + 1] as product_id,
                      (array[g.fin, g.sew, g.emb, g.cut, null])[l + 1] as child_id,
                      (array['PACKING', 'FINISHING', 'SEWING', 'EMBROIDERY', 'CUTTING'])[l + 1]::department as department
                 from g_art g cross join generate_series(0, 4) l`);
      await q(`insert into boms (id, product_id, bom_type, qty_output, active, revision, created_at, updated_at)
               select id, product_id, 'MANUFACTURING', 1, true, 1,
                      (select now from g_now) - interval '300 days', (select now from g_now) - interval '300 days'
                 from g_bom`);
      // Material lines: kinds by department, distinct materials within a BOM (and within a hero's chain).
      await q(
        `create temp table g_line on commit drop as
         select gen_random_uuid() as id, b.id as bom_id, b.hero, b.level, j + 2 as position, m.id as component_id, m.kind, m.i as material,
                b.department, (b.a * 7 + b.level * 13 + j * 29) as h,
                case when m.kind = 0 and b.level = 4 and j % 2 = 1 then 'YARD' else (array['METER', 'METER', 'KG', 'PCS', 'PCS'])[m.kind + 1] end as uom
           from g_bom b
          cross join lateral generate_series(0, case when b.hero then 5 else 2 end) j
          cross join lateral (select ('{{4,3},{2,3},{1,3},{1,0},{0,0}}'::int[])[b.level + 1][j % 2 + 1] as kind) k
           join g_mat m on m.i = k.kind + 5 * ((b.a * 37 + b.level * 11 + j * 61) % ($1::int / 5))`,
        [size.materials],
      );
      await q(`insert into bom_lines (bom_id, position, component_id, department, qty_needed, uom, wastage_percent, created_at, updated_at)
               select id, 1, child_id, department, 1, 'PCS', 0,
                      (select now from g_now) - interval '300 days', (select now from g_now) - interval '300 days'
                 from g_bom where child_id is not null`);
      await q(`insert into bom_lines (id, bom_id, position, component_id, department, qty_needed, uom, wastage_percent, created_at, updated_at)
               select id, bom_id, position, component_id, department,
                      case kind when 0 then 0.05 + (h % 50) / 100.0 when 1 then 5 + h % 40 when 2 then 0.05 + (h % 25) / 100.0
                                when 3 then 1 + h % 4 else 1 end,
                      uom::unit, case when kind = 0 then h % 6 else 0 end,
                      (select now from g_now) - interval '300 days', (select now from g_now) - interval '300 days'
                 from g_line`);
      // An alternative fabric on the first cutting line of every ordinary article.
      await q(
        `insert into bom_line_variants (line_id, material_id, variant_type, sequence)
         select l.id, m.id, 'ALTERNATIVE', 1
           from g_line l join g_mat m on m.i = (l.material + 5) % $1
          where not l.hero and l.level = 4 and l.position = 2`,
        [size.materials],
      );
      await q(`insert into bom_revisions (bom_id, revision, reason, author_username, snapshot, created_at)
               select id, 1, 'Generated for the benchmark', 'bench_admin', jsonb_build_object('generated', true),
                      (select now from g_now) - interval '300 days'
                 from g_bom`);
      const heroes = await q(
        `select b.id, b.product_id from g_bom b where b.hero and b.level = 0 order by b.a`,
      );
      heroBomIds = heroes.rows.map((r) => r.id);
      heroProductIds = heroes.rows.map((r) => r.product_id);
    });

    await step(`lots and receipts: ${size.materials * size.lotsPerMaterial}`, async () => {
      // Four lots per material, received 130 to 300 days ago, each on one rack.
      await q(
        `create temp table g_lot on commit drop as
         select (row_number() over (order by m.i, k) - 1)::int as n, m.i, k, gen_random_uuid() as id, m.id as product_id, m.kind, m.u,
                r.id as rack_id,
                (select now from g_now) - make_interval(days => 130 + (3 - k) * 45 + m.i % 30, hours => m.i % 24) as received_at
           from g_mat m cross join generate_series(0, $2 - 1) k
           join g_rack r on r.r = (m.i + k) % $1`,
        [size.racks, size.lotsPerMaterial],
      );
      await q(`alter table g_lot add primary key (n)`);
      await q(`insert into lots (id, product_id, lot_number, received_at, supplier_reference, created_at, updated_at)
               select id, product_id, 'LOT-' || lpad(i::text, 5, '0') || '-' || (k + 1), received_at, 'SJ-' || lpad((n + 1)::text, 6, '0'),
                      received_at, received_at
                 from g_lot`);
      await q(`insert into stock_moves (product_id, quantity, from_location_id, to_location_id, lot_id, type, reference, actor_id, actor_username, created_at)
               select l.product_id, 10000 * l.u, g.supplier, l.rack_id, l.id, 'RECEIPT', 'GRN-' || lpad((l.n + 1)::text, 6, '0'),
                      u.warehouse, 'bench_warehouse', l.received_at
                 from g_lot l, g_loc g, g_user u`);
    });

    await step(`manufacturing orders: ${size.mos}`, async () => {
      // By i % 20: 0-11 COMPLETED, 12-14 IN_PROGRESS, 15-16 APPROVED, 17-18 DRAFT, 19 CANCELLED.
      await q(
        `create temp table g_mo on commit drop as
         select i, gen_random_uuid() as id, g.a, g.fg, g.fin, g.sew, g.emb, g.cut, b.id as bom_id, s.state,
                (60 * (2 + i % 8))::numeric as qty,
                (select now from g_now) - case s.state
                    when 'COMPLETED' then make_interval(days => 10 + (i * 17) % 110, hours => i % 24)
                    when 'IN_PROGRESS' then make_interval(days => 2 + i % 13, hours => i % 24)
                    when 'APPROVED' then make_interval(days => 1 + i % 9, hours => i % 24)
                    when 'DRAFT' then make_interval(hours => 1 + (i * 7) % 100)
                    else make_interval(days => 5 + i % 60) end as created_at
           from generate_series(0, $1 - 1) i
           join g_art g on g.a = (i * 7) % $2
           join g_bom b on b.a = g.a and b.level = 0
          cross join lateral (select case when i % 20 < 12 then 'COMPLETED' when i % 20 < 15 then 'IN_PROGRESS'
                                          when i % 20 < 17 then 'APPROVED' when i % 20 < 19 then 'DRAFT' else 'CANCELLED' end as state) s`,
        [size.mos, size.articles],
      );
      await q(`alter table g_mo add column batch_number text, add column produced numeric, add column started_at timestamptz,
                              add column approved_at timestamptz, add column completed_at timestamptz, add column pace numeric`);
      // Numbers never cut: lpad truncates, and a busy day at scale 10 has more than 999 orders.
      await q(`update g_mo m set batch_number = x.batch_number
                 from (select id, 'MO-' || to_char(day, 'YYYYMMDD') || '-' || lpad(n::text, greatest(3, length(n::text)), '0') as batch_number
                         from (select id, (created_at at time zone 'Asia/Jakarta')::date as day,
                                      row_number() over (partition by (created_at at time zone 'Asia/Jakarta')::date order by created_at, i) as n
                                 from g_mo) d) x
                where x.id = m.id`);
      // Hours of the route: CUTTING 2+6, EMBROIDERY 5+10, SEWING 20+26, FINISHING 6+12, PACKING 3+5 (wait + work)
      // = 95 h at pace 1; an order still in progress has had less time.
      await q(`update g_mo set
                 approved_at = case when state <> 'DRAFT' and not (state = 'CANCELLED' and i % 2 = 0) then created_at + interval '4 hours' end,
                 started_at = case when state in ('IN_PROGRESS', 'COMPLETED') then created_at + interval '1 day' end,
                 pace = case when state = 'IN_PROGRESS' then least(1, extract(epoch from (select now from g_now) - created_at - interval '1 day') / 3600 / 100)
                             else 0.7 + (i % 7) / 10.0 end,
                 produced = case when state = 'COMPLETED' then round(qty * (0.92 + (i % 13) / 100.0)) end`);
      await q(
        `update g_mo set completed_at = started_at + make_interval(secs => 95 * 3600 * pace) where state = 'COMPLETED'`,
      );
      await q(`insert into manufacturing_orders (id, created_at, updated_at, batch_number, product_id, bom_id, bom_revision, stages, qty_planned, route,
                                                 due_date, week, destination, notes, state, created_by_id, approved_by_id, approved_at,
                                                 started_by_id, started_at, completed_by_id, completed_at, cancelled_by_id, cancelled_at, cancel_reason,
                                                 produced_qty, variance)
               select m.id, m.created_at, coalesce(m.completed_at, m.started_at, m.approved_at, m.created_at), m.batch_number, m.fg,
                      case when m.approved_at is not null then m.bom_id end, case when m.approved_at is not null then 1 end,
                      case when m.approved_at is not null then jsonb_build_object(
                        'CUTTING', jsonb_build_object('target', m.qty, 'productId', m.cut),
                        'EMBROIDERY', jsonb_build_object('target', m.qty, 'productId', m.emb),
                        'SEWING', jsonb_build_object('target', m.qty, 'productId', m.sew),
                        'FINISHING', jsonb_build_object('target', m.qty, 'productId', m.fin),
                        'PACKING', jsonb_build_object('target', m.qty, 'productId', m.fg)) end,
                      m.qty, 'ROUTE_1', (m.created_at + interval '14 days')::date,
                      to_char((m.created_at + interval '14 days')::date, 'IW-IYYY'),
                      (array['Belgium / EU', 'Germany', 'Japan', 'USA', 'Sweden'])[m.i % 5 + 1], null, m.state::mo_state,
                      u.ppic, case when m.approved_at is not null then u.manager end, m.approved_at,
                      case when m.started_at is not null then u.ppic end, m.started_at,
                      case when m.completed_at is not null then u.ppic end, m.completed_at,
                      case when m.state = 'CANCELLED' then u.ppic end,
                      case when m.state = 'CANCELLED' then m.created_at + interval '2 days' end,
                      case when m.state = 'CANCELLED' then 'Buyer moved the order to a later week' end,
                      m.produced, case when m.produced is not null then round((m.produced - m.qty) / m.qty, 4) end
                 from g_mo m, g_user u`);
      // Work orders of started orders: CUTTING, EMBROIDERY, SEWING, FINISHING, PACKING in sequence.
      await q(`create temp table g_wo on commit drop as
               select m.id as mo_id, m.i, s.seq, s.department::department as department, s.wait, s.work, m.qty, m.produced, m.state as mo_state,
                      (array[m.cut, m.emb, m.sew, m.fin, m.fg])[s.seq] as output_id,
                      (array[null, m.cut, m.emb, m.sew, m.fin])[s.seq] as input_id,
                      m.started_at as mo_started, m.started_at + make_interval(secs => 3600 * m.pace * s.before) as ready_at, m.pace,
                      case when m.state = 'COMPLETED' or s.seq <= m.i % 5 then 'DONE'
                           when s.seq = m.i % 5 + 1 then case when m.i % 2 = 0 then 'IN_PROGRESS' else 'READY' end
                           else 'PENDING' end as state
                 from g_mo m
                 join (values (1, 'CUTTING', 2, 6, 0), (2, 'EMBROIDERY', 5, 10, 8), (3, 'SEWING', 20, 26, 23),
                              (4, 'FINISHING', 6, 12, 69), (5, 'PACKING', 3, 5, 87)) s(seq, department, wait, work, before) on true
                where m.state in ('IN_PROGRESS', 'COMPLETED')`);
      await q(`insert into work_orders (mo_id, department, sequence, state, output_product_id, input_product_id, target_qty, input_qty,
                                        good_qty, reject_qty, handed_over_qty, ready_at, started_at, ended_at, operator_id, created_at, updated_at)
               select w.mo_id, w.department, w.seq, w.state::work_order_state, w.output_id, w.input_id, w.qty,
                      case when w.state = 'PENDING' then 0 else w.qty end,
                      case w.state when 'DONE' then coalesce(w.produced, w.qty) when 'IN_PROGRESS' then floor(w.qty * 0.4) else 0 end,
                      case when w.state = 'DONE' then greatest(w.qty - coalesce(w.produced, w.qty), 0) else 0 end,
                      case when w.state = 'DONE' then coalesce(w.produced, w.qty) else 0 end,
                      case when w.state <> 'PENDING' then w.ready_at end,
                      case when w.state in ('DONE', 'IN_PROGRESS') then w.ready_at + make_interval(secs => 3600 * w.pace * w.wait) end,
                      case when w.state = 'DONE' then w.ready_at + make_interval(secs => 3600 * w.pace * (w.wait + w.work)) end,
                      d.user_id, w.mo_started, coalesce(w.ready_at, w.mo_started)
                 from g_wo w left join g_dept d on d.department = w.department`);
      await q(`insert into work_order_outputs (work_order_id, good_qty, reject_qty, reject_reason, recorded_by_id, created_at)
               select wo.id, wo.good_qty, wo.reject_qty, case when wo.reject_qty > 0 then 'Seam and filling defects' end, wo.operator_id,
                      coalesce(wo.ended_at, wo.started_at + interval '2 hours')
                 from work_orders wo where wo.good_qty + wo.reject_qty > 0`);
      // Finished goods received at completion, and 80% of them shipped to the buyer two days later.
      await q(`insert into stock_moves (product_id, quantity, from_location_id, to_location_id, type, reference, document_type, document_id,
                                        actor_id, actor_username, created_at)
               select m.fg, m.produced, g.production, g.fg, 'PRODUCTION_OUTPUT', m.batch_number, 'manufacturing_order', m.id,
                      u.ppic, 'bench_ppic', m.completed_at
                 from g_mo m, g_loc g, g_user u where m.state = 'COMPLETED'`);
      await q(`insert into stock_moves (product_id, quantity, from_location_id, to_location_id, type, reference, actor_id, actor_username, created_at)
               select m.fg, floor(m.produced * 0.8), g.fg, g.customer, 'ISSUE', 'DO-' || m.batch_number, u.warehouse, 'bench_warehouse',
                      least(m.completed_at + interval '2 days', (select now from g_now))
                 from g_mo m, g_loc g, g_user u where m.state = 'COMPLETED'`);
      await q(`create temp table g_done on commit drop as
               select (row_number() over (order by i) - 1)::int as k, id, batch_number, completed_at from g_mo where state = 'COMPLETED'`);
    });

    await step(`kanban cards: ${size.cards} (${size.openCards} open)`, async () => {
      // Open cards (the first openCards): 40% REQUESTED, 30% APPROVED, 30% IN_TRANSIT, asked in the last six days.
      // Closed cards, 8 to 64 days old: 5% CANCELLED, 10% REJECTED, 85% RECEIVED (5% of all short).
      await q(
        `create temp table g_card on commit drop as
         select c, gen_random_uuid() as id, d.department, d.line_id, d.transit_id, d.user_id as requester,
                l.product_id, l.id as lot_id, l.rack_id, l.u, s.status, s.short,
                round((10 + (c * 13) % 50) * l.u, 4) as qty,
                (select now from g_now) - case when c < $1 then make_interval(mins => 360 + (c * 37) % 8280)
                                               else make_interval(days => 8, mins => ((c - $1) * 53) % 80640) end as created_at
           from generate_series(0, $2 - 1) c
           join g_dept d on d.seq = c % 6
           join g_lot l on l.n = (c::bigint * 7919) % $3
          cross join lateral (
            select case when c < $1 then case when c % 10 < 4 then 'REQUESTED' when c % 10 < 7 then 'APPROVED' else 'IN_TRANSIT' end
                        when (c - $1) % 20 = 0 then 'CANCELLED'
                        when (c - $1) % 20 in (1, 2) then 'REJECTED'
                        else 'RECEIVED' end as status,
                   c >= $1 and (c - $1) % 20 = 3 as short) s`,
        [size.openCards, size.cards, size.materials * size.lotsPerMaterial],
      );
      await q(`alter table g_card add column number text, add column received numeric`);
      await q(`update g_card c set number = x.number,
                                   received = case when c.status = 'RECEIVED' then case when c.short then round(c.qty * 0.9, 4) else c.qty end end
                 from (select id, 'KB-' || to_char(day, 'YYYYMMDD') || '-' || lpad(n::text, greatest(4, length(n::text)), '0') as number
                         from (select id, (created_at at time zone 'Asia/Jakarta')::date as day,
                                      row_number() over (partition by (created_at at time zone 'Asia/Jakarta')::date order by created_at, c) as n
                                 from g_card) d) x
                where x.id = c.id`);
      await q(`insert into kanban_cards (id, created_at, updated_at, number, department, requested_by_id, product_id, quantity, priority, needed_by,
                                         reason, source_location_id, status, position, approved_by_id, approved_at, rejected_by_id, rejected_at,
                                         reject_reason, shipped_by_id, shipped_at, shipped_quantity, received_by_id, received_at, received_quantity,
                                         cancelled_by_id, cancelled_at, version)
               select c.id, c.created_at,
                      c.created_at + case c.status when 'REQUESTED' then interval '0' when 'APPROVED' then interval '1 hour'
                                                   when 'IN_TRANSIT' then interval '3 hours' when 'RECEIVED' then interval '5 hours'
                                                   when 'REJECTED' then interval '2 hours' else interval '30 minutes' end,
                      c.number, c.department, c.requester, c.product_id, c.qty,
                      ((array['LOW', 'NORMAL', 'NORMAL', 'HIGH', 'URGENT'])[c.c % 5 + 1])::priority,
                      c.created_at + make_interval(hours => 4 + c.c % 72), 'Material for the ' || lower(c.department::text) || ' line',
                      case when c.status <> 'REQUESTED' and c.status <> 'CANCELLED' then c.rack_id end,
                      c.status::kanban_status, extract(epoch from c.created_at) * 1000,
                      case when c.status in ('APPROVED', 'IN_TRANSIT', 'RECEIVED') or (c.status = 'REJECTED' and c.c % 2 = 0) then u.warehouse end,
                      case when c.status in ('APPROVED', 'IN_TRANSIT', 'RECEIVED') or (c.status = 'REJECTED' and c.c % 2 = 0) then c.created_at + interval '1 hour' end,
                      case when c.status = 'REJECTED' then u.warehouse end,
                      case when c.status = 'REJECTED' then c.created_at + interval '2 hours' end,
                      case when c.status = 'REJECTED' then 'Enough stock is still on the line' end,
                      case when c.status in ('IN_TRANSIT', 'RECEIVED') then u.warehouse end,
                      case when c.status in ('IN_TRANSIT', 'RECEIVED') then c.created_at + interval '3 hours' end,
                      case when c.status in ('IN_TRANSIT', 'RECEIVED') then c.qty end,
                      case when c.status = 'RECEIVED' then c.requester end,
                      case when c.status = 'RECEIVED' then c.created_at + interval '5 hours' end,
                      c.received,
                      case when c.status = 'CANCELLED' then c.requester end,
                      case when c.status = 'CANCELLED' then c.created_at + interval '30 minutes' end,
                      case c.status when 'REQUESTED' then 1 when 'APPROVED' then 2 when 'IN_TRANSIT' then 3 when 'RECEIVED' then 4
                                    when 'REJECTED' then 2 + (c.c + 1) % 2 else 2 end
                 from g_card c, g_user u`);
      // Reservations: open for APPROVED cards, closed (history) for the cards that were shipped or rejected after approval.
      await q(`insert into stock_reservations (created_at, updated_at, product_id, location_id, lot_id, document_type, document_id, quantity,
                                               open_quantity, status)
               select c.created_at + interval '1 hour',
                      c.created_at + case when c.status = 'APPROVED' then interval '1 hour' when c.status = 'REJECTED' then interval '2 hours'
                                          else interval '3 hours' end,
                      c.product_id, c.rack_id, c.lot_id, 'kanban_card', c.id, c.qty,
                      case when c.status = 'APPROVED' then c.qty else 0 end,
                      (case when c.status = 'APPROVED' then 'OPEN' else 'CLOSED' end)::reservation_status
                 from g_card c
                where c.status in ('APPROVED', 'IN_TRANSIT', 'RECEIVED') or (c.status = 'REJECTED' and c.c % 2 = 0)`);
      // Ship (rack → transit), receive (transit → line) and the short receipts' return (transit → rack).
      await q(`insert into stock_moves (product_id, quantity, from_location_id, to_location_id, lot_id, type, reference, document_type, document_id,
                                        note, actor_id, actor_username, created_at)
               select c.product_id, x.qty, x.from_id, x.to_id, c.lot_id, 'TRANSFER', c.number, 'kanban_card', c.id, x.note, x.actor, x.username,
                      c.created_at + x.after
                 from g_card c cross join g_user u
                cross join lateral (values
                  (c.qty, c.rack_id, c.transit_id, null, u.warehouse, 'bench_warehouse', interval '3 hours', true),
                  (c.received, c.transit_id, c.line_id, null, c.requester, 'bench_' || lower(c.department::text), interval '5 hours', c.status = 'RECEIVED'),
                  (c.qty - c.received, c.transit_id, c.rack_id, 'Short receipt of ' || c.number || ': returned to the warehouse', c.requester,
                   'bench_' || lower(c.department::text), interval '5 hours', c.short)
                ) x(qty, from_id, to_id, note, actor, username, after, wanted)
                where c.status in ('IN_TRANSIT', 'RECEIVED') and x.wanted`);
      // The lines use what they received: up to four consumptions of 15% each per card (the fourth one is scrap).
      await q(
        `insert into stock_moves (product_id, quantity, from_location_id, to_location_id, lot_id, type, reference, document_type, document_id,
                                  actor_id, actor_username, created_at)
         select c.product_id, round(c.received * 0.15, 4), c.line_id, case when s.step = 4 then g.loss else g.production end, c.lot_id,
                (case when s.step = 4 then 'SCRAP' else 'PRODUCTION_CONSUME' end)::move_type,
                mo.batch_number, 'manufacturing_order', mo.id, c.requester, 'bench_' || lower(c.department::text),
                least(c.created_at + make_interval(hours => 5 + 6 * s.step), (select now from g_now))
           from g_card c cross join g_loc g
          cross join lateral generate_series(1, c.c % 5) s(step)
           join g_done mo on mo.k = (c.c::bigint * 31 + s.step) % (select count(*) from g_done)
          where c.status = 'RECEIVED'`,
      );
    });

    await step('backflushed consumption from the racks (up to the move count)', async () => {
      const [{ n: moves }] = (await q('select count(*)::int as n from stock_moves')).rows;
      const fill = Math.max(0, size.moves - moves);
      await q(
        `insert into stock_moves (product_id, quantity, from_location_id, to_location_id, lot_id, type, reference, document_type, document_id,
                                  actor_id, actor_username, created_at)
         select l.product_id, (1 + (x.n * 17) % 10) * l.u, l.rack_id, g.production, l.id, 'PRODUCTION_CONSUME',
                mo.batch_number, 'manufacturing_order', mo.id, u.ppic, 'bench_ppic', mo.completed_at - make_interval(mins => x.n % 600)
           from generate_series(0, $1 - 1) x(n)
           join g_lot l on l.n = (x.n::bigint * 4099) % $2
           join g_done mo on mo.k = x.n % (select count(*) from g_done)
          cross join g_loc g cross join g_user u`,
        [fill, size.materials * size.lotsPerMaterial],
      );
    });

    await step('partners, supplier items, sales and purchase orders', () => generateOrders(q, scale));
    await step('balances from the moves, reservations, thresholds, document counters', async () => {
      await q(`insert into stock_balances (product_id, location_id, lot_id, on_hand, reserved, updated_at)
               select f.product_id, f.location_id, f.lot_id, sum(f.q), 0, max(f.at)
                 from (select product_id, to_location_id as location_id, lot_id, quantity as q, created_at as at from stock_moves
                       union all
                       select product_id, from_location_id, lot_id, -quantity, created_at from stock_moves) f
                 join locations l on l.id = f.location_id and l.type in ('WAREHOUSE', 'LINE', 'TRANSIT')
                group by f.product_id, f.location_id, f.lot_id`);
      await q(`update stock_balances b set reserved = r.q
                 from (select product_id, location_id, lot_id, sum(open_quantity) as q from stock_reservations where status = 'OPEN'
                        group by product_id, location_id, lot_id) r
                where b.product_id = r.product_id and b.location_id = r.location_id and b.lot_id is not distinct from r.lot_id`);
      await q(
        `insert into stock_thresholds (product_id, min_qty, critical_qty) select id, 500 * u, 75 * u from g_mat where i % 3 = 0`,
      );
      await q(`insert into document_counters (scope, day, value)
               select 'KB', to_date(substr(number, 4, 8), 'YYYYMMDD'), max(substr(number, 13)::int) from kanban_cards group by 2
               on conflict (scope, day) do update set value = greatest(document_counters.value, excluded.value)`);
      await q(`insert into document_counters (scope, day, value)
               select 'MO', to_date(substr(batch_number, 4, 8), 'YYYYMMDD'), max(substr(batch_number, 13)::int) from manufacturing_orders group by 2
               on conflict (scope, day) do update set value = greatest(document_counters.value, excluded.value)`);
    });
    await q('commit');
  } catch (e) {
    await q('rollback').catch(() => undefined);
    throw e;
  }
  if (options.vacuum ?? true) {
    const t = Date.now();
    await q('vacuum analyze');
    log(`  vacuum analyze (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  }

  const counts = (
    await q(`select (select count(*) from products)::int as products, (select count(*) from boms)::int as boms,
                    (select count(*) from bom_lines)::int as bom_lines, (select count(*) from lots)::int as lots,
                    (select count(*) from manufacturing_orders)::int as mos, (select count(*) from work_orders)::int as work_orders,
                    (select count(*) from kanban_cards)::int as cards,
                    (select count(*) from kanban_cards where status in ('REQUESTED', 'APPROVED', 'IN_TRANSIT'))::int as open_cards,
                    (select count(*) from stock_moves)::int as moves, (select count(*) from stock_balances)::int as balances,
                    (select count(*) from stock_reservations where status = 'OPEN')::int as open_reservations`)
  ).rows[0];
  return { size, counts, heroBomIds, heroProductIds, seconds: (Date.now() - started) / 1000 };
}

/** One argon2 hash for every bench user, with the API's own parameters. */
async function defaultPasswordHash() {
  const { hashPassword } = await import(
    new URL('../../apps/api/dist/core/auth/passwords.js', import.meta.url).href
  );
  return hashPassword(BENCH_PASSWORD);
}
