import type { EntityManager } from 'typeorm';

interface LotPassportRow {
  lot_id: string;
  code: string;
}

/** The passport codes of the lots that have one, by lot id (a carton label prints its QR). */
export async function passportCodesOfLots(
  m: EntityManager,
  lotIds: readonly string[],
): Promise<Map<string, string>> {
  if (lotIds.length === 0) return new Map();
  const rows: LotPassportRow[] = await m.query(
    `select lot_id, code from passports where lot_id = any($1::uuid[])`,
    [[...new Set(lotIds)]],
  );
  return new Map(rows.map((r) => [r.lot_id, r.code]));
}
