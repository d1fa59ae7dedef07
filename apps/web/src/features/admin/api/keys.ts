import type { Department, PermissionModule } from '@kapok/contracts';

export interface UserFilters {
  search?: string;
  role?: string;
  department?: Department;
  active?: boolean;
  skip: number;
  limit: number;
}

export interface AuditFilters {
  module?: PermissionModule;
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  /** UTC ISO instants. */
  from?: string;
  to?: string;
  /** Sign-ins are left out unless asked for. */
  includeLogins?: boolean;
  skip: number;
  limit: number;
}

/** Every admin query key is made here; invalidating a root refreshes everything under it. */
export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userList: (filters: UserFilters) => [...adminKeys.users(), 'list', filters] as const,
  user: (id: string) => [...adminKeys.users(), 'detail', id] as const,
  roles: () => [...adminKeys.all, 'roles'] as const,
  audit: () => [...adminKeys.all, 'audit'] as const,
  auditList: (filters: AuditFilters) => [...adminKeys.audit(), 'list', filters] as const,
  apiKeys: () => [...adminKeys.all, 'api-keys'] as const,
  webhooks: () => [...adminKeys.all, 'webhooks'] as const,
  webhookList: () => [...adminKeys.webhooks(), 'list'] as const,
  deliveries: (id: string, skip: number, limit: number) =>
    [...adminKeys.webhooks(), 'deliveries', id, skip, limit] as const,
};
