import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditLinks } from '../../core/audit/audit-links.js';

interface CompanyLinkRow {
  legal_name: string;
}

/** The one company record is audited under the id `company`. */
@Injectable()
export class AdminAuditLinks implements OnModuleInit {
  constructor(private readonly links: AuditLinks) {}

  onModuleInit(): void {
    this.links.register('company', async (m, ids) => {
      if (!ids.includes('company')) return new Map();
      const [row]: CompanyLinkRow[] = await m.query(`select legal_name from company_settings limit 1`);
      return new Map(row ? [['company', { label: row.legal_name, path: '/admin/company' }]] : []);
    });
  }
}
