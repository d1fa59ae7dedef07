import { NavLink, ScrollArea, Stack } from '@mantine/core';
import { IconHistory, IconHome, IconKey, IconShieldLock, IconUsers, IconWebhook } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../lib/auth';
import { modulesFor } from '../../lib/modules';

// The open-alert count loads after the shell, so the first page stays small; its one text is in the
// shell's own texts (`nav.openAlerts`), so the module pages' texts (~23 KB gzipped) wait for a module page.
const OpenAlertsBadge = lazy(() =>
  import('../../features/warehouse/components/OpenAlertsBadge').then((m) => ({ default: m.OpenAlertsBadge })),
);

const ADMIN_PAGES = [
  { path: '/admin/users', label: 'nav.users', icon: IconUsers },
  { path: '/admin/roles', label: 'nav.roles', icon: IconShieldLock },
  { path: '/admin/audit', label: 'nav.audit', icon: IconHistory },
  { path: '/admin/api-keys', label: 'nav.apiKeys', icon: IconKey },
  { path: '/admin/webhooks', label: 'nav.webhooks', icon: IconWebhook },
] as const;

/** The side navigation: only the modules the user's permissions open. */
export function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { pathname } = useLocation();
  const modules = modulesFor(user?.permissions ?? []);
  const within = (path: string) => pathname === path || pathname.startsWith(`${path}/`);

  return (
    <ScrollArea component="nav" aria-label={t('nav.label')} type="scroll">
      <Stack gap={2}>
        <NavLink
          component={Link}
          to="/"
          label={t('nav.home')}
          leftSection={<IconHome size={20} stroke={1.7} />}
          active={pathname === '/'}
          onClick={onNavigate}
        />
        {modules.map(({ key, path, icon: Icon }) =>
          key === 'admin' ? (
            <NavLink
              key={key}
              label={t('nav.admin')}
              leftSection={<Icon size={20} stroke={1.7} />}
              defaultOpened={within(path)}
              active={within(path)}
              variant="subtle"
              childrenOffset={28}
            >
              {ADMIN_PAGES.map((page) => (
                <NavLink
                  key={page.path}
                  component={Link}
                  to={page.path}
                  label={t(page.label)}
                  active={within(page.path)}
                  onClick={onNavigate}
                />
              ))}
            </NavLink>
          ) : (
            <NavLink
              key={key}
              component={Link}
              to={path}
              label={t(`nav.${key}`)}
              leftSection={<Icon size={20} stroke={1.7} />}
              rightSection={
                key === 'warehouse' ? (
                  <Suspense fallback={null}>
                    <OpenAlertsBadge />
                  </Suspense>
                ) : undefined
              }
              active={within(path)}
              onClick={onNavigate}
            />
          ),
        )}
      </Stack>
    </ScrollArea>
  );
}
