import type { Permission } from '@kapok/contracts';
import type { ReactNode } from 'react';
import { usePermission } from '../lib/auth';
import { NoAccessPage } from './AccessPages';

/** A route's guard: the page for users holding `permission`, the no-access page for the rest. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return usePermission(permission) ? children : <NoAccessPage permission={permission} />;
}
