/**
 * The loop's part of the bench factory (planning.md): a customer and suppliers, one preferred supplier
 * item per material, confirmed sales-order lines over the next 12 weeks and open (approved) purchase-order
 * lines, so an MRP run on the bench factory nets real demand and supply. Called from `generateFactory`
 * inside its transaction, after the materials, articles (`g_mat`, `g_art`) and users exist.
 */

/**
 * How many of each thing `scale` means: 2,000 sales-order lines and 500 open PO lines at scale 1.
 * @param {number} scale
 */
export function ordersSize(scale) {
  const n = (x, min = 1) => Math.max(min, Math.round(x * scale));
  return {
    /** Suppliers come in groups of five, one per material kind. */
    supplierGroups: n(1),
    salesOrderLines: n(2_000, 20),
    linesPerSalesOrder: 20,
    openPurchaseOrderLines: n(500, 10),
    linesPerPurchaseOrder: 10,
  };
}

/**
 * @param {(text: string, params?: unknown[]) => Promise<unknown>} q runs a statement in the factory's transaction
 * @param {number} scale
 */
export async function generateOrders(q, scale) {
  const size = ordersSize(scale);
  await q(`create temp table g_today on commit drop as
           select (now() at time zone 'Asia/Jakarta')::date as today,
                  date_trunc('week', (now() at time zone 'Asia/Jakarta')::date)::date as monday`);
  await q(
    `insert into partners (code, name, type, transit_days) values ('BENCH-CUST', 'Bench customer', 'CUSTOMER', 21)`,
  );
  // Supplier s sells kind s % 5 (fabric, thread, filling, accessory, packaging) of group s / 5.
  await q(
    `create temp table g_sup on commit drop as
     select s, s % 5 as kind, s / 5 as grp, gen_random_uuid() as id from generate_series(0, 5 * $1 - 1) s`,
    [size.supplierGroups],
  );
  await q(`insert into partners (id, code, name, type, lead_time_days)
           select id, 'BENCH-SUP-' || lpad(s::text, 3, '0'), 'Bench supplier ' || s, 'SUPPLIER',
                  (array[21, 14, 10, 14, 7])[kind + 1]
             from g_sup`);
  // Material i (kind i % 5) is bought from the supplier of its kind in group (i / 5) % groups.
  await q(
    `create temp table g_src on commit drop as
     select m.i, m.kind, m.id as product_id, s.id as supplier_id, s.s,
            (m.i / 5) / $1 as rank_in_supplier,
            (array['YARD', 'CONE', 'PACK', 'PCS', 'CARTON'])[m.kind + 1]::unit as uom,
            (array[50, null, 1, 100, 1])[m.kind + 1]::numeric as pack_size,
            (array[100, 10, null, null, null])[m.kind + 1]::numeric as minimum_quantity
       from g_mat m join g_sup s on s.kind = m.kind and s.grp = (m.i / 5) % $1`,
    [size.supplierGroups],
  );
  await q(`insert into supplier_items (supplier_id, product_id, uom, pack_size, minimum_quantity, preferred)
           select supplier_id, product_id, uom, pack_size, minimum_quantity, true from g_src`);

  // Sales orders of 20 lines; line k: article by a stride, delivery week 1–12 ahead, every destination.
  const orders = Math.ceil(size.salesOrderLines / size.linesPerSalesOrder);
  await q(
    `create temp table g_so on commit drop as
     select o, gen_random_uuid() as id from generate_series(0, $1 - 1) o`,
    [orders],
  );
  await q(`insert into sales_orders (id, number, customer_id, customer_po, order_date, state, created_by_id,
                                     confirmed_by_id, confirmed_at, version)
           select g.id, 'SO-' || to_char(t.today, 'YYYYMMDD') || '-' || lpad((o + 1)::text, 4, '0'),
                  (select id from partners where code = 'BENCH-CUST'), 'BENCH-' || lpad(o::text, 6, '0'), t.today,
                  'CONFIRMED', u.ppic, u.manager, (select now from g_now), 2
             from g_so g cross join g_today t cross join g_user u`);
  await q(
    `insert into sales_order_lines (sales_order_id, line_no, product_id, quantity, delivery_week, destination, ex_factory_date)
     select g.id, k % $2 + 1, a.fg, 120 + 24 * (k % 20),
            to_char(t.monday + 7 * (1 + k % 12), 'IYYY-"W"IW'),
            (array['EU', 'AP', 'CA', 'GB', 'ME', 'NA', 'US'])[k % 7 + 1]::destination,
            t.monday + 7 * (1 + k % 12) - 21
       from generate_series(0, $1 - 1) k
       join g_so g on g.o = k / $2
       join g_art a on a.a = (k * 7) % (select count(*) from g_art)
      cross join g_today t`,
    [size.salesOrderLines, size.linesPerSalesOrder],
  );

  // Approved purchase orders of 10 lines, each to one supplier for materials it sells.
  const purchaseOrders = Math.ceil(size.openPurchaseOrderLines / size.linesPerPurchaseOrder);
  await q(
    `create temp table g_po on commit drop as
     select p, gen_random_uuid() as id, p % (select count(*) from g_sup) as s from generate_series(0, $1 - 1) p`,
    [purchaseOrders],
  );
  await q(`insert into purchase_orders (id, number, supplier_id, order_date, state, created_by_id, approved_by_id,
                                        approved_at, version)
           select g.id, 'PO-' || to_char(t.today, 'YYYYMMDD') || '-' || lpad((p + 1)::text, 4, '0'), s.id, t.today,
                  'APPROVED', u.ppic, u.manager, (select now from g_now), 2
             from g_po g join g_sup s on s.s = g.s cross join g_today t cross join g_user u`);
  await q(
    `insert into purchase_order_lines (purchase_order_id, line_no, product_id, quantity, uom, expected_date)
     select g.id, l + 1, src.product_id, (array[200, 20, 10, 1000, 20])[src.kind + 1], src.uom,
            t.today + 3 + 7 * ((g.p + l) % 12)
       from g_po g cross join generate_series(0, $1 - 1) l
       join lateral (select count(*) as n from g_src where s = g.s) c on true
       join g_src src on src.s = g.s and src.rank_in_supplier = ((g.p / (select count(*) from g_sup)) * $1 + l) % c.n
      cross join g_today t
      where g.p * $1 + l < $2`,
    [size.linesPerPurchaseOrder, size.openPurchaseOrderLines],
  );
  await q(
    `insert into document_counters (scope, day, value)
           select scope, (select today from g_today), n from (values ('SO', $1::int), ('PO', $2::int)) v(scope, n)
           on conflict (scope, day) do update set value = greatest(document_counters.value, excluded.value)`,
    [orders, purchaseOrders],
  );
}
