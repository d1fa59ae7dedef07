import { Injectable } from '@nestjs/common';
import type { QualityAlertStatus } from '@kapok/contracts';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import type { Principal } from '../../core/context/request-context.js';
import { People } from '../../core/database/people.js';
import { Transactions } from '../../core/database/transactions.js';
import { AppError, notFound } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import type { QualityAlertList, QualityAlertResponse } from './dto/quality.dto.js';
import {
  acknowledgeQualityAlert,
  lockQualityAlert,
  type QualityAlertRow,
  selectQualityAlerts,
} from './quality.sql.js';

/** CRITICAL quality alerts: opened by a failed metal detection, acknowledged by QC. */
@Injectable()
export class QualityAlerts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditWriter,
    private readonly people: People,
    private readonly events: EventPublisher,
  ) {}

  async list(status: QualityAlertStatus | undefined): Promise<QualityAlertList> {
    const items = await this.toResponses(await selectQualityAlerts(this.dataSource.manager, status, 200));
    return { items, total: items.length };
  }

  async acknowledge(
    id: string,
    note: string | undefined,
    principal: Principal,
  ): Promise<QualityAlertResponse> {
    const row = await this.tx.run(async (m) => {
      const alert = await lockQualityAlert(m, id);
      if (!alert) throw notFound('quality alert', id);
      if (alert.status !== 'OPEN')
        throw new AppError(409, 'INVALID_STATE', `The alert of ${alert.reference} is already acknowledged`, {
          currentState: alert.status,
          allowedFrom: ['OPEN'],
        });
      await acknowledgeQualityAlert(m, id, principal.userId, note?.trim() || null);
      await this.audit.record(m, {
        action: 'quality_alert.acknowledged',
        entityType: 'quality_alert',
        entityId: id,
        before: { status: 'OPEN' },
        after: { status: 'ACKNOWLEDGED', note: note?.trim() || null },
      });
      await this.events.publish(m, 'quality_alert.acknowledged', [id]);
      return (await lockQualityAlert(m, id))!;
    });
    return (await this.toResponses([row]))[0];
  }

  private async toResponses(rows: QualityAlertRow[]): Promise<QualityAlertResponse[]> {
    const who = await this.people.lookup(
      rows.map((r) => r.acknowledged_by_id).filter((u): u is string => !!u),
    );
    return rows.map((r) => ({
      id: r.id,
      level: 'CRITICAL',
      reason: r.reason,
      status: r.status,
      inspectionId: r.inspection_id,
      workOrderId: r.work_order_id,
      productId: r.product_id,
      productCode: r.product_code,
      reference: r.reference,
      pieces: r.pieces,
      openedAt: r.opened_at.toISOString(),
      acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
      acknowledgedByName: r.acknowledged_by_id ? (who(r.acknowledged_by_id)?.fullName ?? null) : null,
      acknowledgeNote: r.acknowledge_note,
    }));
  }
}
