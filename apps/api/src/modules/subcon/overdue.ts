import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import { Transactions } from '../../core/database/transactions.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import { Jobs, jobTask } from '../../core/jobs/jobs.js';
import { PartnersFacts } from '../partners/partners.facts.js';
import { insertAlert, outstandingPasses, resolveAlerts, selectGatePass } from './subcon.sql.js';

/** The check of one OUT pass, due when its subcontractor's agreed days have passed. */
export const subconOverdue = jobTask<{ gatePassId: string }>('subcon.overdue');

/**
 * Stock held by a subcontractor beyond its agreed days (`subcontractAgreedDays` of the partner,
 * default 14): releasing an OUT pass queues a job at its due time on the PostgreSQL job queue (it
 * survives restarts and runs once with several API instances). When it runs and pieces of the pass
 * are still out — returns cover the oldest passes first — an alert opens (one per pass, an audit row
 * and `subcon_alert.opened`); the return that covers the pass resolves it.
 */
@Injectable()
export class SubconOverdue implements OnModuleInit {
  constructor(
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    private readonly jobs: Jobs,
    private readonly tx: Transactions,
    private readonly partners: PartnersFacts,
  ) {}

  onModuleInit(): void {
    this.jobs.register(subconOverdue, ({ gatePassId }) =>
      this.tx.run(async (m) => {
        await this.check(m, gatePassId);
      }),
    );
  }

  /** In the releasing transaction: a rolled-back release schedules nothing. */
  async schedule(m: EntityManager, gatePassId: string, dueAt: Date): Promise<void> {
    await this.jobs.add(
      m,
      subconOverdue,
      { gatePassId },
      { runAt: dueAt, jobKey: `subcon-overdue:${gatePassId}` },
    );
  }

  /** Opens the pass's alert if pieces are still at the subcontractor; true when it opened. */
  async check(m: EntityManager, gatePassId: string): Promise<boolean> {
    const pass = await selectGatePass(m, gatePassId);
    if (!pass || pass.direction !== 'OUT' || pass.state !== 'RELEASED' || !pass.due_at) return false;
    const row = (await outstandingPasses(m, pass.work_order_id)).find((r) => r.id === pass.id);
    if (!row || new Decimal(row.outstanding).lte(0)) return false;
    const partner = (await this.partners.byIds(m, [pass.partner_id])).get(pass.partner_id);
    const id = await insertAlert(m, {
      gatePassId: pass.id,
      partnerId: pass.partner_id,
      number: pass.number,
      batchNumber: pass.batch_number,
      outstanding: row.outstanding,
      agreedDays: partner?.subcontractAgreedDays ?? 14,
      dueAt: pass.due_at,
    });
    if (!id) return false;
    await this.audit.record(m, {
      action: 'subcon_alert.opened',
      entityType: 'subcon_alert',
      entityId: id,
      after: { gatePass: pass.number, partner: partner?.code, outstandingQuantity: row.outstanding },
      actor: null,
    });
    await this.events.publish(m, 'subcon_alert.opened', [id]);
    return true;
  }

  /** After a return: the alerts of passes now fully back are resolved. */
  async resolveCovered(m: EntityManager, workOrderId: string): Promise<void> {
    const covered = (await outstandingPasses(m, workOrderId))
      .filter((r) => new Decimal(r.outstanding).lte(0))
      .map((r) => r.id);
    const resolved = await resolveAlerts(m, covered);
    for (const id of resolved)
      await this.audit.record(m, {
        action: 'subcon_alert.resolved',
        entityType: 'subcon_alert',
        entityId: id,
        after: { status: 'RESOLVED' },
      });
    if (resolved.length) await this.events.publish(m, 'subcon_alert.resolved', resolved);
  }
}
