import { SEEDED_ROLES } from '@kapok/contracts';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../core/auth/passwords.js';

const VIRTUAL_LOCATIONS = [
  { code: 'SUPPLIER', name: 'Suppliers', type: 'SUPPLIER' },
  { code: 'CUSTOMER', name: 'Customers', type: 'CUSTOMER' },
  { code: 'PRODUCTION', name: 'Production (consumed and produced)', type: 'PRODUCTION' },
  { code: 'LOSS', name: 'Inventory loss and scrap', type: 'LOSS' },
] as const;

/**
 * What every database needs, demo or not: the roles of domain.md (existing ones are left as an admin
 * edited them) and the virtual locations stock comes from and goes to.
 */
export async function ensureReferenceData(ds: DataSource): Promise<void> {
  for (const role of SEEDED_ROLES) {
    await ds.query(
      `insert into roles (code, name, permissions) values ($1, $2, $3) on conflict (code) do nothing`,
      [role.code, role.name, [...role.permissions].sort()],
    );
  }
  for (const l of VIRTUAL_LOCATIONS) {
    await ds.query(
      `insert into locations (code, name, type) select $1, $2, $3::location_type
        where not exists (select 1 from locations where type = $3::location_type)`,
      [l.code, l.name, l.type],
    );
  }
}

/** A fresh production database has no user: the first superadmin comes from KAPOK_BOOTSTRAP_ADMIN_PASSWORD. */
export async function bootstrapAdmin(
  ds: DataSource,
  password: string | undefined,
  log: (m: string) => void,
): Promise<void> {
  if (!password) return;
  const [{ n }] = await ds.query('select count(*)::int as n from users');
  if (n > 0) return;
  await ds.query(
    `insert into users (username, full_name, password_hash, role_id) select 'admin', 'Administrator', $1, id from roles where code = 'superadmin'`,
    [await hashPassword(password)],
  );
  log(
    'created the first superadmin "admin" from KAPOK_BOOTSTRAP_ADMIN_PASSWORD; change the password after signing in',
  );
}
