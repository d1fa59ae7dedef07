import { DEMO_PASSWORD, DEMO_USERS } from '@kapok/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashPassword } from '../core/auth/passwords.js';
import { seedBoms } from './bom.seed.js';
import { seedKanban } from './kanban.seed.js';
import { seedOrders } from './orders.seed.js';
import { seedPlanning } from './planning.seed.js';
import { seedPpic } from './ppic.seed.js';
import { seedQualityAfter, seedQualityBefore } from './quality.seed.js';
import { seedSubcon } from './subcon.seed.js';
import { seedShipping } from './shipping.seed.js';
import { seedWarehouse } from './warehouse.seed.js';

/**
 * The demo factory: idempotent, so it may run at every start; it only adds what is missing. It works
 * through the application's own services (from Nest's container), as a user would.
 */
export async function seedDemo(
  app: INestApplicationContext,
  log: (m: string) => void = () => undefined,
): Promise<void> {
  const ds = app.get(DataSource);
  const existing: Array<{ username: string }> = await ds.query('select username from users');
  const have = new Set(existing.map((u) => u.username));
  const missing = DEMO_USERS.filter((u) => !have.has(u.username));
  if (missing.length > 0) await seedUsers(ds, missing, log);
  await seedWarehouse(app, log);
  await seedBoms(app, log);
  await seedKanban(app, log);
  // Partners and the fabric order first: the history's orders consume the mill's released roll.
  await seedOrders(app, log);
  await seedQualityBefore(app, log);
  await seedPpic(app, log);
  await seedQualityAfter(app, log);
  await seedSubcon(app, log);
  await seedShipping(app, log);
  // Last: the plan reads everything seeded before it.
  await seedPlanning(app, log);
}

async function seedUsers(
  ds: DataSource,
  missing: typeof DEMO_USERS,
  log: (m: string) => void,
): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const user of missing) {
    await ds.query(
      `insert into users (username, full_name, password_hash, role_id, department)
       select $1, $2, $3, r.id, $5 from roles r where r.code = $4
       on conflict (username) do nothing`,
      [user.username, user.fullName, hash, user.role, user.department],
    );
  }
  log(`demo users added: ${missing.map((u) => u.username).join(', ')} (password "${DEMO_PASSWORD}")`);
}
