import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditLinks, auditLookup } from '../../core/audit/audit-links.js';

interface ProductLinkRow {
  id: string;
  code: string;
}
interface LabTestLinkRow {
  id: string;
  code: string;
  test_type: string;
}

/** Test plans by product code; lab tests by the product tested. */
@Injectable()
export class QualityAuditLinks implements OnModuleInit {
  constructor(private readonly links: AuditLinks) {}

  onModuleInit(): void {
    // A test plan is audited under its product's id.
    this.links.register(
      'test_plan',
      auditLookup<ProductLinkRow>(`select id, code from products where id = any($1::uuid[])`, (r) => ({
        label: r.code,
        path: '/quality',
      })),
    );
    this.links.register(
      'lab_test',
      auditLookup<LabTestLinkRow>(
        `select t.id, p.code, t.test_type from lab_tests t join products p on p.id = t.product_id where t.id = any($1::uuid[])`,
        (r) => ({ label: `${r.code} · ${r.test_type}`, path: '/quality' }),
      ),
    );
  }
}
