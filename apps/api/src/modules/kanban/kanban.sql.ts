import type { Department, KanbanStatus, Priority, Unit } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import { type ListSync, syncClauses } from '../../core/http/list-sync.js';

/** A `kanban_cards` row as PostgreSQL returns it (numeric as string). */
export interface CardRecord {
  id: string;
  number: string;
  department: Department;
  requested_by_id: string | null;
  product_id: string;
  quantity: string;
  priority: Priority;
  needed_by: Date | null;
  reason: string | null;
  work_order_id: string | null;
  source_location_id: string | null;
  status: KanbanStatus;
  position: number;
  automatic: boolean;
  rule_id: string | null;
  approved_by_id: string | null;
  approved_at: Date | null;
  approve_notes: string | null;
  approved_quantity: string | null;
  remainder_reason: string | null;
  split_from_id: string | null;
  rejected_by_id: string | null;
  rejected_at: Date | null;
  reject_reason: string | null;
  shipped_by_id: string | null;
  shipped_at: Date | null;
  shipped_quantity: string | null;
  received_by_id: string | null;
  received_at: Date | null;
  received_quantity: string | null;
  short_reason: string | null;
  cancelled_by_id: string | null;
  cancelled_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** A card with the product it asks for, as lists and the board show it. */
export interface CardRow extends CardRecord {
  product_code: string;
  product_name: string;
  uom: Unit;
}

/** The columns a transition may set besides status, version and updated_at; `'now()'` means the clock. */
export type CardChanges = Partial<
  Pick<
    CardRecord,
    | 'source_location_id'
    | 'approved_by_id'
    | 'approve_notes'
    | 'approved_quantity'
    | 'remainder_reason'
    | 'rejected_by_id'
    | 'reject_reason'
    | 'shipped_by_id'
    | 'shipped_quantity'
    | 'received_by_id'
    | 'received_quantity'
    | 'short_reason'
    | 'cancelled_by_id'
  > & {
    approved_at: 'now()';
    rejected_at: 'now()';
    shipped_at: 'now()';
    received_at: 'now()';
    cancelled_at: 'now()';
  }
>;

const CARD_SELECT = `
  select c.*, p.code as product_code, p.name as product_name, p.uom
    from kanban_cards c
    join products p on p.id = c.product_id`;

/** Status, priority, the day it is needed; within one day the supervisor's own order (position). */
const BOARD_ORDER = `
  case c.status when 'REQUESTED' then 0 when 'APPROVED' then 1 when 'IN_TRANSIT' then 2 when 'RECEIVED' then 3 when 'REJECTED' then 4 else 5 end,
  case c.priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end,
  (c.needed_by at time zone 'Asia/Jakarta')::date nulls last, c.position, c.needed_by, c.created_at`;

export const selectCards = (m: EntityManager, where: string, params: unknown[]): Promise<CardRow[]> =>
  m.query(`${CARD_SELECT} where ${where} order by ${BOARD_ORDER}`, params);

/** `updatedSince` and the fields the card history may be sorted by. */
export const CARD_SYNC: ListSync = {
  updatedAt: 'c.updated_at',
  sort: {
    number: 'c.number',
    status: 'c.status',
    neededBy: 'c.needed_by',
    productCode: 'p.code',
    createdAt: 'c.created_at',
    updatedAt: 'c.updated_at',
  },
  defaultOrder: 'c.created_at desc, c.number desc',
  tiebreak: 'c.id',
};

export interface CardFilter {
  status?: KanbanStatus;
  department?: Department;
  productId?: string;
  updatedSince?: string;
  sort?: string;
}

/** Every card ever made (closed ones too), filtered, without paging (the export streams it whole). */
export function cardHistorySql(f: CardFilter, counted: boolean): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.status) where.push(`c.status = $${params.push(f.status)}`);
  if (f.department) where.push(`c.department = $${params.push(f.department)}`);
  if (f.productId) where.push(`c.product_id = $${params.push(f.productId)}`);
  const order = syncClauses(f, CARD_SYNC, where, params);
  const sql = `select c.*, p.code as product_code, p.name as product_name, p.uom
                      ${counted ? ', count(*) over() as total' : ''}
                 from kanban_cards c
                 join products p on p.id = c.product_id
                ${where.length ? `where ${where.join(' and ')}` : ''}
                ${order}`;
  return { sql, params };
}

export async function selectCardHistory(
  m: EntityManager,
  f: CardFilter,
  skip: number,
  limit: number,
): Promise<{ rows: CardRow[]; total: number }> {
  const { sql, params } = cardHistorySql(f, true);
  const rows: Array<CardRow & { total: string }> = await m.query(
    `${sql} limit $${params.push(limit)} offset $${params.push(skip)}`,
    params,
  );
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

/** Open cards (partial index) and the ones closed within `closedDays`, optionally of one status or department. */
export function selectBoard(
  m: EntityManager,
  closedDays: number,
  status: KanbanStatus | undefined,
  department: Department | undefined,
): Promise<CardRow[]> {
  return m.query(
    `${CARD_SELECT}
      where c.id in (select id from kanban_cards where status in ('REQUESTED', 'APPROVED', 'IN_TRANSIT')
                     union all
                     select id from kanban_cards where status not in ('REQUESTED', 'APPROVED', 'IN_TRANSIT')
                                                   and updated_at > now() - make_interval(days => $1))
        and ($2::kanban_status is null or c.status = $2) and ($3::department is null or c.department = $3)
      order by ${BOARD_ORDER}`,
    [closedDays, status ?? null, department ?? null],
  );
}

/** The card, locked for a transition, with its product. */
export async function lockCard(m: EntityManager, id: string): Promise<CardRow | undefined> {
  const [row]: CardRow[] = await m.query(`${CARD_SELECT} where c.id = $1 for update of c`, [id]);
  return row;
}

/** Writes the new status and the transition's columns; answers the card as it is now. */
export async function saveCard(
  m: EntityManager,
  card: CardRow,
  status: KanbanStatus,
  changes: CardChanges,
): Promise<CardRow> {
  const params: unknown[] = [card.id, status];
  const sets = Object.entries(changes).map(([column, value]) =>
    value === 'now()' ? `${column} = now()` : `${column} = $${params.push(value)}`,
  );
  const [[row]]: [CardRecord[], number] = await m.query(
    `update kanban_cards set status = $2, ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
      where id = $1 returning *`,
    params,
  );
  return { ...row, product_code: card.product_code, product_name: card.product_name, uom: card.uom };
}

export async function setPosition(
  m: EntityManager,
  id: string,
  position: number,
): Promise<CardRecord | undefined> {
  const [rows]: [CardRecord[], number] = await m.query(
    'update kanban_cards set position = $2, version = version + 1, updated_at = now() where id = $1 returning *',
    [id, position],
  );
  return rows[0];
}

export interface NewCardRecord {
  number: string;
  department: Department;
  requestedById: string | null;
  productId: string;
  quantity: string | number;
  priority: Priority;
  neededBy: Date | null;
  reason: string | null;
  workOrderId: string | null;
  sourceLocationId: string | null;
  automatic: boolean;
  ruleId: string | null;
  /** The card a partial approval split this one off. */
  splitFromId?: string | null;
}

/** Inserts REQUESTED cards at the end of their column; answers them with their products. */
export async function insertCards(m: EntityManager, cards: NewCardRecord[]): Promise<CardRow[]> {
  if (cards.length === 0) return [];
  const col = <K extends keyof NewCardRecord>(k: K) => cards.map((c) => c[k]);
  return m.query(
    `with c as (
       insert into kanban_cards (number, department, requested_by_id, product_id, quantity, priority, needed_by, reason,
                                 work_order_id, source_location_id, status, position, automatic, rule_id, split_from_id)
       select n, d::department, rb, p, q, pr::priority, nb, r, wo, sl, 'REQUESTED', extract(epoch from clock_timestamp()) * 1000 + o, a, ru, sf
         from unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::numeric[], $6::text[], $7::timestamptz[], $8::text[],
                     $9::uuid[], $10::uuid[], $11::boolean[], $12::uuid[], $13::uuid[]) with ordinality v(n, d, rb, p, q, pr, nb, r, wo, sl, a, ru, sf, o)
       returning *)
     select c.*, p.code as product_code, p.name as product_name, p.uom from c join products p on p.id = c.product_id
      order by c.position`,
    [
      col('number'),
      col('department'),
      col('requestedById'),
      col('productId'),
      col('quantity'),
      col('priority'),
      col('neededBy'),
      col('reason'),
      col('workOrderId'),
      col('sourceLocationId'),
      col('automatic'),
      col('ruleId'),
      cards.map((c) => c.splitFromId ?? null),
    ],
  );
}

/** Open card quantities per department × product (supply a replenishment rule counts). */
export async function openCardQuantities(
  m: EntityManager,
  keys: Array<{ department: Department; productId: string }>,
): Promise<(department: string, productId: string) => string> {
  const rows: Array<{ department: string; product_id: string; quantity: string }> = keys.length
    ? await m.query(
        `select c.department, c.product_id, sum(coalesce(c.shipped_quantity, c.approved_quantity, c.quantity)) as quantity
           from kanban_cards c join unnest($1::department[], $2::uuid[]) k(department, product_id)
             on c.department = k.department and c.product_id = k.product_id
          where c.status in ('REQUESTED', 'APPROVED', 'IN_TRANSIT')
          group by c.department, c.product_id`,
        [keys.map((k) => k.department), keys.map((k) => k.productId)],
      )
    : [];
  const byKey = new Map(rows.map((r) => [`${r.department}|${r.product_id}`, r.quantity]));
  return (department, productId) => byKey.get(`${department}|${productId}`) ?? '0';
}
