import type { Permission } from '@kapok/contracts';
import type { DataSource } from 'typeorm';
import type { Principal } from '../core/context/request-context.js';

/** A demo user as the services see the caller: the seeds act through the services, as that user. */
export async function principal(ds: DataSource, username: string): Promise<Principal> {
  const [u] = await ds.query(
    `select u.id, u.username, u.department, r.code, r.permissions from users u join roles r on r.id = u.role_id where u.username = $1`,
    [username],
  );
  return {
    userId: u.id,
    username: u.username,
    sessionId: 'demo-seed',
    roleCode: u.code,
    department: u.department,
    permissions: new Set<Permission>(u.permissions),
  };
}
