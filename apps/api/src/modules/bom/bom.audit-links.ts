import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditLinks, auditLookup } from '../../core/audit/audit-links.js';

interface BomLinkRow {
  id: string;
  code: string;
  revision: number;
}

/** BOMs by their product code and revision. */
@Injectable()
export class BomAuditLinks implements OnModuleInit {
  constructor(private readonly links: AuditLinks) {}

  onModuleInit(): void {
    this.links.register(
      'bom',
      auditLookup<BomLinkRow>(
        `select b.id, p.code, b.revision from boms b join products p on p.id = b.product_id where b.id = any($1::uuid[])`,
        (r) => ({ label: `${r.code} rev ${r.revision}`, path: `/bom/${r.id}` }),
      ),
    );
  }
}
