import type { EntityManager } from 'typeorm';

export interface PassportRow {
  lot_id: string;
  code: string;
  issued_at: Date;
}

/** Issues the lot's passport with this code unless it has one; answers the lot's passport either way. */
export async function issuePassport(
  m: EntityManager,
  lotId: string,
  code: string,
  issuedById: string | null,
): Promise<{ row: PassportRow; created: boolean }> {
  const inserted: PassportRow[] = await m.query(
    `insert into passports (lot_id, code, issued_by_id) values ($1, $2, $3)
     on conflict (lot_id) do nothing returning lot_id, code, issued_at`,
    [lotId, code, issuedById],
  );
  if (inserted[0]) return { row: inserted[0], created: true };
  return { row: (await passportOfLot(m, lotId))!, created: false };
}

export async function passportOfLot(m: EntityManager, lotId: string): Promise<PassportRow | null> {
  const [row]: PassportRow[] = await m.query(
    `select lot_id, code, issued_at from passports where lot_id = $1`,
    [lotId],
  );
  return row ?? null;
}

export async function passportByCode(m: EntityManager, code: string): Promise<PassportRow | null> {
  const [row]: PassportRow[] = await m.query(
    `select lot_id, code, issued_at from passports where code = $1`,
    [code],
  );
  return row ?? null;
}
