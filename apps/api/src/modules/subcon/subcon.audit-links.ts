import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditLinks, auditLookup } from '../../core/audit/audit-links.js';

interface GatePassLinkRow {
  id: string;
  number: string;
}

/** Gate passes by number; overdue alerts by their pass. */
@Injectable()
export class SubconAuditLinks implements OnModuleInit {
  constructor(private readonly links: AuditLinks) {}

  onModuleInit(): void {
    this.links.register(
      'gate_pass',
      auditLookup<GatePassLinkRow>(`select id, number from gate_passes where id = any($1::uuid[])`, (r) => ({
        label: r.number,
        path: `/subcon/gate-passes/${r.id}`,
      })),
    );
    this.links.register(
      'subcon_alert',
      auditLookup<GatePassLinkRow & { gate_pass_id: string }>(
        `select id, number, gate_pass_id from subcon_alerts where id = any($1::uuid[])`,
        (r) => ({ label: r.number, path: `/subcon/gate-passes/${r.gate_pass_id}` }),
      ),
    );
  }
}
