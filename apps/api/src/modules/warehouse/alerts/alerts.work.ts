import { WORK_SECTION_LIMIT } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../../core/context/request-context.js';
import type { WorkItemRow, WorkSectionRows } from '../../work/work.types.js';

/** Open stock alerts, worst first, for those who acknowledge them (warehouse.update). */
export async function alertWork(m: EntityManager, p: Principal): Promise<WorkSectionRows[]> {
  if (!p.permissions.has('warehouse.update')) return [];
  const rows: WorkItemRow[] = await m.query(
    `select a.id, coalesce(l.code, '') as number, pr.code as product_code, a.available_now::text as quantity, pr.uom,
            a.level::text as state, l.department, a.opened_at as at, count(*) over ()::int as total
       from stock_alerts a join products pr on pr.id = a.product_id left join locations l on l.id = a.location_id
      where a.status = 'OPEN'
      order by case a.level when 'OUT' then 0 when 'CRITICAL' then 1 when 'LOW' then 2 else 3 end, a.opened_at
      limit ${WORK_SECTION_LIMIT}`,
  );
  return [{ key: 'open_alerts', kind: 'stock_alert', rows }];
}
