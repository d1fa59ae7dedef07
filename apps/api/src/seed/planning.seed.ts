import { MRP_DEFAULT_HORIZON_WEEKS } from '@kapok/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PartnersFacts } from '../modules/partners/partners.facts.js';
import { planAndSave } from '../modules/planning/mrp/plan-and-save.js';
import { PurchasingFacts } from '../modules/purchasing/purchasing.facts.js';
import { SalesFacts } from '../modules/sales/sales.facts.js';

/** The demo plan: one MRP run by the PPIC manager, so the planning page opens on a plan. Once only. */
export async function seedPlanning(app: INestApplicationContext, log: (m: string) => void): Promise<void> {
  const ds = app.get(DataSource);
  const [existing] = await ds.query('select 1 from mrp_runs limit 1');
  if (existing) return;
  const [planner]: Array<{ id: string }> = await ds.query(`select id from users where username = 'ppic'`);
  const sources = {
    sales: app.get(SalesFacts, { strict: false }),
    purchasing: app.get(PurchasingFacts, { strict: false }),
    partners: app.get(PartnersFacts, { strict: false }),
  };
  const { result } = await ds.transaction('REPEATABLE READ', (m) =>
    planAndSave(m, MRP_DEFAULT_HORIZON_WEEKS, planner?.id ?? null, sources),
  );
  log(`demo MRP run: ${result.plannedOrders.length} planned orders, ${result.exceptions.length} exceptions`);
}
