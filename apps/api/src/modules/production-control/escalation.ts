import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LINE_BLOCK_ESCALATION, SEGREGATION_ESCALATION, type EscalationStep } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import { Transactions } from '../../core/database/transactions.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import { Jobs, jobTask } from '../../core/jobs/jobs.js';
import { LineOccupancyReader } from './line-occupancy.js';
import { insertEscalation, selectAlarms, selectBlocks } from './production-control.sql.js';

export type EscalationSubject = 'line_block' | 'segregation_alarm';

export const STEPS: Record<EscalationSubject, readonly EscalationStep[]> = {
  line_block: LINE_BLOCK_ESCALATION,
  segregation_alarm: SEGREGATION_ESCALATION,
};

/** One escalation step of a block or alarm, due `afterMinutes` after it opened. */
export const escalateLine = jobTask<{ subject: EscalationSubject; id: string; step: number }>(
  'production-control.escalate',
);

/**
 * Escalation of open blocks and alarms by time (SOP QT-09): each step fires once (a unique row per
 * subject and step) and only while its subject is still open; a fired step is an audit row, an event
 * (`line_block.escalated`, `segregation_alarm.escalated`) and an entry on the alerts page.
 */
@Injectable()
export class EscalationScheduler implements OnModuleInit {
  constructor(
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    private readonly jobs: Jobs,
    private readonly tx: Transactions,
    private readonly occupancy: LineOccupancyReader,
  ) {}

  onModuleInit(): void {
    this.jobs.register(escalateLine, ({ subject, id, step }) =>
      this.tx.run(async (m) => {
        await this.fire(m, subject, id, step);
      }),
    );
  }

  /**
   * In the command's transaction that opened the subject: every step queued with its time (the queue
   * survives restarts; a rolled-back command schedules nothing).
   */
  async schedule(m: EntityManager, subject: EscalationSubject, id: string): Promise<void> {
    const opened = Date.now();
    for (const s of STEPS[subject]) {
      await this.jobs.add(
        m,
        escalateLine,
        { subject, id, step: s.step },
        { runAt: new Date(opened + s.afterMinutes * 60_000), jobKey: `escalate:${subject}:${id}:${s.step}` },
      );
    }
  }

  /** Fires one step if its subject is still open and it has not fired; true when it fired. */
  async fire(m: EntityManager, subject: EscalationSubject, id: string, step: number): Promise<boolean> {
    const rule = STEPS[subject].find((s) => s.step === step);
    if (!rule) return false;
    const open =
      subject === 'line_block'
        ? (await selectBlocks(m, `id = $1 and state = 'OPEN'`, [id]))[0]
        : (await selectAlarms(m, `id = $1 and state = 'OPEN'`, [id]))[0];
    if (!open) return false;
    if ('blocking_mo_ids' in open) {
      // The line was cleared (its WIP handed on or scrapped): nothing to escalate, the sender may send.
      const [line] = await this.occupancy.read(m, open.department);
      if (!line?.batches.some((b) => open.blocking_mo_ids.includes(b.moId))) return false;
    }
    const fired = await insertEscalation(m, {
      subject_type: subject,
      subject_id: id,
      step,
      recipient: rule.recipient,
      department: open.department,
      batch_number: open.batch_number,
    });
    if (!fired) return false;
    await this.audit.record(m, {
      action: `${subject}.escalated`,
      entityType: subject,
      entityId: id,
      after: { step, recipient: rule.recipient, afterMinutes: rule.afterMinutes },
      actor: null,
    });
    await this.events.publish(
      m,
      subject === 'line_block' ? 'line_block.escalated' : 'segregation_alarm.escalated',
      [id],
    );
    return true;
  }
}
