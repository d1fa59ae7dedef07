import type { PurchaseOrderState, Unit } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import { type ListSync, syncClauses } from '../../core/http/list-sync.js';

/**
 * The purchasing module's own queries: it names only `purchase_orders`, `purchase_order_lines`,
 * `goods_receipts` and `goods_receipt_lines`.
 */

export interface PurchaseOrderRow {
  id: string;
  number: string;
  supplier_id: string;
  order_date: string;
  notes: string | null;
  state: PurchaseOrderState;
  created_by_id: string | null;
  approved_by_id: string | null;
  approved_at: Date | null;
  cancelled_by_id: string | null;
  cancelled_at: Date | null;
  closed_by_id: string | null;
  closed_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface PurchaseOrderSummaryRow extends PurchaseOrderRow {
  line_count: number;
  first_expected: string | null;
  total_value: string | null;
}

export interface PurchaseOrderLineRow {
  id: string;
  purchase_order_id: string;
  line_no: number;
  product_id: string;
  quantity: string;
  uom: Unit;
  unit_price: string | null;
  expected_date: string;
  received_quantity: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const ORDER_COLUMNS = `o.id, o.number, o.supplier_id, o.order_date::text as order_date, o.notes, o.state,
  o.created_by_id, o.approved_by_id, o.approved_at, o.cancelled_by_id, o.cancelled_at, o.closed_by_id, o.closed_at,
  o.version, o.created_at, o.updated_at`;

const LINE_COLUMNS = `l.id, l.purchase_order_id, l.line_no, l.product_id, l.quantity, l.uom, l.unit_price,
  l.expected_date::text as expected_date, l.received_quantity`;

export interface PurchaseOrderFilter {
  supplierId?: string;
  state?: PurchaseOrderState;
  productId?: string;
  open?: boolean;
  search?: string;
  updatedSince?: string;
  sort?: string;
}

/** `updatedSince` and the fields a purchase order list may be sorted by. */
export const PURCHASE_ORDER_SYNC: ListSync = {
  updatedAt: 'o.updated_at',
  sort: {
    number: 'o.number',
    orderDate: 'o.order_date',
    state: 'o.state',
    createdAt: 'o.created_at',
    updatedAt: 'o.updated_at',
  },
  defaultOrder: 'o.created_at desc, o.number desc',
  tiebreak: 'o.id',
};

/** The list's query: its filters and order, without paging (the export streams it whole). */
export function purchaseOrderListSql(
  f: PurchaseOrderFilter,
  counted: boolean,
): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.supplierId) where.push(`o.supplier_id = $${params.push(f.supplierId)}`);
  if (f.state) where.push(`o.state = $${params.push(f.state)}`);
  if (f.open) where.push(`o.state in ('APPROVED', 'PARTIALLY_RECEIVED')`);
  if (f.productId)
    where.push(
      `exists (select 1 from purchase_order_lines p where p.purchase_order_id = o.id and p.product_id = $${params.push(f.productId)})`,
    );
  if (f.search) where.push(`o.number ilike $${params.push(`%${escapeLike(f.search)}%`)}`);
  const order = syncClauses(f, PURCHASE_ORDER_SYNC, where, params);
  const sql = `select ${ORDER_COLUMNS}, s.line_count, s.first_expected, s.total_value
            ${counted ? ', count(*) over() as total' : ''}
       from purchase_orders o
       cross join lateral (
         select count(*)::int as line_count, min(l.expected_date)::text as first_expected,
                sum(l.quantity * l.unit_price) as total_value
           from purchase_order_lines l where l.purchase_order_id = o.id) s
      ${where.length ? `where ${where.join(' and ')}` : ''}
      ${order}`;
  return { sql, params };
}

export async function listPurchaseOrders(
  m: EntityManager,
  f: PurchaseOrderFilter,
  skip: number,
  limit: number,
): Promise<{ rows: PurchaseOrderSummaryRow[]; total: number }> {
  const { sql, params } = purchaseOrderListSql(f, true);
  const rows: Array<PurchaseOrderSummaryRow & { total: string }> = await m.query(
    `${sql} limit $${params.push(limit)} offset $${params.push(skip)}`,
    params,
  );
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

export async function purchaseOrderById(
  m: EntityManager,
  id: string,
  lock = false,
): Promise<PurchaseOrderRow | undefined> {
  const [row]: PurchaseOrderRow[] = await m.query(
    `select ${ORDER_COLUMNS} from purchase_orders o where o.id = $1 ${lock ? 'for update' : ''}`,
    [id],
  );
  return row;
}

export async function linesOfPurchaseOrder(
  m: EntityManager,
  orderId: string,
): Promise<PurchaseOrderLineRow[]> {
  return m.query(
    `select ${LINE_COLUMNS} from purchase_order_lines l where l.purchase_order_id = $1 order by l.line_no`,
    [orderId],
  );
}

export interface PurchaseOrderValues {
  supplierId: string;
  orderDate: string;
  notes: string | null;
}

export interface PurchaseOrderLineValues {
  productId: string;
  quantity: number | string;
  uom: Unit;
  unitPrice: number | string | null;
  expectedDate: string;
}

export async function insertPurchaseOrder(
  m: EntityManager,
  number: string,
  v: PurchaseOrderValues,
  createdById: string | null,
): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await m.query(
    `insert into purchase_orders (number, supplier_id, order_date, notes, state, created_by_id)
     values ($1, $2, $3, $4, 'DRAFT', $5) returning id`,
    [number, v.supplierId, v.orderDate, v.notes, createdById],
  );
  return id;
}

export async function updatePurchaseOrderHeader(
  m: EntityManager,
  id: string,
  v: PurchaseOrderValues,
): Promise<void> {
  await m.query(
    `update purchase_orders set supplier_id = $2, order_date = $3, notes = $4, version = version + 1, updated_at = now()
      where id = $1`,
    [id, v.supplierId, v.orderDate, v.notes],
  );
}

/** Replaces a draft's lines (numbered 1…n in the order given). */
export async function replacePurchaseOrderLines(
  m: EntityManager,
  orderId: string,
  lines: readonly PurchaseOrderLineValues[],
): Promise<void> {
  await m.query('delete from purchase_order_lines where purchase_order_id = $1', [orderId]);
  await m.query(
    `insert into purchase_order_lines (purchase_order_id, line_no, product_id, quantity, uom, unit_price, expected_date)
     select $1, l.ord, l.product_id, l.quantity, l.uom::unit, l.unit_price, l.expected_date
       from unnest($2::uuid[], $3::numeric[], $4::text[], $5::numeric[], $6::date[])
            with ordinality as l(product_id, quantity, uom, unit_price, expected_date, ord)`,
    [
      orderId,
      lines.map((l) => l.productId),
      lines.map((l) => String(l.quantity)),
      lines.map((l) => l.uom),
      lines.map((l) => (l.unitPrice === null ? null : String(l.unitPrice))),
      lines.map((l) => l.expectedDate),
    ],
  );
}

export async function savePurchaseOrderState(
  m: EntityManager,
  id: string,
  state: PurchaseOrderState,
  changes: Readonly<Record<string, unknown>>,
): Promise<void> {
  const allowed = new Set([
    'approved_by_id',
    'approved_at',
    'cancelled_by_id',
    'cancelled_at',
    'closed_by_id',
    'closed_at',
  ]);
  const params: unknown[] = [id, state];
  const sets = Object.entries(changes)
    .filter(([column]) => allowed.has(column))
    .map(([column, value]) => `${column} = $${params.push(value)}`);
  await m.query(
    `update purchase_orders set state = $2${sets.map((s) => `, ${s}`).join('')}, version = version + 1, updated_at = now()
      where id = $1`,
    params,
  );
}

/** Adds what a receipt brought to each line (in the line's unit); answers the lines after. */
export async function addReceivedQuantities(
  m: EntityManager,
  orderId: string,
  byLine: ReadonlyMap<string, string>,
): Promise<PurchaseOrderLineRow[]> {
  await m.query(
    `update purchase_order_lines l set received_quantity = l.received_quantity + r.quantity, updated_at = now()
       from unnest($2::uuid[], $3::numeric[]) as r(id, quantity)
      where l.id = r.id and l.purchase_order_id = $1`,
    [orderId, [...byLine.keys()], [...byLine.values()]],
  );
  return linesOfPurchaseOrder(m, orderId);
}

export interface GoodsReceiptRow {
  id: string;
  number: string;
  purchase_order_id: string;
  received_by_id: string | null;
  notes: string | null;
  created_at: Date;
}

export interface GoodsReceiptLineRow {
  id: string;
  goods_receipt_id: string;
  purchase_order_line_id: string;
  quantity: string;
  uom: Unit;
  line_quantity: string;
  stock_quantity: string;
  lot_id: string;
  location_id: string;
  stock_move_id: string;
}

export async function insertGoodsReceipt(
  m: EntityManager,
  number: string,
  orderId: string,
  receivedById: string,
  notes: string | null,
): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await m.query(
    `insert into goods_receipts (number, purchase_order_id, received_by_id, notes) values ($1, $2, $3, $4) returning id`,
    [number, orderId, receivedById, notes],
  );
  return id;
}

export interface GoodsReceiptLineValues {
  purchaseOrderLineId: string;
  quantity: string;
  uom: Unit;
  lineQuantity: string;
  stockQuantity: string;
  lotId: string;
  locationId: string;
  stockMoveId: string;
}

export async function insertGoodsReceiptLines(
  m: EntityManager,
  receiptId: string,
  lines: readonly GoodsReceiptLineValues[],
): Promise<void> {
  await m.query(
    `insert into goods_receipt_lines (goods_receipt_id, position, purchase_order_line_id, quantity, uom, line_quantity, stock_quantity, lot_id, location_id, stock_move_id)
     select $1, r.ord, r.po_line, r.quantity, r.uom::unit, r.line_quantity, r.stock_quantity, r.lot_id, r.location_id, r.move_id
       from unnest($2::uuid[], $3::numeric[], $4::text[], $5::numeric[], $6::numeric[], $7::uuid[], $8::uuid[], $9::uuid[])
            with ordinality as r(po_line, quantity, uom, line_quantity, stock_quantity, lot_id, location_id, move_id, ord)
      order by r.ord`,
    [
      receiptId,
      lines.map((l) => l.purchaseOrderLineId),
      lines.map((l) => l.quantity),
      lines.map((l) => l.uom),
      lines.map((l) => l.lineQuantity),
      lines.map((l) => l.stockQuantity),
      lines.map((l) => l.lotId),
      lines.map((l) => l.locationId),
      lines.map((l) => l.stockMoveId),
    ],
  );
}

export async function receiptsOfOrder(
  m: EntityManager,
  orderId: string,
): Promise<{ receipts: GoodsReceiptRow[]; lines: GoodsReceiptLineRow[] }> {
  const receipts: GoodsReceiptRow[] = await m.query(
    `select id, number, purchase_order_id, received_by_id, notes, created_at from goods_receipts
      where purchase_order_id = $1 order by created_at, number`,
    [orderId],
  );
  const lines: GoodsReceiptLineRow[] = receipts.length
    ? await m.query(
        `select id, goods_receipt_id, purchase_order_line_id, quantity, uom, line_quantity, stock_quantity, lot_id,
                location_id, stock_move_id
           from goods_receipt_lines where goods_receipt_id = any($1::uuid[]) order by goods_receipt_id, position`,
        [receipts.map((r) => r.id)],
      )
    : [];
  return { receipts, lines };
}

export interface ReceivableLineRow extends PurchaseOrderLineRow {
  po_number: string;
  po_state: PurchaseOrderState;
  supplier_id: string;
  total: string;
}

/** Open lines of APPROVED / PARTIALLY_RECEIVED orders, for the receive screen. */
export async function receivableLines(
  m: EntityManager,
  f: {
    productId?: string;
    search?: string;
    searchProductIds?: readonly string[];
    searchSupplierIds?: readonly string[];
  },
  skip: number,
  limit: number,
): Promise<{ rows: ReceivableLineRow[]; total: number }> {
  const where = [`o.state in ('APPROVED', 'PARTIALLY_RECEIVED')`, 'l.received_quantity < l.quantity'];
  const params: unknown[] = [];
  if (f.productId) where.push(`l.product_id = $${params.push(f.productId)}`);
  const or: string[] = [];
  if (f.search) {
    const s = f.search.trim();
    or.push(`o.number ilike $${params.push(`%${escapeLike(s)}%`)}`);
    or.push(`(o.number || '-' || l.line_no) = $${params.push(s)}`);
  }
  if (f.searchProductIds?.length)
    or.push(`l.product_id = any($${params.push([...f.searchProductIds])}::uuid[])`);
  if (f.searchSupplierIds?.length)
    or.push(`o.supplier_id = any($${params.push([...f.searchSupplierIds])}::uuid[])`);
  if (or.length) where.push(`(${or.join(' or ')})`);
  const rows: ReceivableLineRow[] = await m.query(
    `select ${LINE_COLUMNS}, o.number as po_number, o.state as po_state, o.supplier_id, count(*) over() as total
       from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
      where ${where.join(' and ')}
      order by l.expected_date, o.number, l.line_no
      limit $${params.push(limit)} offset $${params.push(skip)}`,
    params,
  );
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

export interface OpenSupplyRow {
  po_line_id: string;
  purchase_order_id: string;
  po_number: string;
  supplier_id: string;
  product_id: string;
  open_quantity: string;
  uom: Unit;
  expected_date: string;
}

/** Open quantity of every APPROVED / PARTIALLY_RECEIVED line, in one query (scheduled receipts). */
export async function openSupplyLines(m: EntityManager): Promise<OpenSupplyRow[]> {
  return m.query(
    `select l.id as po_line_id, o.id as purchase_order_id, o.number as po_number, o.supplier_id, l.product_id,
            (l.quantity - l.received_quantity) as open_quantity, l.uom, l.expected_date::text as expected_date
       from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
      where o.state in ('APPROVED', 'PARTIALLY_RECEIVED') and l.received_quantity < l.quantity
      order by l.expected_date, o.number, l.line_no`,
  );
}
