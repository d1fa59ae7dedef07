import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditLinks, auditLookup } from '../../core/audit/audit-links.js';

interface SalesOrderLinkRow {
  id: string;
  number: string;
}

/** Sales orders by number. */
@Injectable()
export class SalesAuditLinks implements OnModuleInit {
  constructor(private readonly links: AuditLinks) {}

  onModuleInit(): void {
    this.links.register(
      'sales_order',
      auditLookup<SalesOrderLinkRow>(
        `select id, number from sales_orders where id = any($1::uuid[])`,
        (r) => ({
          label: r.number,
          path: `/sales/orders/${r.id}`,
        }),
      ),
    );
  }
}
