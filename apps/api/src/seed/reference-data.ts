import { SEEDED_ROLES } from '@kapok/contracts';
import type { DataSource } from 'typeorm';

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
