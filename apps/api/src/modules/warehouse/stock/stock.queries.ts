import { Injectable } from '@nestjs/common';
import type { AlertLevel, LotQualityStatus, MoveType, ProductType, Unit } from '@kapok/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../../../core/errors/app-error.js';
import { escapeLike } from '../../../core/database/like.js';
import { EventCache } from '../../../core/cache/event-cache.js';
import { EventsHub } from '../../../core/events/events.hub.js';
import { type CsvColumn, type CsvExport, fieldColumns } from '../../../core/http/csv.js';
import { type ListSync, syncClauses } from '../../../core/http/list-sync.js';
import type {
  BalancePage,
  BalanceResponse,
  MovePage,
  MoveResponse,
  MovesQuery,
  ProductStockResponse,
  StockQuery,
  StockSummaryPage,
  StockSummaryQuery,
} from '../dto/stock.dto.js';

const INTERNAL = `('WAREHOUSE', 'LINE', 'TRANSIT', 'SUBCONTRACTOR')`;

/** The events after which a product's stock answer may differ. */
export const PRODUCT_STOCK_DROP_ON = /^(stock\.changed|product\.|location\.|lot\.|quality\.lot\.)/;

const BALANCE_SELECT = `
  select b.product_id, p.code as product_code, p.uom, b.location_id, loc.code as location_code, loc.name as location_name,
         b.lot_id, lot.lot_number, lot.received_at, lot.quality_status, b.on_hand, b.reserved, b.updated_at
    from stock_balances b
    join products p on p.id = b.product_id
    join locations loc on loc.id = b.location_id
    left join lots lot on lot.id = b.lot_id`;

/**
 * A product and its balances at internal locations in one round trip: the product row always comes back
 * (with null balance columns when it holds nothing), none when the product does not exist.
 */
const PRODUCT_STOCK = `
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

const MOVE_SELECT = `
  select m.*, p.code as product_code, p.uom, f.code as from_code, t.code as to_code, lot.lot_number
    from stock_moves m
    join products p on p.id = m.product_id
    join locations f on f.id = m.from_location_id
    join locations t on t.id = m.to_location_id
    left join lots lot on lot.id = m.lot_id`;

/** A balance row with its product, location and lot. */
interface BalanceRow {
  product_id: string;
  product_code: string;
  uom: Unit;
  location_id: string;
  location_code: string;
  location_name: string;
  lot_id: string | null;
  lot_number: string | null;
  received_at: Date | null;
  quality_status: LotQualityStatus | null;
  on_hand: string;
  reserved: string;
  updated_at: Date;
}

/** A product with one of its balances, or with nulls when it holds no stock. */
type ProductStockRow = { product_name: string; product_code: string; uom: Unit } & {
  [K in Exclude<keyof BalanceRow, 'product_code' | 'uom'>]: BalanceRow[K] | null;
};

/** A ledger row with its product, locations and lot. */
interface MoveRow {
  id: string;
  product_id: string;
  product_code: string;
  uom: Unit;
  quantity: string;
  from_location_id: string;
  from_code: string;
  to_location_id: string;
  to_code: string;
  lot_id: string | null;
  lot_number: string | null;
  type: MoveType;
  reference: string | null;
  document_type: string | null;
  document_id: string | null;
  entered_quantity: string | null;
  entered_uom: Unit | null;
  note: string | null;
  actor_id: string | null;
  actor_username: string | null;
  created_at: Date;
}

/** The read side of the warehouse: balances, product stock, the overview and the ledger. */
@Injectable()
export class StockQueries {
  /**
   * A product's stock as last read, until an event says what it shows may have changed: a posting
   * (`stock.changed`: moves, reservations), a product, location or lot changed, a lot's quality status
   * (`quality.lot.*`). Dropped at once by this instance's commits, by NOTIFY for the others; a posting or
   * a product change drops only the products it names.
   */
  private readonly productStocks: EventCache<ProductStockResponse>;

  constructor(
    private readonly dataSource: DataSource,
    hub: EventsHub,
  ) {
    this.productStocks = new EventCache(
      hub,
      PRODUCT_STOCK_DROP_ON,
      60_000,
      5_000,
      /^(stock\.changed|product\.)/,
    );
  }

  async balances(q: StockQuery): Promise<BalancePage> {
    const where = ['b.on_hand > 0 or b.reserved > 0'];
    const params: unknown[] = [];
    if (q.productId) where.push(`b.product_id = $${params.push(q.productId)}`);
    if (q.locationId) where.push(`b.location_id = $${params.push(q.locationId)}`);
    if (q.lotId) where.push(`b.lot_id = $${params.push(q.lotId)}`);
    const filter = `where ${where.map((w) => `(${w})`).join(' and ')}`;
    const [rows, count]: [BalanceRow[], Array<{ n: number }>] = await Promise.all([
      this.dataSource.query(
        `${BALANCE_SELECT} ${filter} order by p.code, loc.code, lot.received_at nulls last limit $${params.length + 1} offset $${params.length + 2}`,
        [...params, q.limit, q.skip],
      ),
      this.dataSource.query(`select count(*)::int as n from stock_balances b ${filter}`, params),
    ]);
    return { items: rows.map(balanceRow), total: count[0].n, skip: q.skip, limit: q.limit };
  }

  productStock(productId: string): Promise<ProductStockResponse> {
    return this.productStocks.get(productId, () => this.readProductStock(productId));
  }

  private async readProductStock(productId: string): Promise<ProductStockResponse> {
    const rows: Array<ProductStockRow> = await this.dataSource.query(PRODUCT_STOCK, [productId]);
    if (rows.length === 0) throw notFound('product', productId);
    const product = rows[0];
    const balances: BalanceResponse[] = rows
      .filter((r): r is ProductStockRow & BalanceRow => r.product_id !== null)
      .map(balanceRow);
    const sum = (f: (b: BalanceResponse) => number) =>
      round(balances.reduce((s: number, b: BalanceResponse) => s + f(b), 0));
    return {
      productId,
      code: product.product_code,
      name: product.product_name,
      uom: product.uom,
      onHand: sum((b) => b.onHand),
      reserved: sum((b) => b.reserved),
      available: sum((b) => b.available),
      onHold: sum((b) => (b.qualityStatus && b.qualityStatus !== 'RELEASED' ? b.onHand : 0)),
      balances,
    };
  }

  async summary(q: StockSummaryQuery): Promise<StockSummaryPage> {
    const where = ['p.active'];
    const params: unknown[] = [];
    if (q.type) where.push(`p.type = $${params.push(q.type)}`);
    if (q.search)
      where.push(
        `(p.code ilike $${params.push(`%${escapeLike(q.search)}%`)} or p.name ilike $${params.length})`,
      );
    if (q.alertLevel) where.push(`a.level = $${params.push(q.alertLevel)}`);
    const rows: Array<{
      id: string;
      code: string;
      name: string;
      type: ProductType;
      uom: Unit;
      on_hand: string;
      reserved: string;
      level: AlertLevel | null;
      total: number;
    }> = await this.dataSource.query(
      `select p.id, p.code, p.name, p.type, p.uom,
              coalesce(s.on_hand, 0) as on_hand, coalesce(s.reserved, 0) as reserved, a.level,
              count(*) over()::int as total
         from products p
         left join lateral (
           select sum(b.on_hand) as on_hand, sum(b.reserved) as reserved
             from stock_balances b join locations l on l.id = b.location_id
            where b.product_id = p.id and l.type in ${INTERNAL}
         ) s on true
         left join lateral (
           select level from stock_alerts
            where product_id = p.id and status <> 'RESOLVED'
            order by case level when 'OUT' then 3 when 'CRITICAL' then 2 when 'LOW' then 1 else 0 end desc
            limit 1
         ) a on true
        where ${where.join(' and ')}
        order by p.code
        limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, q.limit, q.skip],
    );
    return {
      items: rows.map((r) => ({
        productId: r.id,
        code: r.code,
        name: r.name,
        type: r.type,
        uom: r.uom,
        onHand: Number(r.on_hand),
        reserved: Number(r.reserved),
        available: round(Number(r.on_hand) - Number(r.reserved)),
        alertLevel: r.level,
      })),
      total: rows[0]?.total ?? 0,
      skip: q.skip,
      limit: q.limit,
    };
  }

  async moves(q: MovesQuery): Promise<MovePage> {
    const { filter, params, order } = movesFilter(q);
    const [rows, count]: [MoveRow[], Array<{ n: number }>] = await Promise.all([
      this.dataSource.query(
        `${MOVE_SELECT} ${filter} ${order} limit $${params.length + 1} offset $${params.length + 2}`,
        [...params, q.limit, q.skip],
      ),
      this.dataSource.query(`select count(*)::int as n from stock_moves m ${filter}`, params),
    ]);
    return { items: rows.map(moveRow), total: count[0].n, skip: q.skip, limit: q.limit };
  }

  /** The ledger as CSV: every move of the filter, streamed. */
  movesCsv(q: MovesQuery): CsvExport<MoveRow, MoveResponse> {
    const { filter, params, order } = movesFilter(q);
    return {
      sql: `${MOVE_SELECT} ${filter} ${order}`,
      params,
      map: (rows) => rows.map(moveRow),
      columns: MOVE_CSV_COLUMNS,
      filename: 'stock-moves.csv',
    };
  }

  async movesByIds(m: EntityManager, ids: string[]): Promise<MoveResponse[]> {
    if (ids.length === 0) return [];
    const rows: MoveRow[] = await m.query(
      `${MOVE_SELECT} where m.id = any($1::uuid[]) order by array_position($1::uuid[], m.id)`,
      [ids],
    );
    return rows.map(moveRow);
  }
}

/** Moves are never changed: `updatedSince` is their creation. */
export const MOVE_SYNC: ListSync = {
  updatedAt: 'm.created_at',
  sort: {
    createdAt: 'm.created_at',
    updatedAt: 'm.created_at',
    type: 'm.type',
    reference: 'm.reference',
    productCode: 'p.code',
  },
  defaultOrder: 'm.created_at desc, m.id desc',
  tiebreak: 'm.id',
};

function movesFilter(q: MovesQuery): { filter: string; params: unknown[]; order: string } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.productId) where.push(`m.product_id = $${params.push(q.productId)}`);
  if (q.locationId)
    where.push(
      `(m.from_location_id = $${params.push(q.locationId)} or m.to_location_id = $${params.length})`,
    );
  if (q.type) where.push(`m.type = $${params.push(q.type)}`);
  if (q.reference) where.push(`m.reference = $${params.push(q.reference)}`);
  if (q.lotId) where.push(`m.lot_id = $${params.push(q.lotId)}`);
  if (q.from) where.push(`m.created_at >= $${params.push(q.from)}`);
  if (q.to) where.push(`m.created_at < $${params.push(q.to)}`);
  const order = syncClauses(q, MOVE_SYNC, where, params);
  return { filter: where.length ? `where ${where.join(' and ')}` : '', params, order };
}

const MOVE_CSV_COLUMNS: ReadonlyArray<CsvColumn<MoveResponse>> = [
  ...fieldColumns<MoveResponse>(
    'id',
    'createdAt',
    'type',
    'productCode',
    'quantity',
    'uom',
    'fromLocationCode',
    'toLocationCode',
    'lotNumber',
    'reference',
    'documentType',
    'documentId',
    'enteredQuantity',
    'enteredUom',
    'note',
  ),
  { header: 'actor', value: (m) => m.actor?.username },
];

const round = (n: number) => Math.round(n * 10_000) / 10_000;

function balanceRow(r: BalanceRow): BalanceResponse {
  const onHand = Number(r.on_hand);
  const reserved = Number(r.reserved);
  // Stock of a lot QC has not released is on hand but not available to anyone.
  const held = r.quality_status != null && r.quality_status !== 'RELEASED';
  return {
    productId: r.product_id,
    productCode: r.product_code,
    locationId: r.location_id,
    locationCode: r.location_code,
    locationName: r.location_name,
    lotId: r.lot_id,
    lotNumber: r.lot_number ?? null,
    lotReceivedAt: r.received_at ? r.received_at.toISOString() : null,
    qualityStatus: r.quality_status ?? null,
    onHand,
    reserved,
    available: held ? 0 : round(onHand - reserved),
    uom: r.uom,
    updatedAt: r.updated_at.toISOString(),
  };
}

function moveRow(r: MoveRow): MoveResponse {
  const at = new Date(r.created_at).toISOString();
  return {
    id: r.id,
    productId: r.product_id,
    productCode: r.product_code,
    quantity: Number(r.quantity),
    uom: r.uom,
    fromLocationId: r.from_location_id,
    fromLocationCode: r.from_code,
    toLocationId: r.to_location_id,
    toLocationCode: r.to_code,
    lotId: r.lot_id,
    lotNumber: r.lot_number ?? null,
    type: r.type,
    reference: r.reference,
    documentType: r.document_type,
    documentId: r.document_id,
    enteredQuantity: r.entered_quantity === null ? null : Number(r.entered_quantity),
    enteredUom: r.entered_uom,
    note: r.note,
    actor: r.actor_id && r.actor_username ? { id: r.actor_id, username: r.actor_username } : null,
    createdAt: at,
    updatedAt: at,
  };
}
