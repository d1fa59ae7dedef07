import { Injectable } from '@nestjs/common';
import { KANBAN_TRANSITIONS, type KanbanAction, type KanbanStatus } from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import type { Principal } from '../../core/context/request-context.js';
import { isForeignKeyViolation } from '../../core/database/db-errors.js';
import { nextDocumentNumber } from '../../core/database/document-numbers.js';
import { People } from '../../core/database/people.js';
import { Transactions } from '../../core/database/transactions.js';
import { AppError, notFound, validationFailed } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import type { CsvExport } from '../../core/http/csv.js';
import { type StateMachine, StateTransitions } from '../../core/transitions/state-machine.js';
import {
  type DocumentRef,
  Locations,
  lotStockAt,
  type MoveOp,
  PostingService,
  refuseFractionsOfProducts,
  refuseFractionsOfWholeUnits,
  Stock,
} from '../warehouse/index.js';
import { lotsByIds } from '../warehouse/warehouse.facts.js';
import type {
  BoardQuery,
  BoardResponse,
  ApproveCardRequest,
  CardPage,
  CardQuery,
  CardResponse,
  CardStockResponse,
  CreateCardRequest,
  ReceiveCardRequest,
  ShipCardRequest,
} from './dto/kanban.dto.js';
import { type BoardAnswer, BoardCache } from './board.cache.js';
import { cardActions, cardRowRule, rowRuleViolation, toCards } from './kanban.cards.js';
import { CARD_CSV_COLUMNS } from './kanban.csv.js';
import {
  cardHistorySql,
  type CardChanges,
  type CardRow,
  insertCards,
  lockCard,
  saveCard,
  selectBoard,
  selectCardHistory,
  selectCards,
  setPosition,
} from './kanban.sql.js';

const CLOSED_DAYS_ON_BOARD = 7;

const pastTense: Record<KanbanAction, string> = {
  approve: 'approved',
  reject: 'rejected',
  ship: 'shipped',
  receive: 'received',
  cancel: 'cancelled',
};

/** The card's state machine for the core transition helper; `save` keeps the row it wrote for the answer. */
class CardMachine implements StateMachine<CardRow, KanbanStatus, KanbanAction, CardChanges> {
  readonly entity = 'kanban_card';
  readonly noun = 'kanban card';
  readonly transitions = KANBAN_TRANSITIONS;
  readonly pastTense = pastTense;
  saved: CardRow | undefined;
  lock = lockCard;
  state = (card: CardRow) => card.status;
  label = (card: CardRow) => `Card ${card.number}`;
  async save(m: EntityManager, card: CardRow, to: KanbanStatus, changes: CardChanges): Promise<void> {
    this.saved = await saveCard(m, card, to, changes);
  }
}

/** The e-kanban card lifecycle; every transition moves stock through the posting service in the same transaction. */
@Injectable()
export class KanbanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly transitions: StateTransitions,
    private readonly posting: PostingService,
    private readonly locations: Locations,
    private readonly stock: Stock,
    private readonly people: People,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    private readonly cache: BoardCache,
  ) {}

  /** The board is read far more often than it changes: the cards are cached until a kanban event, the actions are per user. */
  async board(q: BoardQuery, principal: Principal): Promise<BoardResponse> {
    const cards = await this.cache.get(filterKey(q), () => this.loadBoard(q));
    const items = cards.map((card) => ({ ...card, actions: cardActions(card, principal) }));
    return { items, total: items.length };
  }

  /** The board as it goes on the wire (JSON, gzip, ETag), built once per change and user. */
  boardAnswer(q: BoardQuery, principal: Principal): Promise<BoardAnswer> {
    return this.cache.answer(filterKey(q), principal.userId, () => this.board(q, principal));
  }

  private async loadBoard(q: BoardQuery): Promise<CardResponse[]> {
    const rows = await selectBoard(this.dataSource.manager, CLOSED_DAYS_ON_BOARD, q.status, q.department);
    return toCards(rows, this.people, this.locations, undefined);
  }

  /** The card history, closed cards too, a page at a time. */
  async history(q: CardQuery, principal: Principal): Promise<CardPage> {
    const { rows, total } = await selectCardHistory(this.dataSource.manager, q, q.skip, q.limit);
    const items = await toCards(rows, this.people, this.locations, principal);
    return { items, total, skip: q.skip, limit: q.limit };
  }

  /** The card history as CSV, every card of the filter, streamed. */
  historyCsv(q: CardQuery, principal: Principal): CsvExport<CardRow, CardResponse> {
    const { sql, params } = cardHistorySql(q, false);
    return {
      sql,
      params,
      map: (rows) => toCards(rows, this.people, this.locations, principal),
      columns: CARD_CSV_COLUMNS,
      filename: 'kanban-cards.csv',
    };
  }

  async get(id: string, principal: Principal): Promise<CardResponse> {
    const [card] = await selectCards(this.dataSource.manager, 'c.id = $1', [id]);
    if (!card) throw notFound('kanban card', id);
    return this.answer(card, principal);
  }

  async create(body: CreateCardRequest, principal: Principal): Promise<CardResponse> {
    const department = principal.department;
    if (!department)
      throw new AppError(
        422,
        'NO_DEPARTMENT',
        'Your account has no department, so it cannot request material',
      );
    const line = await this.locations.line(department);
    if (!line) throw new AppError(422, 'NO_LINE', `${department} has no line to deliver to`);
    await refuseFractionsOfProducts(this.dataSource.manager, [
      { field: 'quantity', quantity: body.quantity, productId: body.productId },
    ]);
    if (body.sourceLocationId) {
      const source = await this.locations.find(body.sourceLocationId);
      if (!source) throw notFound('location', body.sourceLocationId);
      if (source.type !== 'WAREHOUSE')
        throw validationFailed('Cards are filled from a warehouse rack', [
          { field: 'sourceLocationId', messages: ['must be a WAREHOUSE location'] },
        ]);
    }
    const number = await nextDocumentNumber(this.dataSource.manager, 'KB', 4);
    return this.committed(async (m) => {
      const [card] = await insertCards(m, [
        {
          number,
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
        },
      ]).catch((e: unknown) => Promise.reject(unknownProduct(e, body.productId)));
      const answer = await this.answer(card, principal, m);
      await this.audit.record(m, {
        action: 'kanban_card.created',
        entityType: 'kanban_card',
        entityId: card.id,
        after: answer,
      });
      await this.events.publish(m, 'kanban_card.created', [card.id]);
      return answer;
    });
  }

  /**
   * Reserves what is granted at the source rack (or any rack, oldest lot first). Granting less than
   * requested needs a decision for the rest: REQUEST splits it off as a new REQUESTED card (same
   * requester, so the same people may approve it), REJECT refuses it with a reason kept on this card.
   */
  approve(id: string, principal: Principal, body: ApproveCardRequest): Promise<CardResponse> {
    const split: string[] = [];
    return this.transition(
      id,
      'approve',
      principal,
      async (m, card) => {
        refuseFractionsOfWholeUnits([
          { field: 'quantity', quantity: body.quantity, uom: card.uom, label: card.product_code },
        ]);
        const requested = new Decimal(card.quantity);
        const granted = body.quantity === undefined ? requested : new Decimal(body.quantity);
        if (granted.gt(requested))
          throw validationFailed(`Only ${requested.toNumber()} ${card.uom} were requested`, [
            { field: 'quantity', messages: ['more than requested'] },
          ]);
        const rest = requested.minus(granted);
        if (rest.gt(0) && !body.remainder)
          throw validationFailed(`Say what happens to the other ${rest.toNumber()} ${card.uom}`, [
            { field: 'remainder', messages: ['required when less than requested is approved'] },
          ]);
        if (rest.gt(0) && body.remainder === 'REJECT' && (body.remainderReason?.trim().length ?? 0) < 3)
          throw validationFailed('Say why the rest is rejected', [
            { field: 'remainderReason', messages: ['required (3+ characters) when the rest is rejected'] },
          ]);
        const locationIds = card.source_location_id
          ? [card.source_location_id]
          : await this.locations.racks(m);
        const result = await this.posting.post(
          m,
          [
            {
              kind: 'reserve',
              productId: card.product_id,
              locationIds,
              quantity: granted.toFixed(4),
              document: doc(card.id),
            },
          ],
          { reference: card.number, document: doc(card.id) },
        );
        if (rest.gt(0) && body.remainder === 'REQUEST') split.push(await this.splitOff(m, card, rest));
        return {
          approved_by_id: principal.userId,
          approved_at: 'now()',
          approve_notes: body.notes ?? null,
          approved_quantity: granted.toFixed(4),
          remainder_reason: rest.gt(0) && body.remainder === 'REJECT' ? body.remainderReason!.trim() : null,
          source_location_id: card.source_location_id ?? result.reserved[0]?.locationId ?? null,
        };
      },
      (_card, changes) => ({ ...auditOf('approve', changes), remainderCardId: split[0] }),
    );
  }

  /** The rest of a partly approved card, as a new REQUESTED card of the same request. */
  private async splitOff(m: EntityManager, card: CardRow, quantity: Decimal): Promise<string> {
    const [rest] = await insertCards(m, [
      {
        number: await nextDocumentNumber(m, 'KB', 4),
        department: card.department,
        requestedById: card.requested_by_id,
        productId: card.product_id,
        quantity: quantity.toFixed(4),
        priority: card.priority,
        neededBy: card.needed_by,
        reason: card.reason,
        workOrderId: card.work_order_id,
        sourceLocationId: card.source_location_id,
        automatic: card.automatic,
        ruleId: card.rule_id,
        splitFromId: card.id,
      },
    ]);
    await this.audit.record(m, {
      action: 'kanban_card.created',
      entityType: 'kanban_card',
      entityId: rest.id,
      after: { number: rest.number, quantity: quantity.toNumber(), splitFrom: card.number },
    });
    await this.events.publish(m, 'kanban_card.created', [rest.id]);
    return rest.id;
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

  /**
   * Stock leaves for the department's transit location: `quantity` (default all approved) from the rack
   * and lot chosen, or what the card holds, oldest lot first. Another lot than the one reserved must be
   * free on its own; whatever the card still holds afterwards is released.
   */
  ship(id: string, principal: Principal, body: ShipCardRequest = {}): Promise<CardResponse> {
    return this.transition(id, 'ship', principal, async (m, card) => {
      refuseFractionsOfWholeUnits([
        { field: 'quantity', quantity: body.quantity, uom: card.uom, label: card.product_code },
      ]);
      const approved = new Decimal(card.approved_quantity ?? card.quantity);
      const quantity = body.quantity === undefined ? approved : new Decimal(body.quantity);
      if (quantity.gt(approved))
        throw validationFailed(`Only ${approved.toNumber()} ${card.uom} were approved`, [
          { field: 'quantity', messages: ['more than approved'] },
        ]);
      if (body.locationId) {
        const rack = await this.locations.find(body.locationId, m);
        if (!rack) throw notFound('location', body.locationId);
        if (rack.type !== 'WAREHOUSE')
          throw validationFailed('Cards are filled from a warehouse rack', [
            { field: 'locationId', messages: ['must be a WAREHOUSE location'] },
          ]);
      }
      if (body.lotId) {
        const lot = (await lotsByIds(m, [body.lotId])).get(body.lotId);
        if (!lot) throw notFound('lot', body.lotId);
        if (lot.productId !== card.product_id)
          throw validationFailed(`Lot ${lot.lotNumber} is not ${card.product_code}`, [
            { field: 'lotId', messages: ['a lot of another product'] },
          ]);
      }
      const transit = await this.departmentLocation('TRANSIT', card.department, m);
      const held = await this.stock.reservedFor('kanban_card', [card.id], m);
      const racks = body.locationId
        ? [body.locationId]
        : held.length
          ? [...new Set(held.map((r) => r.locationId))]
          : card.source_location_id
            ? [card.source_location_id]
            : [];
      if (racks.length === 0)
        throw new AppError(
          409,
          'INSUFFICIENT_STOCK',
          'The card holds no reserved stock and has no source rack',
        );
      await this.posting.post(
        m,
        [
          {
            kind: 'move',
            type: 'TRANSFER',
            productId: card.product_id,
            fromLocationId: racks[0],
            fromAny: racks,
            lotId: body.lotId ?? null,
            toLocationId: transit,
            quantity: quantity.toFixed(4),
            fromReservationOf: doc(card.id),
          },
          { kind: 'release', document: doc(card.id) },
        ],
        { reference: card.number, document: doc(card.id) },
      );
      return {
        shipped_by_id: principal.userId,
        shipped_at: 'now()',
        shipped_quantity: quantity.toFixed(4),
        // A short receipt goes back to the rack it left from.
        source_location_id: body.locationId ?? card.source_location_id,
      };
    });
  }

  /** What a card can draw on per rack and lot (its own reservation counts as free to it), FIFO first. */
  async stockFor(id: string): Promise<CardStockResponse> {
    const m = this.dataSource.manager;
    const [card] = await selectCards(m, 'c.id = $1', [id]);
    if (!card) throw notFound('kanban card', id);
    // Every rack: ship may take another rack or lot than the one reserved at approval.
    const racks = [...(await this.locations.racks(m))];
    if (card.source_location_id && !racks.includes(card.source_location_id))
      racks.unshift(card.source_location_id);
    const rows = await lotStockAt(m, card.product_id, racks, doc(card.id));
    const items = rows.map((r) => {
      const free = new Decimal(r.free).plus(r.held);
      return {
        locationId: r.location_id,
        locationCode: r.location_code,
        lotId: r.lot_id,
        lotNumber: r.lot_number,
        receivedAt: r.received_at ? new Date(r.received_at).toISOString() : null,
        onHand: Number(r.on_hand),
        free: free.toNumber(),
        held: Number(r.held),
      };
    });
    const usable = items.filter((r) => r.free > 0);
    return {
      cardId: card.id,
      items: usable,
      totalFree: usable.reduce((s, r) => s.plus(r.free), new Decimal(0)).toNumber(),
      suggested: usable.find((r) => r.held > 0) ?? usable[0] ?? null,
    };
  }

  /** What arrived goes to the department's line; a short receipt sends the difference back to the source rack. */
  receive(id: string, principal: Principal, body: ReceiveCardRequest): Promise<CardResponse> {
    return this.transition(id, 'receive', principal, async (m, card) => {
      refuseFractionsOfWholeUnits([
        {
          field: 'receivedQuantity',
          quantity: body.receivedQuantity,
          uom: card.uom,
          label: card.product_code,
        },
      ]);
      const shipped = new Decimal(card.shipped_quantity ?? 0);
      const received = body.receivedQuantity === undefined ? shipped : new Decimal(body.receivedQuantity);
      if (received.gt(shipped)) {
        throw validationFailed(`Only ${shipped.toNumber()} was shipped`, [
          { field: 'receivedQuantity', messages: ['more than was shipped'] },
        ]);
      }
      const shortReason = body.shortReason?.trim() ?? '';
      if (received.lt(shipped) && shortReason.length < 3)
        throw validationFailed(
          `${shipped.minus(received).toNumber()} ${card.uom} less than shipped: say why (a short receipt needs a reason)`,
          [
            {
              field: 'shortReason',
              messages: ['required (3+ characters) when less arrived than was shipped'],
            },
          ],
        );
      const transit = await this.departmentLocation('TRANSIT', card.department, m);
      const line = await this.departmentLocation('LINE', card.department, m);
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
        if (!card.source_location_id)
          throw new AppError(
            409,
            'NO_SOURCE',
            `${card.number} has no source rack to return the difference to`,
          );
        ops.push({
          kind: 'move',
          type: 'TRANSFER',
          productId: card.product_id,
          fromLocationId: transit,
          toLocationId: card.source_location_id,
          quantity: short.toFixed(4),
          note: `Short receipt of ${card.number}: ${shortReason}`,
        });
      }
      await this.posting.post(m, ops, { reference: card.number, document: doc(card.id) });
      return {
        received_by_id: principal.userId,
        received_at: 'now()',
        received_quantity: received.toFixed(4),
        short_reason: received.lt(shipped) ? shortReason : null,
      };
    });
  }

  cancel(id: string, principal: Principal): Promise<CardResponse> {
    return this.transition(id, 'cancel', principal, () => ({
      cancelled_by_id: principal.userId,
      cancelled_at: 'now()',
    }));
  }

  /** The supervisor's own order within a column; audited like every other change. */
  async position(id: string, position: number, principal: Principal): Promise<CardResponse> {
    return this.committed(async (m) => {
      const before = await lockCard(m, id);
      if (!before) throw notFound('kanban card', id);
      const refused = rowRuleViolation('position', before, principal);
      if (refused) throw refused;
      const after = await setPosition(m, id, position);
      await this.audit.record(m, {
        action: 'kanban_card.repositioned',
        entityType: 'kanban_card',
        entityId: id,
        before: { position: before.position },
        after: { position },
      });
      await this.events.publish(m, 'kanban_card.repositioned', [id]);
      return this.answer({ ...before, ...after!, product_code: before.product_code }, principal, m);
    });
  }

  /**
   * Runs one card transition through the core helper (lock, state table, permission, row rule, stock
   * effect, save, audit, event); a concurrent second transition of the same card waits, then answers 409.
   */
  private transition(
    id: string,
    action: KanbanAction,
    principal: Principal,
    effect: (m: EntityManager, card: CardRow) => Promise<CardChanges> | CardChanges,
    auditAfter: (card: CardRow, changes: CardChanges) => Record<string, unknown> = (_card, changes) =>
      auditOf(action, changes),
  ): Promise<CardResponse> {
    return this.committed(async (m) => {
      const machine = new CardMachine();
      await this.transitions.apply(m, machine, action, id, principal, {
        rowRule: cardRowRule(action),
        effect,
        auditAfter,
      });
      return this.answer(machine.saved!, principal, m);
    });
  }

  private async answer(card: CardRow, principal: Principal, m?: EntityManager): Promise<CardResponse> {
    const [answer] = await toCards([card], this.people, this.locations, principal, m);
    return answer;
  }

  /** Runs a command and drops the cached board once it committed, before the answer goes out. */
  private async committed<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.tx.run(work);
    this.cache.invalidate();
    return result;
  }

  private async departmentLocation(
    type: 'LINE' | 'TRANSIT',
    department: string,
    m: EntityManager,
  ): Promise<string> {
    const id =
      type === 'LINE'
        ? await this.locations.line(department, m)
        : await this.locations.transit(department, m);
    if (!id) throw new AppError(409, 'NO_LINE', `${department} has no ${type} location`);
    return id;
  }
}

const doc = (id: string): DocumentRef => ({ type: 'kanban_card', id });
const filterKey = (q: BoardQuery) => `${q.status ?? ''}|${q.department ?? ''}`;

/** What the audit row keeps of each transition, in the answer's words. */
function auditOf(action: KanbanAction, c: CardChanges): Record<string, unknown> {
  switch (action) {
    case 'approve':
      return {
        sourceLocationId: c.source_location_id,
        approveNotes: c.approve_notes,
        approvedQuantity: Number(c.approved_quantity),
        remainderReason: c.remainder_reason ?? undefined,
      };
    case 'reject':
      return { rejectReason: c.reject_reason };
    case 'ship':
      return { shippedQuantity: Number(c.shipped_quantity), sourceLocationId: c.source_location_id };
    case 'receive':
      return { receivedQuantity: Number(c.received_quantity), shortReason: c.short_reason ?? undefined };
    default:
      return {};
  }
}

/** A card for a product that does not exist fails its foreign key: answer 404 like any unknown id. */
const unknownProduct = (e: unknown, productId: string): unknown =>
  isForeignKeyViolation(e) ? notFound('product', productId) : e;
