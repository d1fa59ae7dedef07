import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Decimal } from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import type { SqlRow } from '../../core/database/sql-row.js';
import { Transactions } from '../../core/database/transactions.js';
import { notFound } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import { PostingHooks, type PostingTouched } from '../warehouse/stock/posting-hooks.js';
import type { RuleList, RuleQuery, RuleResponse, SetRuleRequest } from './dto/kanban.dto.js';
import { insertCard } from './kanban.cards.js';

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
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  onModuleInit(): void {
    this.hooks.register((m, touched) => this.replenish(m, touched));
  }

  async list(q: RuleQuery): Promise<RuleList> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.department) where.push(`r.department = $${params.push(q.department)}`);
    if (q.productId) where.push(`r.product_id = $${params.push(q.productId)}`);
    const rows: SqlRow[] = await this.dataSource.query(
      `${RULE_SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by r.department, p.code`,
      params,
    );
    return { items: rows.map(ruleRow), total: rows.length };
  }

  /** Creates or replaces the rule of a department × product, and applies it at once. */
  async set(body: SetRuleRequest): Promise<RuleResponse> {
    return this.tx.run(async (m) => {
      const [product] = await m.query('select id from products where id = $1', [body.productId]);
      if (!product) throw notFound('product', body.productId);
      const [{ id }] = await m.query(
        `insert into kanban_rules (department, product_id, reorder_point, order_quantity, priority, active) values ($1, $2, $3, $4, $5, $6)
         on conflict (department, product_id) do update set reorder_point = excluded.reorder_point, order_quantity = excluded.order_quantity,
           priority = excluded.priority, active = excluded.active, version = kanban_rules.version + 1, updated_at = now()
         returning id`,
        [
          body.department,
          body.productId,
          body.reorderPoint,
          body.orderQuantity,
          body.priority ?? 'NORMAL',
          body.active ?? true,
        ],
      );
      const [line] = await m.query(`select id from locations where type = 'LINE' and department = $1`, [
        body.department,
      ]);
      if (line) await this.replenish(m, { productIds: [body.productId], locationIds: [line.id] });
      const [row] = await m.query(`${RULE_SELECT} where r.id = $1`, [id]);
      const after = ruleRow(row);
      await this.audit.record(m, {
        action: 'kanban_rule.set',
        entityType: 'kanban_rule',
        entityId: id,
        after,
      });
      await this.events.publish(m, 'kanban.rule.updated', [id]);
      return after;
    });
  }

  async remove(id: string): Promise<void> {
    await this.tx.run(async (m) => {
      const [rule] = await m.query(
        'with d as (delete from kanban_rules where id = $1 returning *) select * from d',
        [id],
      );
      if (!rule) throw notFound('kanban rule', id);
      await this.audit.record(m, {
        action: 'kanban_rule.deleted',
        entityType: 'kanban_rule',
        entityId: id,
        before: rule,
      });
      await this.events.publish(m, 'kanban.rule.updated', [id]);
    });
  }

  private async replenish(m: EntityManager, touched: PostingTouched): Promise<void> {
    if (touched.productIds.length === 0 || touched.locationIds.length === 0) return;
    const rules: SqlRow[] = await m.query(
      `select r.id, r.department, r.product_id, r.reorder_point, r.order_quantity, r.priority, l.id as line_id, l.code as line_code
         from kanban_rules r join locations l on l.type = 'LINE' and l.department = r.department
        where r.active and r.product_id = any($1::uuid[]) and l.id = any($2::uuid[])
        order by r.id
        for update of r`,
      [touched.productIds, touched.locationIds],
    );
    const created: string[] = [];
    for (const rule of rules) {
      const [{ on_line, open_cards }] = await m.query(
        `select coalesce((select sum(on_hand - reserved) from stock_balances where product_id = $1 and location_id = $2), 0) as on_line,
                coalesce((select sum(quantity) from kanban_cards where product_id = $1 and department = $3
                           and status in ('REQUESTED', 'APPROVED', 'IN_TRANSIT')), 0) as open_cards`,
        [rule.product_id, rule.line_id, rule.department],
      );
      const supply = new Decimal(on_line).plus(open_cards);
      if (supply.gte(rule.reorder_point)) continue;
      created.push(
        await insertCard(m, {
          department: rule.department,
          requestedById: null,
          productId: rule.product_id,
          quantity: rule.order_quantity,
          priority: rule.priority,
          neededBy: null,
          reason: `Automatic: ${rule.line_code} at ${new Decimal(on_line).toNumber()} is below the reorder point ${new Decimal(rule.reorder_point).toNumber()}`,
          workOrderId: null,
          sourceLocationId: null,
          automatic: true,
          ruleId: rule.id,
        }),
      );
    }
    if (created.length) await this.events.publish(m, 'kanban.card.created', created);
  }
}

const ruleRow = (r: SqlRow): RuleResponse => ({
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
