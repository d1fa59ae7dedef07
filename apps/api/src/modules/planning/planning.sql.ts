import type {
  MrpExceptionReason,
  MrpExceptionType,
  MrpRunState,
  PlannedOrderType,
  Unit,
} from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import type { MrpGridBucket, MrpPeg, MrpResult } from './mrp/engine.types.js';
import type { MrpSnapshot } from './mrp/engine.types.js';

/** The planning module's own SQL (mrp_* tables), one typed row per query. */

/** Advisory-lock key of "an MRP run or release is writing" (any 64-bit constant unique in the app). */
export const MRP_LOCK_KEY = 7_320_001;

export interface RunRow {
  id: string;
  created_at: Date;
  updated_at: Date;
  started_at: Date;
  finished_at: Date | null;
  state: MrpRunState;
  error_code: string | null;
  error_message: string | null;
  today: string;
  horizon_weeks: number;
  weeks: string[];
  make_count: number;
  buy_count: number;
  exception_count: number;
  product_count: number;
  created_by_id: string | null;
  superseded_at: Date | null;
  latest: boolean;
}

const RUN_COLUMNS = `r.id, r.created_at, r.updated_at, r.started_at, r.finished_at, r.state, r.error_code, r.error_message,
  to_char(r.today, 'YYYY-MM-DD') as today, r.horizon_weeks, r.weeks, r.make_count, r.buy_count, r.exception_count,
  r.product_count, r.created_by_id, r.superseded_at,
  r.id = (select id from mrp_runs where state = 'FINISHED' order by finished_at desc limit 1) as latest`;

export async function findRun(manager: EntityManager, id: string): Promise<RunRow | undefined> {
  const [row] = (await manager.query(`select ${RUN_COLUMNS} from mrp_runs r where r.id = $1`, [
    id,
  ])) as RunRow[];
  return row;
}

export async function findLatestRun(manager: EntityManager): Promise<RunRow | undefined> {
  const [row] = (await manager.query(
    `select ${RUN_COLUMNS} from mrp_runs r where r.state = 'FINISHED' order by r.finished_at desc limit 1`,
  )) as RunRow[];
  return row;
}

const INTERRUPTED = `update mrp_runs set state = 'FAILED', error_code = 'INTERRUPTED', error_message = 'The API stopped during the run'
  where state = 'RUNNING'`;

/** Runs left RUNNING by an API that stopped; only call it while holding the run lock. */
export async function failInterruptedRuns(manager: EntityManager): Promise<void> {
  await manager.query(INTERRUPTED);
}

/**
 * The row of a run answered with 202, committed before it plans so that GET shows it RUNNING. Rows left
 * RUNNING by a process that died are failed first (the caller holds the run lock: none is running).
 */
export async function insertRunningRun(
  manager: EntityManager,
  run: { id: string; startedAt: Date; today: string; horizonWeeks: number; createdById: string | null },
): Promise<void> {
  await manager.query(
    `with lost as (${INTERRUPTED})
     insert into mrp_runs (id, state, started_at, today, horizon_weeks, weeks, make_count, buy_count, exception_count,
                           product_count, created_by_id)
     values ($1, 'RUNNING', $2, $3, $4, '[]', 0, 0, 0, 0, $5)`,
    [run.id, run.startedAt, run.today, run.horizonWeeks, run.createdById],
  );
}

export async function failRun(
  manager: EntityManager,
  id: string,
  code: string,
  message: string,
): Promise<void> {
  await manager.query(
    `update mrp_runs set state = 'FAILED', finished_at = clock_timestamp(), error_code = $2, error_message = $3,
            updated_at = now()
      where id = $1 and state = 'RUNNING'`,
    [id, code.slice(0, 64), message.slice(0, 2000)],
  );
}

export interface ExceptionRow {
  type: MrpExceptionType;
  product_id: string;
  product_code: string;
  product_name: string;
  week: string;
  /** Null on runs saved before reasons were kept. */
  reason: MrpExceptionReason | null;
  params: Record<string, string>;
  message: string;
}

export function runExceptions(manager: EntityManager, runId: string): Promise<ExceptionRow[]> {
  return manager.query(
    `select type, product_id, product_code, product_name, week, reason, params, message from mrp_exceptions
      where run_id = $1
      order by array_position(array['PAST_DUE','LATE','NO_BOM','NO_SUPPLIER','EXCESS']::mrp_exception_type[], type), week, product_code`,
    [runId],
  );
}

export interface PlannedOrderRow {
  id: string;
  run_id: string;
  key: string;
  type: PlannedOrderType;
  product_id: string;
  product_code: string;
  product_name: string;
  quantity: string;
  uom: Unit;
  purchase_quantity: string | null;
  purchase_uom: Unit | null;
  supplier_id: string | null;
  supplier_name: string | null;
  supplier_item_id: string | null;
  start_date: string;
  due_date: string;
  week: string;
  sales_order_line_id: string | null;
  destination: string | null;
  delivery_week: string | null;
  late: boolean;
  pegs: MrpPeg[];
  released_at: Date | null;
  released_document_id: string | null;
  released_document_number: string | null;
}

export const PLANNED_ORDER_COLUMNS = `o.id, o.run_id, o.key, o.type, o.product_id, o.product_code, o.product_name, o.quantity::text,
  o.uom, o.purchase_quantity::text, o.purchase_uom, o.supplier_id, o.supplier_name, o.supplier_item_id,
  to_char(o.start_date, 'YYYY-MM-DD') as start_date, to_char(o.due_date, 'YYYY-MM-DD') as due_date, o.week,
  o.sales_order_line_id, o.destination, o.delivery_week, o.late, o.pegs, o.released_at, o.released_document_id,
  o.released_document_number`;

export interface GridRow {
  product_id: string;
  product_code: string;
  product_name: string;
  uom: Unit;
  low_level_code: number;
  safety_stock: string;
  on_hand: string;
  buckets: MrpGridBucket[];
}

export async function findGridRow(
  manager: EntityManager,
  runId: string,
  productId: string,
): Promise<GridRow | undefined> {
  const [row] = (await manager.query(
    `select product_id, product_code, product_name, uom, low_level_code, safety_stock::text, on_hand::text, buckets
       from mrp_grid_rows where run_id = $1 and product_id = $2`,
    [runId, productId],
  )) as GridRow[];
  return row;
}

/**
 * Stores a run's result with a constant number of statements: the previous runs lose their details,
 * then one insert per table from a JSON array. The arrays are read as json, not jsonb: parsing a large
 * document into jsonb first cost about 4× (7.3 s against 1.6 s for the 105 MB grid at bench scale 10).
 */
export async function saveRun(
  manager: EntityManager,
  run: {
    /** The RUNNING row to finish; without it a new row is inserted. */
    id?: string;
    startedAt: Date;
    today: string;
    horizonWeeks: number;
    createdById: string | null;
    productCount: number;
  },
  snapshot: MrpSnapshot,
  result: MrpResult,
): Promise<string> {
  await manager.query(
    `update mrp_runs set superseded_at = now() where superseded_at is null and state = 'FINISHED'`,
  );
  await manager.query(
    `with o as (delete from mrp_planned_orders), e as (delete from mrp_exceptions) delete from mrp_grid_rows`,
  );
  const counts = [
    JSON.stringify(result.weeks),
    result.plannedOrders.filter((o) => o.type === 'MAKE').length,
    result.plannedOrders.filter((o) => o.type === 'BUY').length,
    result.exceptions.length,
    run.productCount,
  ];
  const [saved] = (await (run.id
    ? manager.query(
        // Through a CTE, so the driver answers rows (an UPDATE answers [rows, count]).
        `with finished as (
           update mrp_runs set state = 'FINISHED', finished_at = clock_timestamp(), updated_at = now(), weeks = $2,
                  make_count = $3, buy_count = $4, exception_count = $5, product_count = $6
            where id = $1 and state = 'RUNNING' returning id
         )
         select id from finished`,
        [run.id, ...counts],
      )
    : manager.query(
        `insert into mrp_runs (weeks, make_count, buy_count, exception_count, product_count, started_at, today,
                               horizon_weeks, created_by_id, finished_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, clock_timestamp()) returning id`,
        [...counts, run.startedAt, run.today, run.horizonWeeks, run.createdById],
      ))) as Array<{ id: string }>;
  if (!saved) throw new Error(`MRP run ${run.id} is no longer RUNNING`);
  const id = saved.id;

  const products = new Map(snapshot.products.map((p) => [p.id, p]));
  const suppliers = new Map(snapshot.supplierItems.map((s) => [s.supplierItemId, s.supplierName]));
  const named = (productId: string) => ({
    product_code: products.get(productId)?.code ?? '',
    product_name: products.get(productId)?.name ?? '',
  });

  if (result.plannedOrders.length > 0) {
    await manager.query(
      `insert into mrp_planned_orders (run_id, key, type, product_id, product_code, product_name, quantity, uom, purchase_quantity,
              purchase_uom, supplier_id, supplier_name, supplier_item_id, start_date, due_date, week, sales_order_line_id,
              destination, delivery_week, late, pegs)
       select $1, r.key, r.type, r.product_id, r.product_code, r.product_name, r.quantity, r.uom, r.purchase_quantity,
              r.purchase_uom, r.supplier_id, r.supplier_name, r.supplier_item_id, r.start_date, r.due_date, r.week,
              r.sales_order_line_id, r.destination, r.delivery_week, r.late, r.pegs
         from json_to_recordset($2::json) as r(key text, type planned_order_type, product_id uuid, product_code text,
              product_name text, quantity numeric, uom unit, purchase_quantity numeric, purchase_uom unit, supplier_id uuid,
              supplier_name text, supplier_item_id uuid, start_date date, due_date date, week text, sales_order_line_id uuid,
              destination text, delivery_week text, late boolean, pegs jsonb)`,
      [
        id,
        JSON.stringify(
          result.plannedOrders.map((o) => ({
            key: o.key,
            type: o.type,
            product_id: o.productId,
            ...named(o.productId),
            quantity: o.quantity,
            uom: o.uom,
            purchase_quantity: o.purchaseQuantity,
            purchase_uom: o.purchaseUom,
            supplier_id: o.supplierId,
            supplier_name: o.supplierItemId ? (suppliers.get(o.supplierItemId) ?? null) : null,
            supplier_item_id: o.supplierItemId,
            start_date: o.startDate,
            due_date: o.dueDate,
            week: o.week,
            sales_order_line_id: o.salesOrderLineId,
            destination: o.destination,
            delivery_week: o.deliveryWeek,
            late: o.late,
            pegs: o.pegs,
          })),
        ),
      ],
    );
  }
  if (result.exceptions.length > 0) {
    await manager.query(
      `insert into mrp_exceptions (run_id, type, product_id, product_code, product_name, week, reason, params, message)
       select $1, r.type, r.product_id, r.product_code, r.product_name, r.week, r.reason, r.params, r.message
         from json_to_recordset($2::json) as r(type mrp_exception_type, product_id uuid, product_code text, product_name text,
              week text, reason text, params jsonb, message text)`,
      [
        id,
        JSON.stringify(
          result.exceptions.map((e) => ({
            type: e.type,
            product_id: e.productId,
            ...named(e.productId),
            week: e.week,
            reason: e.reason,
            params: e.params,
            message: e.message.slice(0, 500),
          })),
        ),
      ],
    );
  }
  if (result.grid.length > 0) {
    await manager.query(
      `insert into mrp_grid_rows (run_id, product_id, product_code, product_name, uom, low_level_code, safety_stock, on_hand, buckets)
       select $1, r.product_id, r.product_code, r.product_name, r.uom, r.low_level_code, r.safety_stock, r.on_hand, r.buckets
         from json_to_recordset($2::json) as r(product_id uuid, product_code text, product_name text, uom unit,
              low_level_code integer, safety_stock numeric, on_hand numeric, buckets json)`,
      [
        id,
        JSON.stringify(
          result.grid.map((g) => ({
            product_id: g.productId,
            ...named(g.productId),
            uom: products.get(g.productId)?.uom,
            low_level_code: g.lowLevelCode,
            safety_stock: g.safetyStock,
            on_hand: g.onHand,
            buckets: g.buckets,
          })),
        ),
      ],
    );
  }
  return id;
}
