import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Department, Priority, Unit } from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import { isForeignKeyViolation } from '../../core/database/db-errors.js';
import { nextDocumentNumber } from '../../core/database/document-numbers.js';
import { Transactions } from '../../core/database/transactions.js';
import { notFound } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import { Locations, PostingHooks, type PostingTouched, Stock } from '../warehouse/index.js';
import type { RuleList, RuleQuery, RuleResponse, SetRuleRequest } from './dto/kanban.dto.js';
import { insertCards, type NewCardRecord, openCardQuantities } from './kanban.sql.js';
import { refuseFractionsOfProducts } from '../warehouse/index.js';

/** A `kanban_rules` row with its product. */
interface RuleRow {
  id: string;
  department: Department;
  product_id: string;
  reorder_point: string;
  order_quantity: string;
  priority: Priority;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  code: string;
  name: string;
  uom: Unit;
}

const RULE_SELECT = `select r.*, p.code, p.name, p.uom from kanban_rules r join products p on p.id = r.product_id`;

/**
 * Replenishment rules, and the posting hook that applies them: when a posting leaves a department
 * line below the reorder point — counting the open cards as supply — one automatic card is made.
 * The rule row is locked first, so two concurrent postings make one card, not two.
 */
@Injectable()
export class KanbanRulesService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly hooks: PostingHooks,
    private readonly locations: Locations,
    private readonly stock: Stock,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  onModuleInit(): void {
    this.hooks.register((m, touched) => this.replenish(m, touched));
  }

  async list(q: RuleQuery): Promise<RuleList> {
    const rows: RuleRow[] = await this.dataSource.query(
      `${RULE_SELECT} where ($1::department is null or r.department = $1) and ($2::uuid is null or r.product_id = $2)
        order by r.department, p.code`,
      [q.department ?? null, q.productId ?? null],
    );
    return { items: rows.map(ruleResponse), total: rows.length };
  }

  /** Creates or replaces the rule of a department × product, and applies it at once. */
  async set(body: SetRuleRequest): Promise<RuleResponse> {
    return this.tx.run(async (m) => {
      // A rule orders cards of this size: a fraction of a whole unit would become a fractional card.
      await refuseFractionsOfProducts(m, [
        { field: 'orderQuantity', quantity: body.orderQuantity, productId: body.productId },
        { field: 'reorderPoint', quantity: body.reorderPoint, productId: body.productId },
      ]);
      const [row]: RuleRow[] = await m
        .query(
          `with r as (
             insert into kanban_rules (department, product_id, reorder_point, order_quantity, priority, active) values ($1, $2, $3, $4, $5, $6)
             on conflict (department, product_id) do update set reorder_point = excluded.reorder_point, order_quantity = excluded.order_quantity,
               priority = excluded.priority, active = excluded.active, version = kanban_rules.version + 1, updated_at = now()
             returning *)
           select r.*, p.code, p.name, p.uom from r join products p on p.id = r.product_id`,
          [
            body.department,
            body.productId,
            body.reorderPoint,
            body.orderQuantity,
            body.priority ?? 'NORMAL',
            body.active ?? true,
          ],
        )
        .catch((e: unknown) =>
          Promise.reject(isForeignKeyViolation(e) ? notFound('product', body.productId) : e),
        );
      const line = await this.locations.line(body.department, m);
      if (line) await this.replenish(m, { productIds: [body.productId], locationIds: [line] });
      const after = ruleResponse(row);
      await this.audit.record(m, {
        action: 'kanban_rule.set',
        entityType: 'kanban_rule',
        entityId: row.id,
        after,
      });
      await this.events.publish(m, 'kanban_rule.set', [row.id]);
      return after;
    });
  }

  async remove(id: string): Promise<void> {
    await this.tx.run(async (m) => {
      const [[rule]]: [RuleRow[], number] = await m.query(
        'delete from kanban_rules where id = $1 returning *',
        [id],
      );
      if (!rule) throw notFound('kanban rule', id);
      await this.audit.record(m, {
        action: 'kanban_rule.deleted',
        entityType: 'kanban_rule',
        entityId: id,
        before: rule,
      });
      await this.events.publish(m, 'kanban_rule.deleted', [id]);
    });
  }

  /** The posting hook: one automatic card per rule whose line fell below its reorder point. */
  private async replenish(m: EntityManager, touched: PostingTouched): Promise<void> {
    if (touched.productIds.length === 0 || touched.locationIds.length === 0) return;
    const lines = new Map<string, string>();
    for (const id of touched.locationIds) {
      const l = await this.locations.find(id, m);
      if (l?.type === 'LINE' && l.department) lines.set(l.department, l.id);
    }
    if (lines.size === 0) return;
    const rules: Array<
      Pick<RuleRow, 'id' | 'department' | 'product_id' | 'reorder_point' | 'order_quantity' | 'priority'>
    > = await m.query(
      `select id, department, product_id, reorder_point, order_quantity, priority from kanban_rules
          where active and product_id = any($1::uuid[]) and department = any($2::department[])
          order by id
          for update`,
      [touched.productIds, [...lines.keys()]],
    );
    if (rules.length === 0) return;
    const lineOf = (d: string) => lines.get(d)!;
    const [free, openCards] = await Promise.all([
      this.stock.free(
        rules.map((r) => r.product_id),
        rules.map((r) => lineOf(r.department)),
        m,
      ),
      openCardQuantities(
        m,
        rules.map((r) => ({ department: r.department, productId: r.product_id })),
      ),
    ]);
    const cards: NewCardRecord[] = [];
    for (const rule of rules) {
      const onLine = free(rule.product_id, lineOf(rule.department));
      if (onLine.plus(openCards(rule.department, rule.product_id)).gte(rule.reorder_point)) continue;
      const code = (await this.locations.get(lineOf(rule.department), m)).code;
      cards.push({
        number: await nextDocumentNumber(m, 'KB', 4),
        department: rule.department,
        requestedById: null,
        productId: rule.product_id,
        quantity: rule.order_quantity,
        priority: rule.priority,
        neededBy: null,
        reason: `Automatic: ${code} at ${onLine.toNumber()} is below the reorder point ${new Decimal(rule.reorder_point).toNumber()}`,
        workOrderId: null,
        sourceLocationId: null,
        automatic: true,
        ruleId: rule.id,
      });
    }
    const created = await insertCards(m, cards);
    for (const card of created) {
      await this.audit.record(m, {
        action: 'kanban_card.created',
        entityType: 'kanban_card',
        entityId: card.id,
        after: { number: card.number, automatic: true, ruleId: card.rule_id, reason: card.reason },
        actor: null,
      });
    }
    if (created.length)
      await this.events.publish(
        m,
        'kanban_card.created',
        created.map((c) => c.id),
      );
  }
}

const ruleResponse = (r: RuleRow): RuleResponse => ({
  id: r.id,
  department: r.department,
  productId: r.product_id,
  productCode: r.code,
  productName: r.name,
  uom: r.uom,
  reorderPoint: Number(r.reorder_point),
  orderQuantity: Number(r.order_quantity),
  priority: r.priority,
  active: r.active,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});
