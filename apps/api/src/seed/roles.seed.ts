import { SEEDED_ROLES } from '@kapok/contracts';
import type { DataSource } from 'typeorm';

/** The roles of domain.md exist in every database; existing ones are left as an admin edited them. */
export async function ensureRoles(ds: DataSource): Promise<void> {
  for (const role of SEEDED_ROLES) {
    await ds.query(
      `insert into roles (code, name, permissions) values ($1, $2, $3) on conflict (code) do nothing`,
      [role.code, role.name, [...role.permissions].sort()],
    );
  }
}
