import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditLinks, auditLookup } from '../../core/audit/audit-links.js';

interface MoLinkRow {
  id: string;
  batch_number: string;
}
interface WorkOrderLinkRow {
  id: string;
  batch_number: string;
  department: string;
}
interface HandoverLinkRow {
  id: string;
  number: string;
  department: string;
}

/** Manufacturing orders by batch number; work orders and handovers on their department’s page. */
@Injectable()
export class PpicAuditLinks implements OnModuleInit {
  constructor(private readonly links: AuditLinks) {}

  onModuleInit(): void {
    this.links.register(
      'manufacturing_order',
      auditLookup<MoLinkRow>(
        `select id, batch_number from manufacturing_orders where id = any($1::uuid[])`,
        (r) => ({ label: r.batch_number, path: `/ppic/orders/${r.id}` }),
      ),
    );
    this.links.register(
      'work_order',
      auditLookup<WorkOrderLinkRow>(
        `select w.id, mo.batch_number, w.department
           from work_orders w join manufacturing_orders mo on mo.id = w.mo_id
          where w.id = any($1::uuid[])`,
        (r) => ({
          label: `${r.batch_number} · ${r.department}`,
          path: `/production?department=${r.department}`,
        }),
      ),
    );
    this.links.register(
      'handover',
      auditLookup<HandoverLinkRow>(
        `select h.id, h.number, w.department
           from handovers h join work_orders w on w.id = h.to_work_order_id
          where h.id = any($1::uuid[])`,
        (r) => ({ label: r.number, path: `/production?department=${r.department}` }),
      ),
    );
  }
}
