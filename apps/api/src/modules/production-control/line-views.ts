import { Injectable } from '@nestjs/common';
import type { EscalationRecipient } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import { People } from '../../core/database/people.js';
import type {
  EscalationResponse,
  EscalationStepResponse,
  LineBatchResponse,
  LineBlockResponse,
  SegregationAlarmResponse,
} from './dto/production-control.dto.js';
import type { LineBatch } from './line-occupancy.js';
import {
  type EscalationRow,
  type LineBlockRow,
  type OnLineSnapshot,
  type SegregationAlarmRow,
  selectEscalations,
} from './production-control.sql.js';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

export const snapshotOf = (b: LineBatch): OnLineSnapshot => ({
  moId: b.moId,
  batchNumber: b.batchNumber,
  articleCode: b.articleCode,
  destination: b.destination,
  week: b.week,
  quantity: b.quantity,
});

export const toBatch = (b: LineBatch): LineBatchResponse => ({
  moId: b.moId,
  batchNumber: b.batchNumber,
  moState: b.moState,
  articleId: b.articleId,
  articleCode: b.articleCode,
  articleName: b.articleName,
  destination: b.destination,
  week: b.week,
  quantity: b.quantity,
  items: b.items,
});

const toStep = (e: EscalationRow): EscalationStepResponse => ({
  step: e.step,
  recipient: e.recipient as EscalationRecipient,
  firedAt: new Date(e.fired_at).toISOString(),
});

/** Maps blocks and alarms to answers, with the people named and the escalations that fired. */
@Injectable()
export class LineViews {
  constructor(private readonly people: People) {}

  async blocks(
    m: EntityManager,
    rows: LineBlockRow[],
    onLineNow?: (department: string) => ReadonlySet<string>,
  ): Promise<LineBlockResponse[]> {
    const who = await this.people.lookup(
      rows.flatMap((r) => [r.sent_by_id, r.resolved_by_id]),
      m,
    );
    const steps = await this.steps(
      m,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      department: r.department,
      fromDepartment: r.from_department,
      fromWorkOrderId: r.from_work_order_id,
      moId: r.mo_id,
      batchNumber: r.batch_number,
      quantity: Number(r.quantity),
      onLine: r.on_line,
      state: r.state,
      attempts: r.attempts,
      lineCleared: onLineNow
        ? !r.blocking_mo_ids.some((id) => onLineNow(r.department).has(id))
        : r.state !== 'OPEN',
      sentBy: who(r.sent_by_id),
      resolvedBy: who(r.resolved_by_id),
      overrideReason: r.override_reason,
      handoverId: r.handover_id,
      escalations: steps.get(r.id) ?? [],
      createdAt: iso(r.created_at)!,
      lastAttemptAt: iso(r.last_attempt_at)!,
      resolvedAt: iso(r.resolved_at),
      updatedAt: iso(r.updated_at)!,
    }));
  }

  async alarms(m: EntityManager, rows: SegregationAlarmRow[]): Promise<SegregationAlarmResponse[]> {
    const who = await this.people.lookup(
      rows.flatMap((r) => [r.raised_by_id, r.acknowledged_by_id]),
      m,
    );
    const steps = await this.steps(
      m,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      handoverId: r.handover_id,
      handoverNumber: r.handover_number,
      department: r.department,
      fromDepartment: r.from_department,
      moId: r.mo_id,
      batchNumber: r.batch_number,
      destination: r.destination,
      week: r.week,
      reasons: r.reasons,
      onLine: r.on_line,
      state: r.state,
      method: r.method,
      notes: r.notes,
      raisedBy: who(r.raised_by_id),
      acknowledgedBy: who(r.acknowledged_by_id),
      acknowledgedAt: iso(r.acknowledged_at),
      escalations: steps.get(r.id) ?? [],
      createdAt: iso(r.created_at)!,
      updatedAt: iso(r.updated_at)!,
    }));
  }

  escalations(rows: EscalationRow[], open: ReadonlySet<string>): EscalationResponse[] {
    return rows.map((e) => ({
      ...toStep(e),
      id: e.id,
      subjectType: e.subject_type,
      subjectId: e.subject_id,
      department: e.department,
      batchNumber: e.batch_number,
      open: open.has(e.subject_id),
    }));
  }

  private async steps(m: EntityManager, ids: string[]): Promise<Map<string, EscalationStepResponse[]>> {
    const out = new Map<string, EscalationStepResponse[]>();
    for (const e of await selectEscalations(m, ids)) {
      out.set(e.subject_id, [...(out.get(e.subject_id) ?? []), toStep(e)]);
    }
    return out;
  }
}
