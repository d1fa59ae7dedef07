import type { EntityManager } from 'typeorm';

/** The company as a passport names it (admin owns `company_settings`). */
export interface CompanyRow {
  legal_name: string;
  address: string;
  operator_id: string;
  contact_email: string;
  contact_phone: string | null;
  website: string | null;
  version: number;
  updated_at: Date;
}

/** The settings, or null before they are first saved. `lock` takes the row for an update. */
export async function readCompany(m: EntityManager, lock = false): Promise<CompanyRow | null> {
  const [row]: CompanyRow[] = await m.query(
    `select legal_name, address, operator_id, contact_email, contact_phone, website, version, updated_at
       from company_settings where id = 1 ${lock ? 'for update' : ''}`,
  );
  return row ?? null;
}
