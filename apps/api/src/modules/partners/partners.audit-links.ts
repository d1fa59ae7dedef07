import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditLinks, auditLookup } from '../../core/audit/audit-links.js';

interface PartnerLinkRow {
  id: string;
  code: string;
}
interface SupplierItemLinkRow {
  id: string;
  supplier_id: string;
  supplier_code: string;
  product_code: string;
}

/** Partners by code; a supplier item on its supplier’s page. */
@Injectable()
export class PartnersAuditLinks implements OnModuleInit {
  constructor(private readonly links: AuditLinks) {}

  onModuleInit(): void {
    this.links.register(
      'partner',
      auditLookup<PartnerLinkRow>(`select id, code from partners where id = any($1::uuid[])`, (r) => ({
        label: r.code,
        path: `/partners/${r.id}`,
      })),
    );
    this.links.register(
      'supplier_item',
      auditLookup<SupplierItemLinkRow>(
        `select i.id, i.supplier_id, s.code as supplier_code, p.code as product_code
           from supplier_items i join partners s on s.id = i.supplier_id join products p on p.id = i.product_id
          where i.id = any($1::uuid[])`,
        (r) => ({ label: `${r.supplier_code} · ${r.product_code}`, path: `/partners/${r.supplier_id}` }),
      ),
    );
  }
}
