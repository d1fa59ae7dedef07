import { Injectable } from '@nestjs/common';
import { KANBAN_TRANSITIONS, type KanbanAction, type KanbanStatus } from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import type { Principal } from '../../core/context/request-context.js';
import type { SqlRow } from '../../core/database/sql-row.js';
import { Transactions } from '../../core/database/transactions.js';
import { AppError, notFound, validationFailed } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import { PostingService } from '../warehouse/stock/posting.service.js';
import type { DocumentRef, MoveOp } from '../warehouse/stock/posting.types.js';
import type {
  BoardQuery,
  BoardResponse,
  CardResponse,
  CreateCardRequest,
  ReceiveCardRequest,
} from './dto/kanban.dto.js';
import { BoardCache } from './board.cache.js';
import { cardActions, insertCard, loadCards, rowRuleViolation } from './kanban.cards.js';

const CLOSED_DAYS_ON_BOARD = 7;

/** The e-kanban card lifecycle; every transition moves stock through the posting service in the same transaction. */
@Injectable()
export class KanbanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly posting: PostingService,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    private readonly cache: BoardCache = new BoardCache(),
  ) {}

  /** The board is read far more often than it changes: the cards are cached until a kanban event, the actions are per user. */
  async board(q: BoardQuery, principal: Principal): Promise<BoardResponse> {
    const where = [
      `(c.status in ('REQUESTED', 'APPROVED', 'IN_TRANSIT') or c.updated_at > now() - interval '${CLOSED_DAYS_ON_BOARD} days')`,
    ];
    const params: unknown[] = [];
    if (q.status) where.push(`c.status = $${params.push(q.status)}`);
    if (q.department) where.push(`c.department = $${params.push(q.department)}`);
    const cards = await this.cache.get(`${q.status ?? ''}|${q.department ?? ''}`, () =>
      loadCards(this.dataSource.manager, where.join(' and '), params, undefined),
    );
    const items = cards.map((card) => ({ ...card, actions: cardActions(card, principal) }));
    return { items, total: items.length };
  }

  async get(id: string, principal: Principal): Promise<CardResponse> {
    const [card] = await loadCards(this.dataSource.manager, 'c.id = $1', [id], principal);
    if (!card) throw notFound('kanban card', id);
    return card;
  }

  async create(body: CreateCardRequest, principal: Principal): Promise<CardResponse> {
    const department = principal.department;
    if (!department)
      throw new AppError(
        422,
        'NO_DEPARTMENT',
        'Your account has no department, so it cannot request material',
      );
    return this.committed(async (m) => {
      const [line] = await m.query(`select id from locations where type = 'LINE' and department = $1`, [
        department,
      ]);
      if (!line) throw new AppError(422, 'NO_LINE', `${department} has no line to deliver to`);
      const [product] = await m.query('select id, active from products where id = $1', [body.productId]);
      if (!product) throw notFound('product', body.productId);
      if (body.sourceLocationId) {
        const [source] = await m.query('select type from locations where id = $1', [body.sourceLocationId]);
        if (!source) throw notFound('location', body.sourceLocationId);
        if (source.type !== 'WAREHOUSE')
          throw validationFailed('Cards are filled from a warehouse rack', [
            { field: 'sourceLocationId', messages: ['must be a WAREHOUSE location'] },
          ]);
      }
      const id = await insertCard(m, {
        department,
        requestedById: principal.userId,
        productId: body.productId,
        quantity: body.quantity,
        priority: body.priority ?? 'NORMAL',
        neededBy: body.neededBy ?? null,
        reason: body.reason ?? null,
        workOrderId: body.workOrderId ?? null,
        sourceLocationId: body.sourceLocationId ?? null,
        automatic: false,
        ruleId: null,
      });
      const [card] = await loadCards(m, 'c.id = $1', [id], principal);
      await this.audit.record(m, {
        action: 'kanban_card.created',
        entityType: 'kanban_card',
        entityId: id,
        after: card,
      });
      await this.events.publish(m, 'kanban.card.created', [id]);
      return card;
    });
  }

  approve(id: string, principal: Principal, notes?: string): Promise<CardResponse> {
    return this.transition(id, 'approve', principal, async (m, card) => {
      const locationIds: string[] = card.source_location_id
        ? [card.source_location_id]
        : (
            await m.query(
              `select id from locations where type = 'WAREHOUSE' and not is_finished_goods and active order by code`,
            )
          ).map((l: { id: string }) => l.id);
      const result = await this.posting.post(
        m,
        [
          {
            kind: 'reserve',
            productId: card.product_id,
            locationIds,
            quantity: card.quantity,
            document: doc(card.id),
          },
        ],
        {
          reference: card.number,
          document: doc(card.id),
        },
      );
      return {
        approved_by_id: principal.userId,
        approved_at: 'now()',
        approve_notes: notes ?? null,
        source_location_id: card.source_location_id ?? result.reserved[0]?.locationId ?? null,
      };
    });
  }

  reject(id: string, principal: Principal, reason: string): Promise<CardResponse> {
    return this.transition(id, 'reject', principal, async (m, card) => {
      await this.posting.post(m, [{ kind: 'release', document: doc(card.id) }], {
        reference: card.number,
        document: doc(card.id),
      });
      return { rejected_by_id: principal.userId, rejected_at: 'now()', reject_reason: reason };
    });
  }

  /** Stock leaves the racks it was reserved at into the department's transit location. */
  ship(id: string, principal: Principal): Promise<CardResponse> {
    return this.transition(id, 'ship', principal, async (m, card) => {
      const transit = await this.departmentLocation(m, 'TRANSIT', card.department);
      const reserved: Array<{ location_id: string; quantity: string }> = await m.query(
        `select location_id, sum(open_quantity) as quantity from stock_reservations
          where document_type = 'kanban_card' and document_id = $1 and status = 'OPEN' group by location_id order by location_id`,
        [card.id],
      );
      const ops: MoveOp[] = reserved.map((r) => ({
        kind: 'move',
        type: 'TRANSFER',
        productId: card.product_id,
        fromLocationId: r.location_id,
        toLocationId: transit,
        quantity: r.quantity,
        fromReservationOf: doc(card.id),
      }));
      const covered = reserved.reduce((s, r) => s.plus(r.quantity), new Decimal(0));
      const rest = new Decimal(card.quantity).minus(covered);
      if (rest.gt(0)) {
        if (!card.source_location_id)
          throw new AppError(
            409,
            'INSUFFICIENT_STOCK',
            'The card holds no reserved stock and has no source rack',
          );
        ops.push({
          kind: 'move',
          type: 'TRANSFER',
          productId: card.product_id,
          fromLocationId: card.source_location_id,
          toLocationId: transit,
          quantity: rest.toFixed(4),
        });
      }
      await this.posting.post(m, ops, { reference: card.number, document: doc(card.id) });
      return { shipped_by_id: principal.userId, shipped_at: 'now()', shipped_quantity: card.quantity };
    });
  }

  /** What arrived goes to the department's line; a short receipt sends the difference back to the source rack. */
  receive(id: string, principal: Principal, body: ReceiveCardRequest): Promise<CardResponse> {
    return this.transition(id, 'receive', principal, async (m, card) => {
      const shipped = new Decimal(card.shipped_quantity);
      const received = body.receivedQuantity === undefined ? shipped : new Decimal(body.receivedQuantity);
      if (received.gt(shipped)) {
        throw validationFailed(`Only ${shipped.toNumber()} was shipped`, [
          { field: 'receivedQuantity', messages: ['more than was shipped'] },
        ]);
      }
      const transit = await this.departmentLocation(m, 'TRANSIT', card.department);
      const line = await this.departmentLocation(m, 'LINE', card.department);
      const ops: MoveOp[] = [];
      if (received.gt(0))
        ops.push({
          kind: 'move',
          type: 'TRANSFER',
          productId: card.product_id,
          fromLocationId: transit,
          toLocationId: line,
          quantity: received.toFixed(4),
        });
      const short = shipped.minus(received);
      if (short.gt(0)) {
        ops.push({
          kind: 'move',
          type: 'TRANSFER',
          productId: card.product_id,
          fromLocationId: transit,
          toLocationId: card.source_location_id,
          quantity: short.toFixed(4),
          note: `Short receipt of ${card.number}: returned to the warehouse`,
        });
      }
      await this.posting.post(m, ops, { reference: card.number, document: doc(card.id) });
      return {
        received_by_id: principal.userId,
        received_at: 'now()',
        received_quantity: received.toFixed(4),
      };
    });
  }

  cancel(id: string, principal: Principal): Promise<CardResponse> {
    return this.transition(id, 'cancel', principal, async () => ({
      cancelled_by_id: principal.userId,
      cancelled_at: 'now()',
    }));
  }

  async position(id: string, position: number, principal: Principal): Promise<CardResponse> {
    return this.committed(async (m) => {
      const [card] = await m.query(
        'select id, position, department, requested_by_id from kanban_cards where id = $1 for update',
        [id],
      );
      if (!card) throw notFound('kanban card', id);
      const refused = rowRuleViolation('position', card, principal);
      if (refused) throw refused;
      await m.query('update kanban_cards set position = $2, updated_at = now() where id = $1', [
        id,
        position,
      ]);
      await this.events.publish(m, 'kanban.card.updated', [id]);
      const [after] = await loadCards(m, 'c.id = $1', [id], principal);
      return after;
    });
  }

  /**
   * Locks the card, checks the state table, the permission's row rule, applies the stock effect, and
   * records who and when; a concurrent second transition of the same card waits, then answers 409.
   */
  private transition(
    id: string,
    action: KanbanAction,
    principal: Principal,
    effect: (m: EntityManager, card: SqlRow) => Promise<Record<string, unknown>>,
  ): Promise<CardResponse> {
    const rule = KANBAN_TRANSITIONS[action];
    return this.committed(async (m) => {
      const [card]: SqlRow[] = await m.query('select * from kanban_cards where id = $1 for update', [id]);
      if (!card) throw notFound('kanban card', id);
      if (!rule.from.includes(card.status as KanbanStatus)) {
        throw new AppError(
          409,
          'INVALID_STATE',
          `Card ${card.number} is ${card.status}; it cannot be ${pastTense[action]} now`,
          {
            currentState: card.status,
            allowedFrom: rule.from,
          },
        );
      }
      const refused = rowRuleViolation(
        action,
        card as { department: string; requested_by_id: string | null },
        principal,
      );
      if (refused) throw refused;
      const changes = await effect(m, card);
      const params: unknown[] = [id, rule.to];
      const sets = Object.entries(changes).map(([column, value]) =>
        value === 'now()' ? `${column} = now()` : `${column} = $${params.push(value)}`,
      );
      await m.query(
        `update kanban_cards set status = $2, ${sets.join(', ')}, version = version + 1, updated_at = now() where id = $1`,
        params,
      );
      const [after] = await loadCards(m, 'c.id = $1', [id], principal);
      await this.audit.record(m, {
        action: `kanban_card.${action}`,
        entityType: 'kanban_card',
        entityId: id,
        before: { status: card.status, version: card.version },
        after: { status: after.status, version: after.version, ...pick(after, action) },
      });
      await this.events.publish(m, 'kanban.card.updated', [id]);
      return after;
    });
  }

  /** Runs a command and drops the cached board once it committed, before the answer goes out. */
  private async committed<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.tx.run(work);
    this.cache.invalidate();
    return result;
  }

  private async departmentLocation(
    m: EntityManager,
    type: 'LINE' | 'TRANSIT',
    department: string,
  ): Promise<string> {
    const [location] = await m.query('select id from locations where type = $1 and department = $2', [
      type,
      department,
    ]);
    if (!location) throw new AppError(409, 'NO_LINE', `${department} has no ${type} location`);
    return location.id;
  }
}

const doc = (id: string): DocumentRef => ({ type: 'kanban_card', id });

const pastTense: Record<KanbanAction, string> = {
  approve: 'approved',
  reject: 'rejected',
  ship: 'shipped',
  receive: 'received',
  cancel: 'cancelled',
};

function pick(card: CardResponse, action: KanbanAction): Record<string, unknown> {
  switch (action) {
    case 'approve':
      return { sourceLocationCode: card.sourceLocationCode, approveNotes: card.approveNotes };
    case 'reject':
      return { rejectReason: card.rejectReason };
    case 'ship':
      return { shippedQuantity: card.shippedQuantity };
    case 'receive':
      return { receivedQuantity: card.receivedQuantity, shortQuantity: card.shortQuantity };
    default:
      return {};
  }
}
