import { isLineDepartment, WORK_SECTION_LIMIT } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../../core/context/request-context.js';
import type { WorkItemRow, WorkSectionRows } from '../../work/work.types.js';

/**
 * What waits for a person in PPIC and production: orders to approve (not their own) or to start, and
 * for a line department its work orders to work and the handovers to count in. One statement per
 * section, each with its total.
 */
export async function ppicWork(m: EntityManager, p: Principal): Promise<WorkSectionRows[]> {
  const reads: Array<Promise<WorkSectionRows>> = [];
  const line = isLineDepartment(p.department) ? p.department : null;
  if (p.permissions.has('ppic.approve'))
    reads.push(
      section(
        m,
        'mos_to_approve',
        'manufacturing_order',
        `${MO} and mo.state = 'DRAFT' and mo.created_by_id is distinct from $1 ${MO_ORDER}`,
        [p.userId],
      ),
    );
  if (p.permissions.has('ppic.update') && !line)
    reads.push(
      section(m, 'mos_to_start', 'manufacturing_order', `${MO} and mo.state = 'APPROVED' ${MO_ORDER}`, []),
    );
  if (line && p.permissions.has('production.update')) {
    reads.push(
      section(
        m,
        'work_orders',
        'work_order',
        `select wo.id, mo.batch_number as number, coalesce(op.code, p.code) as product_code,
                (wo.input_qty - wo.good_qty - wo.reject_qty)::text as quantity, coalesce(op.uom, p.uom) as uom,
                wo.state::text as state, wo.department, mo.due_date::timestamptz as at, count(*) over ()::int as total
           from work_orders wo join manufacturing_orders mo on mo.id = wo.mo_id
           join products p on p.id = mo.product_id left join products op on op.id = wo.output_product_id
          where wo.department = $1 and wo.state in ('READY', 'IN_PROGRESS') and mo.state = 'IN_PROGRESS'
          order by mo.due_date nulls last, mo.batch_number`,
        [line],
      ),
      section(
        m,
        'incoming_handovers',
        'handover',
        `select h.id, h.number, coalesce(op.code, p.code) as product_code, h.quantity::text as quantity,
                coalesce(op.uom, p.uom) as uom, h.state::text as state, f.department, h.created_at as at,
                count(*) over ()::int as total
           from handovers h join work_orders f on f.id = h.from_work_order_id join work_orders t on t.id = h.to_work_order_id
           join manufacturing_orders mo on mo.id = t.mo_id join products p on p.id = mo.product_id
           left join products op on op.id = f.output_product_id
          where t.department = $1 and h.state = 'PENDING'
          order by h.created_at`,
        [line],
      ),
    );
  }
  return Promise.all(reads);
}

const MO = `select mo.id, mo.batch_number as number, p.code as product_code, mo.qty_planned::text as quantity, p.uom,
                   mo.state::text as state, null::department as department, mo.due_date::timestamptz as at,
                   count(*) over ()::int as total
              from manufacturing_orders mo join products p on p.id = mo.product_id
             where true`;
const MO_ORDER = 'order by mo.due_date nulls last, mo.created_at';

async function section(
  m: EntityManager,
  key: WorkSectionRows['key'],
  kind: WorkSectionRows['kind'],
  sql: string,
  params: unknown[],
): Promise<WorkSectionRows> {
  const rows: WorkItemRow[] = await m.query(`${sql} limit ${WORK_SECTION_LIMIT}`, params);
  return { key, kind, rows };
}
