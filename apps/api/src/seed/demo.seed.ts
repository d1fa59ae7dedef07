import { DEMO_PASSWORD, DEMO_USERS } from '@kapok/contracts';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../core/auth/passwords.js';
import { seedBoms } from './bom.seed.js';
import { seedKanban } from './kanban.seed.js';
import { seedPlanning } from './planning.seed.js';
import { seedPpic } from './ppic.seed.js';
import { seedWarehouse } from './warehouse.seed.js';

/** The demo factory: idempotent, so it may run at every start; it only adds what is missing. */
export async function seedDemo(ds: DataSource, log: (m: string) => void = () => undefined): Promise<void> {
  const existing: Array<{ username: string }> = await ds.query('select username from users');
  const have = new Set(existing.map((u) => u.username));
  const missing = DEMO_USERS.filter((u) => !have.has(u.username));
  if (missing.length > 0) await seedUsers(ds, missing, log);
  await seedWarehouse(ds, log);
  await seedBoms(ds, log);
  await seedKanban(ds, log);
  await seedPpic(ds, log);
  // Last: the plan reads everything seeded before it.
  await seedPlanning(ds, log);
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
