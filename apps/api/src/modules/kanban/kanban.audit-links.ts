import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditLinks, auditLookup } from '../../core/audit/audit-links.js';

interface CardLinkRow {
  id: string;
  number: string;
  department: string;
}
interface RuleLinkRow {
  id: string;
  code: string;
  department: string;
}

/** Kanban cards by number and rules by product, on their department’s board. */
@Injectable()
export class KanbanAuditLinks implements OnModuleInit {
  constructor(private readonly links: AuditLinks) {}

  onModuleInit(): void {
    this.links.register(
      'kanban_card',
      auditLookup<CardLinkRow>(
        `select id, number, department from kanban_cards where id = any($1::uuid[])`,
        (r) => ({ label: r.number, path: `/kanban?department=${r.department}` }),
      ),
    );
    this.links.register(
      'kanban_rule',
      auditLookup<RuleLinkRow>(
        `select r.id, p.code, r.department from kanban_rules r join products p on p.id = r.product_id where r.id = any($1::uuid[])`,
        (r) => ({ label: `${r.code} · ${r.department}`, path: `/kanban?department=${r.department}` }),
      ),
    );
  }
}
