import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PartnersFacts } from '../partners/partners.facts.js';
import type { SubconAlertList } from './dto/subcon.dto.js';
import { selectAlerts } from './subcon.sql.js';

/** The overdue alerts as the alerts page reads them. */
@Injectable()
export class SubconAlerts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly partners: PartnersFacts,
  ) {}

  async list(status: 'OPEN' | 'RESOLVED'): Promise<SubconAlertList> {
    const m = this.dataSource.manager;
    const rows = await selectAlerts(m, status);
    const partners = await this.partners.byIds(m, [...new Set(rows.map((r) => r.partner_id))]);
    const items = rows.map((r) => {
      const p = partners.get(r.partner_id);
      return {
        id: r.id,
        gatePassId: r.gate_pass_id,
        number: r.number,
        partner: { id: r.partner_id, code: p?.code ?? '', name: p?.name ?? '' },
        batchNumber: r.batch_number,
        outstandingQuantity: Number(r.outstanding_quantity),
        agreedDays: r.agreed_days,
        dueAt: r.due_at.toISOString(),
        status: r.status,
        resolvedAt: r.resolved_at?.toISOString() ?? null,
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
      };
    });
    return { items, total: items.length };
  }
}
