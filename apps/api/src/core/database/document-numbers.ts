import type { EntityManager } from 'typeorm';

/**
 * The next document number of a kind for today in the factory's time zone, e.g. `KB-20261126-0001`.
 * The counter row is locked until the caller's transaction ends, so numbers never repeat.
 */
export async function nextDocumentNumber(
  manager: EntityManager,
  scope: string,
  digits: number,
): Promise<string> {
  const [row]: Array<{ day: string; value: number }> = await manager.query(
    `insert into document_counters (scope, day, value) values ($1, (now() at time zone 'Asia/Jakarta')::date, 1)
     on conflict (scope, day) do update set value = document_counters.value + 1
     returning to_char(day, 'YYYYMMDD') as day, value`,
    [scope],
  );
  return `${scope}-${row.day}-${String(row.value).padStart(digits, '0')}`;
}
