import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditWriter } from '../../../core/audit/audit.writer.js';
import { EventPublisher } from '../../../core/events/event-publisher.js';
import { Locations } from './location-directory.js';

interface ConsignmentRow {
  id: string;
  code: string;
  name: string;
  created: boolean;
}

/** The subcontractor a consignment location is made for (the partners module's record). */
export interface ConsignmentPartner {
  id: string;
  code: string;
  name: string;
}

/**
 * The SUBCONTRACTOR location of a partner: the factory's own stock held by a subcontractor, created the
 * first time goods go there (one per partner, a unique index), listed on the stock pages like any
 * location. Concurrent first sends create it once.
 */
@Injectable()
export class ConsignmentLocations {
  constructor(
    private readonly directory: Locations,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  /** The partner's consignment location, created in the caller's transaction when missing. */
  async ensure(m: EntityManager, partner: ConsignmentPartner): Promise<string> {
    const known = await this.directory.consignment(partner.id, m);
    if (known) return known;
    const code = `CONS-${partner.code}`.slice(0, 50);
    const name = `Subkon ${partner.name}`.slice(0, 120);
    const [row]: ConsignmentRow[] = await m.query(
      `with made as (
         insert into locations (code, name, type, partner_id, active)
         values ($2, $3, 'SUBCONTRACTOR', $1, true)
         on conflict (partner_id) where partner_id is not null do nothing
         returning id, code, name, true as created
       )
       select * from made
       union all
       select id, code, name, false from locations where partner_id = $1 and not exists (select 1 from made)`,
      [partner.id, code, name],
    );
    if (row.created) {
      await this.audit.record(m, {
        action: 'location.created',
        entityType: 'location',
        entityId: row.id,
        after: { code: row.code, name: row.name, type: 'SUBCONTRACTOR', partnerId: partner.id },
      });
      await this.events.publish(m, 'location.created', [row.id]);
      this.directory.invalidate();
    }
    return row.id;
  }
}
