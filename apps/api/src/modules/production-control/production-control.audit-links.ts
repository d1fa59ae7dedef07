import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type AuditLink, AuditLinks, auditLookup } from '../../core/audit/audit-links.js';
import { Locations } from '../warehouse/index.js';

interface BlockLinkRow {
  id: string;
  batch_number: string;
  department: string;
}
interface AlarmLinkRow {
  id: string;
  handover_number: string;
  batch_number: string;
}

/**
 * Line blocks by the waiting batch and the line, segregation alarms by their handover and batch; a
 * production line (scrapped WIP) by its location code. All show on the line alerts page and the board.
 */
@Injectable()
export class ProductionControlAuditLinks implements OnModuleInit {
  constructor(
    private readonly links: AuditLinks,
    private readonly locations: Locations,
  ) {}

  onModuleInit(): void {
    this.links.register(
      'line_block',
      auditLookup<BlockLinkRow>(
        `select id, batch_number, department from line_blocks where id = any($1::uuid[])`,
        (r) => ({ label: `${r.batch_number} → ${r.department}`, path: '/production/alerts' }),
      ),
    );
    this.links.register(
      'segregation_alarm',
      auditLookup<AlarmLinkRow>(
        `select id, handover_number, batch_number from segregation_alarms where id = any($1::uuid[])`,
        (r) => ({ label: `${r.handover_number} · ${r.batch_number}`, path: '/production/alerts' }),
      ),
    );
    // A line is a location of the warehouse's (cached) directory: no query per entry.
    this.links.register('production_line', async (m, ids) => {
      const links = new Map<string, AuditLink>();
      for (const id of ids) {
        const line = await this.locations.find(id, m);
        if (line) links.set(id, { label: line.code, path: '/production/lines' });
      }
      return links;
    });
  }
}
