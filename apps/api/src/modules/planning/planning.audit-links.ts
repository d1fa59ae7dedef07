import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditLinks, auditLookup } from '../../core/audit/audit-links.js';

interface RunLinkRow {
  id: string;
  today: string;
}
interface PlannedOrderLinkRow {
  id: string;
  product_code: string;
  week: string;
}

/** MRP runs by their planning day; planned orders by product and week. */
@Injectable()
export class PlanningAuditLinks implements OnModuleInit {
  constructor(private readonly links: AuditLinks) {}

  onModuleInit(): void {
    this.links.register(
      'mrp_run',
      auditLookup<RunLinkRow>(
        `select id, today::text as today from mrp_runs where id = any($1::uuid[])`,
        (r) => ({
          label: `MRP ${r.today}`,
          path: '/planning',
        }),
      ),
    );
    this.links.register(
      'mrp_planned_order',
      auditLookup<PlannedOrderLinkRow>(
        `select id, product_code, week from mrp_planned_orders where id = any($1::uuid[])`,
        (r) => ({ label: `${r.product_code} · ${r.week}`, path: '/planning' }),
      ),
    );
  }
}
