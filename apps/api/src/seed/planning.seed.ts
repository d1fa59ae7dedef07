import { MRP_DEFAULT_HORIZON_WEEKS } from '@kapok/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { planAndSave } from '../modules/planning/mrp/plan-and-save.js';

/** The demo plan: one MRP run by the PPIC manager, so the planning page opens on a plan. Once only. */
export async function seedPlanning(app: INestApplicationContext, log: (m: string) => void): Promise<void> {
  const ds = app.get(DataSource);
  const [existing] = await ds.query('select 1 from mrp_runs limit 1');
  if (existing) return;
  const [planner]: Array<{ id: string }> = await ds.query(`select id from users where username = 'ppic'`);
  const { result } = await ds.transaction('REPEATABLE READ', (m) =>
    planAndSave(m, MRP_DEFAULT_HORIZON_WEEKS, planner?.id ?? null),
  );
  log(`demo MRP run: ${result.plannedOrders.length} planned orders, ${result.exceptions.length} exceptions`);
}
