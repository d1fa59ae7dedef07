import { WORK_SECTION_LIMIT } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../core/context/request-context.js';
import { lotsWithStatus } from '../warehouse/lots/lot-quality.facts.js';
import type { WorkItemRow, WorkSectionRows } from '../work/work.types.js';

/**
 * What waits for quality: lots in quarantine to inspect (for inspectors) and open CRITICAL alerts (for
 * QC and the finishing supervisor).
 */
export async function qualityWork(m: EntityManager, p: Principal): Promise<WorkSectionRows[]> {
  const reads: Array<Promise<WorkSectionRows>> = [];
  if (p.permissions.has('quality.create')) reads.push(lotsToInspect(m));
  if (
    p.permissions.has('quality.create') ||
    (p.department === 'FINISHING' && p.permissions.has('production.approve'))
  )
    reads.push(openAlerts(m));
  return Promise.all(reads);
}

async function lotsToInspect(m: EntityManager): Promise<WorkSectionRows> {
  const lots = await lotsWithStatus(m, ['QUARANTINE']);
  const rows: WorkItemRow[] = lots.slice(0, WORK_SECTION_LIMIT).map((l) => ({
    id: l.id,
    number: l.lot_number,
    product_code: l.product_code,
    quantity: l.on_hand,
    uom: l.uom,
    state: l.quality_status,
    department: null,
    at: new Date(l.received_at),
    total: lots.length,
  }));
  return { key: 'lots_to_inspect', kind: 'lot', rows };
}

async function openAlerts(m: EntityManager): Promise<WorkSectionRows> {
  const rows: WorkItemRow[] = await m.query(
    `select a.id, a.reference as number, p.code as product_code, a.pieces::text as quantity, p.uom,
            'CRITICAL' as state, 'FINISHING'::department as department, a.opened_at as at, count(*) over ()::int as total
       from quality_alerts a join products p on p.id = a.product_id
      where a.status = 'OPEN' order by a.opened_at desc, a.id limit ${WORK_SECTION_LIMIT}`,
  );
  return { key: 'quality_alerts', kind: 'quality_alert', rows };
}
