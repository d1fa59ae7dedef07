import { SEEDED_ROLES, type Permission } from '@kapok/contracts';
import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import i18n from './i18n';
import {
  session as appSession,
  type SessionManager,
  type SessionSnapshot,
  type SessionUser,
} from './session';

export interface SessionContextValue extends SessionSnapshot {
  manager: SessionManager;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

/** Publishes the session's state to React. */
export function SessionProvider({
  manager = appSession,
  children,
}: {
  manager?: SessionManager;
  children: ReactNode;
}) {
  const snapshot = useSyncExternalStore(manager.subscribe, manager.getSnapshot);
  return <SessionContext value={{ ...snapshot, manager }}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}

/** The signed-in user; only valid inside the signed-in shell. */
export function useCurrentUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser needs a signed-in user');
  return user;
}

export function hasPermission(user: SessionUser | null, permission: Permission): boolean {
  return !!user && (user.permissions as readonly string[]).includes(permission);
}

/** Whether the signed-in user holds `permission`; decides which buttons and pages are shown. */
export function usePermission(permission: Permission): boolean {
  return hasPermission(useSession().user, permission);
}

/**
 * A role's name for people: a seeded role in the user's language, unless an admin renamed it; any
 * other role as the admin named it (or its code when the name is not at hand).
 */
export function roleLabel(code: string, name?: string): string {
  const seeded = SEEDED_ROLES.find((r) => r.code === code);
  if (seeded && (name === undefined || name === seeded.name))
    return i18n.t(`roles.${code}`, { defaultValue: seeded.name });
  return name ?? code;
}
