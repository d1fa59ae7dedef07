import { Injectable } from '@nestjs/common';
import type { LocationType, LotQualityStatus } from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../../../core/context/request-context.js';
import { outboxOf } from '../../../core/database/outbox.js';
import { EventPublisher } from '../../../core/events/event-publisher.js';
import { AlertsEvaluator, type ThresholdRow } from '../alerts/alerts.evaluator.js';
import { lockThresholds, readThresholds } from '../alerts/thresholds.sql.js';
import { isInternal } from '../entities/location.entity.js';
import {
  insufficientStock,
  invalidMove,
  lotNotReleased,
  type Shortage,
  unknownLocation,
} from '../warehouse.errors.js';
import { Locations } from '../locations/location-directory.js';
import { type FreeStock, type HeldStock, planAllocation } from './allocation.js';
import { PostingHooks } from './posting-hooks.js';
import type {
  DocumentRef,
  MoveOp,
  PostedMove,
  PostingOp,
  PostingOptions,
  PostingResult,
  ReleaseOp,
  ReserveOp,
} from './posting.types.js';

const ZERO = new Decimal(0);
const SCALE = 4;

interface Balance {
  id: string | null;
  productId: string;
  locationId: string;
  lotId: string | null;
  lotReceivedAt: Date | null;
  lotNumber: string | null;
  /** The lot's quality status (null: no lot, or a balance this posting creates). */
  lotStatus: LotQualityStatus | null;
  onHand: Decimal;
  reserved: Decimal;
  dOnHand: Decimal;
  dReserved: Decimal;
}

const unreleased = (b: Balance) => b.lotStatus !== null && b.lotStatus !== 'RELEASED';

interface Reservation {
  id: string | null;
  productId: string;
  locationId: string;
  lotId: string | null;
  documentType: string;
  documentId: string;
  quantity: Decimal;
  open: Decimal;
  changed: boolean;
}

interface MoveRow {
  productId: string;
  quantity: Decimal;
  fromLocationId: string;
  toLocationId: string;
  lotId: string | null;
  type: MoveOp['type'];
  enteredQuantity: string | null;
  enteredUom: string | null;
  note: string | null;
}

const key = (productId: string, locationId: string, lotId: string | null) =>
  `${productId}|${locationId}|${lotId ?? ''}`;
const pairKey = (productId: string, locationId: string) => `${productId}|${locationId}`;
const docKey = (d: DocumentRef) => `${d.type}|${d.id}`;
const fixed = (d: Decimal) => d.toFixed(SCALE);

/** Stock keeps numeric(18,4): a quantity that does not fit exactly is refused, never rounded. */
function quantityOf(q: string | number, what: string): Decimal {
  let d: Decimal;
  try {
    d = new Decimal(q);
  } catch {
    throw invalidMove(`${what} is not a number`);
  }
  if (!d.isFinite() || d.lte(0)) throw invalidMove(`${what} must be greater than zero`);
  if (d.decimalPlaces() > SCALE)
    throw invalidMove(`${what} ${d.toString()} has more than ${SCALE} decimals in the stock unit`);
  if (d.gte('1e14'))
    throw invalidMove(`${what} ${d.toFixed()} is more than stock can hold (in the stock unit)`);
  return d;
}

/**
 * The one way stock changes in Kapok. Callers pass their transaction and a list of operations; the
 * postings are applied all or nothing: balance rows are locked in one fixed order (product, location,
 * lot) before they are read, shortages answer 409 INSUFFICIENT_STOCK naming everything missing, moves
 * are appended, balances and reservations updated, alerts evaluated and `stock.changed` published, all
 * in the caller's transaction.
 */
@Injectable()
export class PostingService {
  constructor(
    private readonly alerts: AlertsEvaluator,
    private readonly events: EventPublisher,
    private readonly hooks: PostingHooks,
    private readonly locations: Locations,
  ) {}

  async post(manager: EntityManager, ops: PostingOp[], options: PostingOptions = {}): Promise<PostingResult> {
    if (ops.length === 0) return { moves: [], reserved: [], released: [] };
    const run = new PostingRun(manager, options, this.locations);
    await run.prepare(ops);
    for (const op of ops) {
      if (op.kind === 'move') run.move(op);
      else if (op.kind === 'reserve') run.reserve(op);
      else run.release(op);
    }
    await run.failOnShortages();
    const result = await run.persist();
    const productIds = [...run.touchedProducts];
    // Read with their stock by the persisting statement, under the lock `prepare` took.
    if (run.thresholds) await this.alerts.apply(manager, run.thresholds);
    await this.hooks.run(manager, { productIds, locationIds: [...run.touchedLocations] });
    await this.events.publish(manager, 'stock.changed', productIds);
    return result;
  }
}

/** The state of one posting call: what is locked, what changes, what is missing. */
class PostingRun {
  private readonly locationTypes = new Map<string, LocationType>();
  private readonly balances = new Map<string, Balance>();
  private readonly byPair = new Map<string, Balance[]>();
  private readonly reservations = new Map<string, Reservation[]>();
  private readonly moves: MoveRow[] = [];
  private readonly shortages: Shortage[] = [];
  private readonly result: PostingResult = { moves: [], reserved: [], released: [] };
  readonly touchedProducts = new Set<string>();
  readonly touchedLocations = new Set<string>();
  /** Whether `prepare` locked thresholds of the products involved (true when it could not tell). */
  private thresholdsLocked = false;
  /** The thresholds of the touched products with their stock after this posting, once persisted. */
  thresholds: ThresholdRow[] | undefined;

  constructor(
    private readonly manager: EntityManager,
    private readonly options: PostingOptions,
    private readonly locations: Locations,
  ) {}

  /** Loads location types, locks the open reservations involved, then every source balance, in key order. */
  async prepare(ops: PostingOp[]): Promise<void> {
    const locationIds = new Set<string>();
    for (const op of ops) {
      if (op.kind === 'move')
        [op.fromLocationId, op.toLocationId, ...(op.fromAny ?? [])].forEach((id) => locationIds.add(id));
      if (op.kind === 'reserve') op.locationIds.forEach((id) => locationIds.add(id));
    }
    for (const [id, type] of await this.locations.types(locationIds, this.manager))
      this.locationTypes.set(id, type);

    const documents = new Map<string, DocumentRef>();
    for (const op of ops) {
      if (op.kind === 'release') documents.set(docKey(op.document), op.document);
      if (op.kind === 'move') for (const d of docsOf(op)) documents.set(docKey(d), d);
    }
    const pairs = new Map<string, [string, string]>();
    if (documents.size) {
      const docs = [...documents.values()];
      const rows: Array<{
        id: string;
        product_id: string;
        location_id: string;
        lot_id: string | null;
        document_type: string;
        document_id: string;
        quantity: string;
        open_quantity: string;
      }> = await this.manager.query(
        `select r.id, r.product_id, r.location_id, r.lot_id, r.document_type, r.document_id, r.quantity, r.open_quantity
           from stock_reservations r
           join unnest($1::text[], $2::uuid[]) d(type, id) on r.document_type = d.type and r.document_id = d.id
          where r.status = 'OPEN'
          order by r.id
          for update of r`,
        [docs.map((d) => d.type), docs.map((d) => d.id)],
      );
      for (const r of rows) {
        const list = this.reservations.get(`${r.document_type}|${r.document_id}`) ?? [];
        list.push({
          id: r.id,
          productId: r.product_id,
          locationId: r.location_id,
          lotId: r.lot_id,
          documentType: r.document_type,
          documentId: r.document_id,
          quantity: new Decimal(r.quantity),
          open: new Decimal(r.open_quantity),
          changed: false,
        });
        this.reservations.set(`${r.document_type}|${r.document_id}`, list);
        pairs.set(pairKey(r.product_id, r.location_id), [r.product_id, r.location_id]);
      }
    }

    for (const op of ops) {
      if (op.kind === 'move' && isInternal(this.type(op.fromLocationId))) {
        for (const l of sourcesOf(op)) pairs.set(pairKey(op.productId, l), [op.productId, l]);
      }
      if (op.kind === 'reserve')
        for (const l of op.locationIds) pairs.set(pairKey(op.productId, l), [op.productId, l]);
    }
    for (const [, [productId, locationId]] of pairs) this.byPair.set(pairKey(productId, locationId), []);
    // Thresholds of every product involved are locked before any balance, in the balances' statement
    // (or alone): alerts are evaluated by one posting of a product at a time, and the stock read after
    // the lock sees what the postings that held it committed.
    const products = new Set<string>();
    for (const op of ops) if (op.productId) products.add(op.productId);
    for (const list of this.reservations.values()) for (const r of list) products.add(r.productId);
    for (const list of this.reservations.values()) for (const r of list) locationIds.add(r.locationId);
    const thresholdKeys = [[...products], [...locationIds]];
    if (pairs.size === 0) {
      const locked: unknown[] = await this.manager.query(lockThresholds('$1', '$2'), thresholdKeys);
      this.thresholdsLocked = locked.length > 0;
      return;
    }
    const sorted = [...pairs.values()].sort(
      ([p1, l1], [p2, l2]) => p1.localeCompare(p2) || l1.localeCompare(l2),
    );
    const rows: Array<{
      id: string;
      product_id: string;
      location_id: string;
      lot_id: string | null;
      on_hand: string;
      reserved: string;
      received_at: Date | null;
      lot_number: string | null;
      quality_status: LotQualityStatus | null;
      thresholds: number;
    }> = await this.manager.query(
      // The threshold count is a one-time filter: evaluated, so the thresholds locked, before any balance.
      `with locked_thresholds as (${lockThresholds('$3', '$4')})
       select b.id, b.product_id, b.location_id, b.lot_id, b.on_hand, b.reserved, l.received_at, l.lot_number, l.quality_status,
              (select count(*) from locked_thresholds)::int as thresholds
         from stock_balances b
         join unnest($1::uuid[], $2::uuid[]) k(product_id, location_id)
           on b.product_id = k.product_id and b.location_id = k.location_id
         left join lots l on l.id = b.lot_id
        where (select count(*) from locked_thresholds) >= 0
        order by b.product_id, b.location_id, b.lot_id nulls first
        for update of b`,
      [sorted.map(([p]) => p), sorted.map(([, l]) => l), ...thresholdKeys],
    );
    // No balance row: whether thresholds were locked is unknown, so they are read.
    this.thresholdsLocked = rows.length === 0 || rows[0].thresholds > 0;
    for (const r of rows) {
      this.remember({
        id: r.id,
        productId: r.product_id,
        locationId: r.location_id,
        lotId: r.lot_id,
        lotReceivedAt: r.received_at,
        lotNumber: r.lot_number,
        lotStatus: r.quality_status,
        onHand: new Decimal(r.on_hand),
        reserved: new Decimal(r.reserved),
        dOnHand: ZERO,
        dReserved: ZERO,
      });
    }
  }

  move(op: MoveOp): void {
    const quantity = quantityOf(op.quantity, 'quantity');
    if (op.fromLocationId === op.toLocationId) throw invalidMove('A move needs two different locations');
    const fromInternal = isInternal(this.type(op.fromLocationId));
    const toInternal = isInternal(this.type(op.toLocationId));
    if (!fromInternal && !toInternal)
      throw invalidMove('A move between two virtual locations changes no stock');
    this.touch(op.productId, op.fromLocationId, op.toLocationId);
    const entered = op.entered
      ? { quantity: fixed(new Decimal(op.entered.quantity)), uom: op.entered.uom }
      : null;

    // Portions of the quantity, each with its location and lot.
    const portions: Portion[] = [];
    const sources = sourcesOf(op);
    if (op.fromAny?.some((l) => !isInternal(this.type(l))))
      throw invalidMove('Stock can only be drawn from internal locations');
    if (!fromInternal) {
      portions.push({ locationId: op.fromLocationId, lotId: op.lotId ?? null, quantity });
    } else {
      // Stock QC has not released is skipped by FIFO; named, it moves only within the warehouse or out as a return or write-off.
      const unreleasedMay = this.movesUnreleased(op);
      if (!unreleasedMay) this.refuseUnreleased(op.productId, sources, op.lotId);
      const held = docsOf(op)
        .flatMap((d) => this.reservations.get(docKey(d)) ?? [])
        .flatMap((r): HeldStock<{ r: Reservation; balance: Balance }>[] => {
          const balance =
            r.productId === op.productId
              ? this.balances.get(key(r.productId, r.locationId, r.lotId))
              : undefined;
          if (balance && unreleased(balance) && !unreleasedMay && r.open.gt(0)) throw lotNotReleased(balance);
          return balance
            ? [{ reservation: { r, balance }, locationId: r.locationId, lotId: r.lotId, open: r.open }]
            : [];
        });
      const plan = planAllocation({
        quantity,
        sources,
        lotId: op.lotId,
        held,
        free: this.candidates(op.productId, sources, unreleasedMay && !!op.lotId),
      });
      if (!plan.ok) {
        this.short(
          op.productId,
          sources.length === 1 ? sources[0] : null,
          op.lotId ?? null,
          quantity,
          plan.available,
        );
        return;
      }
      for (const {
        reservation: { r, balance },
        quantity: take,
      } of plan.fromHeld) {
        r.open = r.open.minus(take);
        r.changed = true;
        this.change(balance, take.neg(), take.neg());
        this.result.released.push({
          productId: r.productId,
          locationId: r.locationId,
          lotId: r.lotId,
          quantity: fixed(take),
        });
        portions.push({ locationId: r.locationId, lotId: r.lotId, quantity: take });
      }
      for (const { balance: b, quantity: take } of plan.fromFree) {
        this.change(b, take.neg(), ZERO);
        portions.push({ locationId: b.locationId, lotId: b.lotId, quantity: take });
      }
    }
    const merged = mergePortions(portions);
    for (const portion of merged) {
      if (portion.locationId === op.toLocationId) throw invalidMove('A move needs two different locations');
      if (toInternal) {
        const destination = this.balanceFor(op.productId, op.toLocationId, portion.lotId);
        this.change(destination, portion.quantity, ZERO);
      }
      this.moves.push({
        productId: op.productId,
        quantity: portion.quantity,
        fromLocationId: portion.locationId,
        toLocationId: op.toLocationId,
        lotId: portion.lotId,
        type: op.type,
        enteredQuantity: merged.length === 1 ? (entered?.quantity ?? null) : null,
        enteredUom: entered?.uom ?? null,
        note: op.note ?? null,
      });
    }
  }

  reserve(op: ReserveOp): void {
    const quantity = quantityOf(op.quantity, 'quantity');
    for (const l of op.locationIds)
      if (!isInternal(this.type(l))) throw invalidMove('Stock can only be reserved at internal locations');
    this.touch(op.productId, ...op.locationIds);
    this.refuseUnreleased(op.productId, op.locationIds, op.lotId);
    const plan = planAllocation<Balance, never>({
      quantity,
      sources: op.locationIds,
      lotId: op.lotId,
      free: this.candidates(op.productId, op.locationIds),
    });
    if (!plan.ok) {
      const single = op.locationIds.length === 1 ? op.locationIds[0] : null;
      this.short(op.productId, single, op.lotId ?? null, quantity, plan.available);
      return;
    }
    const list = this.reservations.get(docKey(op.document)) ?? [];
    for (const { balance: b, quantity: take } of plan.fromFree) {
      this.change(b, ZERO, take);
      list.push({
        id: null,
        productId: b.productId,
        locationId: b.locationId,
        lotId: b.lotId,
        documentType: op.document.type,
        documentId: op.document.id,
        quantity: take,
        open: take,
        changed: true,
      });
      this.result.reserved.push({
        productId: b.productId,
        locationId: b.locationId,
        lotId: b.lotId,
        quantity: fixed(take),
      });
    }
    this.reservations.set(docKey(op.document), list);
  }

  release(op: ReleaseOp): void {
    for (const r of this.reservations.get(docKey(op.document)) ?? []) {
      if (r.open.lte(0) || (op.productId && r.productId !== op.productId)) continue;
      const balance = this.balances.get(key(r.productId, r.locationId, r.lotId));
      if (!balance) continue;
      this.touch(r.productId, r.locationId);
      this.change(balance, ZERO, r.open.neg());
      this.result.released.push({
        productId: r.productId,
        locationId: r.locationId,
        lotId: r.lotId,
        quantity: fixed(r.open),
      });
      r.open = ZERO;
      r.changed = true;
    }
  }

  async failOnShortages(): Promise<void> {
    if (this.shortages.length === 0) return;
    const productIds = [...new Set(this.shortages.map((s) => s.productId))];
    const locationIds = [...new Set(this.shortages.map((s) => s.locationId).filter((l): l is string => !!l))];
    const products: Array<{ id: string; code: string; uom: string }> = await this.manager.query(
      'select id, code, uom from products where id = any($1::uuid[])',
      [productIds],
    );
    const locations: Array<{ id: string; code: string }> = locationIds.length
      ? await this.manager.query('select id, code from locations where id = any($1::uuid[])', [locationIds])
      : [];
    for (const s of this.shortages) {
      const product = products.find((p) => p.id === s.productId);
      s.productCode = product?.code;
      s.uom = product?.uom;
      s.locationCode = locations.find((l) => l.id === s.locationId)?.code ?? null;
    }
    throw insufficientStock(this.shortages);
  }

  /**
   * Writes everything in one statement: balance increments (existing rows by id, new keys by upsert),
   * reservation changes and new reservations, and the moves, each a set-based data-modifying CTE over
   * arrays (an empty array writes nothing). No row is written twice: updates name rows locked in
   * `prepare`, inserts name keys that did not exist then.
   */
  async persist(): Promise<PostingResult> {
    const all = [...this.balances.values()].filter(
      (b) => !b.dOnHand.isZero() || !b.dReserved.isZero() || b.id === null,
    );
    const existing = all.filter((b) => b.id !== null);
    const fresh = all
      .filter((b) => b.id === null)
      .sort(
        (a, b) =>
          a.productId.localeCompare(b.productId) ||
          a.locationId.localeCompare(b.locationId) ||
          (a.lotId ?? '').localeCompare(b.lotId ?? ''),
      );
    const reservations = [...this.reservations.values()].flat().filter((r) => r.changed);
    const updated = reservations.filter((r) => r.id !== null);
    const created = reservations.filter((r) => r.id === null && r.open.gt(0));
    if (existing.length + fresh.length + updated.length + created.length + this.moves.length === 0)
      return this.result;
    const principal = RequestContext.principal();
    const doc = this.options.document;
    // With thresholds locked, the same statement reads them with their stock and open alerts (one row
    // after the moves, its JSON); the stock it reads is as before this statement, so the changes ride along.
    const changes = all.filter((b) => !b.dOnHand.minus(b.dReserved).isZero());
    const thresholds = this.thresholdsLocked
      ? `, ${readThresholds('$31', '$32', ['$33', '$34', '$35'])}`
      : '';
    const rows: Array<PostedMove & { thresholds?: ThresholdRow[] | null }> = await this.manager.query(
      `with balances_changed as (
         update stock_balances b
            set on_hand = b.on_hand + v.d_on_hand, reserved = b.reserved + v.d_reserved, updated_at = now()
           from unnest($1::uuid[], $2::numeric[], $3::numeric[]) v(id, d_on_hand, d_reserved)
          where b.id = v.id
       ),
       balances_added as (
         -- Increments commute, so a key another transaction created meanwhile is simply added to.
         insert into stock_balances (product_id, location_id, lot_id, on_hand, reserved)
         select * from unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::numeric[], $8::numeric[])
         on conflict (product_id, location_id, lot_id)
         do update set on_hand = stock_balances.on_hand + excluded.on_hand, reserved = stock_balances.reserved + excluded.reserved, updated_at = now()
       ),
       reservations_changed as (
         update stock_reservations r
            set open_quantity = v.open, status = case when v.open = 0 then 'CLOSED'::reservation_status else 'OPEN'::reservation_status end,
                updated_at = now()
           from unnest($9::uuid[], $10::numeric[]) v(id, open)
          where r.id = v.id
       ),
       reservations_added as (
         insert into stock_reservations (product_id, location_id, lot_id, document_type, document_id, quantity, open_quantity, status)
         select p, l, lot, dt, di, q, q, 'OPEN' from unnest($11::uuid[], $12::uuid[], $13::uuid[], $14::text[], $15::uuid[], $16::numeric[]) v(p, l, lot, dt, di, q)
       ),
       moves_added as (
       insert into stock_moves (product_id, quantity, from_location_id, to_location_id, lot_id, type, reference, document_type,
                                document_id, entered_quantity, entered_uom, note, actor_id, actor_username, created_at)
       select p, q, f, t, lot, ty::move_type, $23, $24, $25::uuid, eq, eu::unit, n, $26::uuid, $27, clock_timestamp()
         from unnest($17::uuid[], $18::numeric[], $19::uuid[], $20::uuid[], $21::uuid[], $22::text[], $28::numeric[], $29::text[], $30::text[])
              with ordinality v(p, q, f, t, lot, ty, eq, eu, n, ord)
        order by ord
       returning id, product_id as "productId", quantity, from_location_id as "fromLocationId", to_location_id as "toLocationId",
                 lot_id as "lotId", type, created_at as "createdAt"
       )${thresholds}
       ${
         thresholds
           ? `select *, null::json as thresholds from moves_added
               union all
              select null, null, null, null, null, null, null, null,
                     coalesce((select json_agg(thresholds_read) from thresholds_read), '[]'::json)`
           : 'select * from moves_added'
       }`,
      [
        existing.map((b) => b.id),
        existing.map((b) => fixed(b.dOnHand)),
        existing.map((b) => fixed(b.dReserved)),
        fresh.map((b) => b.productId),
        fresh.map((b) => b.locationId),
        fresh.map((b) => b.lotId),
        fresh.map((b) => fixed(b.dOnHand)),
        fresh.map((b) => fixed(b.dReserved)),
        updated.map((r) => r.id),
        updated.map((r) => fixed(r.open)),
        created.map((r) => r.productId),
        created.map((r) => r.locationId),
        created.map((r) => r.lotId),
        created.map((r) => r.documentType),
        created.map((r) => r.documentId),
        created.map((r) => fixed(r.open)),
        this.moves.map((mv) => mv.productId),
        this.moves.map((mv) => fixed(mv.quantity)),
        this.moves.map((mv) => mv.fromLocationId),
        this.moves.map((mv) => mv.toLocationId),
        this.moves.map((mv) => mv.lotId),
        this.moves.map((mv) => mv.type),
        this.options.reference ?? null,
        doc?.type ?? null,
        doc?.id ?? null,
        principal?.userId ?? null,
        principal?.username ?? null,
        this.moves.map((mv) => mv.enteredQuantity),
        this.moves.map((mv) => mv.enteredUom),
        this.moves.map((mv) => mv.note),
        ...(thresholds
          ? [
              [...this.touchedProducts],
              [...this.touchedLocations],
              changes.map((b) => b.productId),
              changes.map((b) => b.locationId),
              changes.map((b) => fixed(b.dOnHand.minus(b.dReserved))),
            ]
          : []),
      ],
    );
    this.result.moves = rows.filter((r) => r.id !== null);
    if (thresholds) this.thresholds = rows.find((r) => r.id === null)?.thresholds ?? [];
    const box = outboxOf(this.manager);
    for (const mv of this.moves) box?.countStockMove(mv.type);
    return this.result;
  }

  private type(locationId: string): LocationType {
    const type = this.locationTypes.get(locationId);
    if (!type) throw unknownLocation(locationId);
    return type;
  }

  private touch(productId: string, ...locationIds: string[]): void {
    this.touchedProducts.add(productId);
    for (const l of locationIds) this.touchedLocations.add(l);
  }

  private remember(b: Balance): void {
    this.balances.set(key(b.productId, b.locationId, b.lotId), b);
    const list = this.byPair.get(pairKey(b.productId, b.locationId)) ?? [];
    list.push(b);
    this.byPair.set(pairKey(b.productId, b.locationId), list);
  }

  private balanceFor(productId: string, locationId: string, lotId: string | null): Balance {
    const existing = this.balances.get(key(productId, locationId, lotId));
    if (existing) return existing;
    const b: Balance = {
      id: null,
      productId,
      locationId,
      lotId,
      lotReceivedAt: null,
      lotNumber: null,
      lotStatus: null,
      onHand: ZERO,
      reserved: ZERO,
      dOnHand: ZERO,
      dReserved: ZERO,
    };
    // Only balances of locked pairs may be drawn from later in this posting; others are increments only.
    if (this.byPair.has(pairKey(productId, locationId))) this.remember(b);
    else this.balances.set(key(productId, locationId, lotId), b);
    return b;
  }

  /**
   * The balances of locked pairs a posting may draw from, with their free quantity (planning orders them);
   * lots QC has not released only when the move may take them (a named lot within the warehouse).
   */
  private candidates(
    productId: string,
    locationIds: readonly string[],
    withUnreleased = false,
  ): FreeStock<Balance>[] {
    return [...new Set(locationIds)]
      .flatMap((l) => this.byPair.get(pairKey(productId, l)) ?? [])
      .filter((b) => b.id !== null || b.onHand.gt(0))
      .filter((b) => withUnreleased || !unreleased(b))
      .map((b) => ({
        balance: b,
        locationId: b.locationId,
        lotId: b.lotId,
        lotReceivedAt: b.lotReceivedAt,
        lotNumber: b.lotNumber,
        free: this.available(b),
      }));
  }

  /** A lot that is not RELEASED may move between warehouse racks, back to the supplier, or to loss. */
  private movesUnreleased(op: MoveOp): boolean {
    const to = this.type(op.toLocationId);
    if (to === 'SUPPLIER' || to === 'LOSS') return true;
    return to === 'WAREHOUSE' && sourcesOf(op).every((l) => this.type(l) === 'WAREHOUSE');
  }

  /** A named lot that is not RELEASED is refused outright (409), never silently replaced by another. */
  private refuseUnreleased(
    productId: string,
    locationIds: readonly string[],
    lotId: string | null | undefined,
  ): void {
    if (!lotId) return;
    const held = locationIds
      .flatMap((l) => this.byPair.get(pairKey(productId, l)) ?? [])
      .find((b) => b.lotId === lotId && unreleased(b));
    if (held) throw lotNotReleased(held);
  }

  private available(b: Balance): Decimal {
    return b.onHand.minus(b.reserved);
  }

  private change(b: Balance, onHand: Decimal, reserved: Decimal): void {
    b.onHand = b.onHand.plus(onHand);
    b.reserved = b.reserved.plus(reserved);
    b.dOnHand = b.dOnHand.plus(onHand);
    b.dReserved = b.dReserved.plus(reserved);
  }

  private short(
    productId: string,
    locationId: string | null,
    lotId: string | null,
    requested: Decimal,
    available: Decimal,
  ): void {
    this.shortages.push({
      productId,
      locationId,
      lotId,
      requested: requested.toNumber(),
      available: Decimal.max(available, 0).toNumber(),
      missing: requested.minus(Decimal.max(available, 0)).toNumber(),
    });
  }
}

interface Portion {
  locationId: string;
  lotId: string | null;
  quantity: Decimal;
}

function mergePortions(portions: Portion[]): Portion[] {
  const merged = new Map<string, Portion>();
  for (const p of portions) {
    const k = `${p.locationId}|${p.lotId ?? ''}`;
    const existing = merged.get(k);
    if (existing) existing.quantity = existing.quantity.plus(p.quantity);
    else merged.set(k, { ...p });
  }
  return [...merged.values()];
}

const sourcesOf = (op: MoveOp): string[] => (op.fromAny?.length ? op.fromAny : [op.fromLocationId]);
const docsOf = (op: MoveOp): DocumentRef[] =>
  op.fromReservationOf === undefined
    ? []
    : Array.isArray(op.fromReservationOf)
      ? op.fromReservationOf
      : [op.fromReservationOf];
