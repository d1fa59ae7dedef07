import type { Permission } from '@kapok/contracts';
import type { ReactNode } from 'react';
import { usePermission } from '../lib/auth';

/** Renders its children only for users holding `permission` (and `fallback` otherwise). */
export function Can({
  permission,
  children,
  fallback = null,
}: {
  permission: Permission;
  children: ReactNode;
  fallback?: ReactNode;
}) {
  return usePermission(permission) ? children : fallback;
}
