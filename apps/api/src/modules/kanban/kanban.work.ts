import { WORK_SECTION_LIMIT } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../core/context/request-context.js';
import type { WorkItemRow, WorkSectionRows } from '../work/work.types.js';

const CARDS = `select c.id, c.number, p.code as product_code,
                      coalesce(c.shipped_quantity, c.approved_quantity, c.quantity)::text as quantity, p.uom,
                      c.status::text as state, c.department, c.needed_by as at, count(*) over ()::int as total
                 from kanban_cards c join products p on p.id = c.product_id`;
const ORDER = `order by case c.priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end,
                        c.needed_by nulls last, c.created_at limit ${WORK_SECTION_LIMIT}`;

/**
 * Cards waiting for a person, by the same rules as the board's buttons: to approve (not their own
 * requests), to ship (the warehouse), to receive (their own department's).
 */
export async function kanbanWork(m: EntityManager, p: Principal): Promise<WorkSectionRows[]> {
  const reads: Array<Promise<WorkSectionRows>> = [];
  const read = (key: WorkSectionRows['key'], where: string, params: unknown[]) =>
    reads.push(
      (m.query(`${CARDS} where ${where} ${ORDER}`, params) as Promise<WorkItemRow[]>).then((rows) => ({
        key,
        kind: 'kanban_card' as const,
        rows,
      })),
    );
  if (p.permissions.has('kanban.approve'))
    read('cards_to_approve', `c.status = 'REQUESTED' and c.requested_by_id is distinct from $1`, [p.userId]);
  if (p.permissions.has('kanban.update') && (p.department === null || p.department === 'WAREHOUSE'))
    read('cards_to_ship', `c.status = 'APPROVED'`, []);
  if (p.permissions.has('kanban.update') && p.department !== null && p.department !== 'WAREHOUSE')
    read('cards_to_receive', `c.status = 'IN_TRANSIT' and c.department = $1`, [p.department]);
  return Promise.all(reads);
}
