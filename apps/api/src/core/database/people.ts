import type { EntityManager } from 'typeorm';
import type { SqlRow } from './sql-row.js';

export interface PersonRef {
  id: string;
  username: string;
  fullName: string;
}

/** The users named in `columns` of `rows`, loaded in one query; returns a lookup by id. */
export async function people(
  m: EntityManager,
  rows: SqlRow[],
  columns: string[],
): Promise<(id: string | null) => PersonRef | null> {
  const ids = new Set<string>();
  for (const r of rows) for (const c of columns) if (r[c]) ids.add(r[c]);
  const users: Array<{ id: string; username: string; full_name: string }> = ids.size
    ? await m.query('select id, username, full_name from users where id = any($1::uuid[])', [[...ids]])
    : [];
  const byId = new Map(users.map((u) => [u.id, { id: u.id, username: u.username, fullName: u.full_name }]));
  return (id) => (id ? (byId.get(id) ?? null) : null);
}
