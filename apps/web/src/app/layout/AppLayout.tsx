import { ActionIcon, AppShell, Burger, Group, Text, Tooltip } from '@mantine/core';
import { useDisclosure, useLocalStorage } from '@mantine/hooks';
import { IconLayoutSidebarLeftCollapse, IconLayoutSidebarLeftExpand } from '@tabler/icons-react';
import type { KapokEvent } from '@kapok/contracts';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { PageErrorBoundary } from '../../components/ErrorBoundary';
import { KapokLogo } from '../../components/KapokLogo';
import { PageLoader } from '../../components/LoadingState';
import { useSession } from '../../lib/auth';
import { matchesPrefix, useLiveEvents } from '../../lib/live-events';
import { EVENT_ROUTES } from '../live-events';
import { Navigation } from './Navigation';
import { UserMenu } from './UserMenu';

// Notifications are shown by module pages only: the toaster (the notifications package, ~9 KB gzipped)
// loads with the first page other than home, so login + home do not fetch it; the store keeps anything
// shown before it mounts.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

/** The signed-in frame: brand and account in the header, modules on the side, the page in the middle. */
export function AppLayout() {
  const { t } = useTranslation();
  const { manager } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  // On a tablet the navigation can fold away to give the board and tables its width; the choice stays.
  const [navigation, setNavigation] = useLocalStorage({ key: 'kapok.navigation', defaultValue: 'open' });
  const navigationOpen = navigation !== 'closed';
  const navigationLabel = navigationOpen ? t('nav.collapse') : t('nav.expand');
  const { pathname } = useLocation();
  // Once mounted, the toaster stays (a page's notification outlives a navigation home).
  const [toaster, setToaster] = useState(pathname !== '/');
  if (pathname !== '/' && !toaster) setToaster(true);

  useLiveEvents(EVENT_ROUTES, (event: KapokEvent) => {
    // A role change may be the user's own: re-read the permissions the navigation is built from.
    if (matchesPrefix(event.type, 'role')) void manager.reloadUser().catch(() => undefined);
  });

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened, desktop: !navigationOpen } }}
      padding="lg"
      styles={{ main: { background: 'var(--mantine-color-gray-0)' } }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('common.openMenu')}
            />
            <Tooltip label={navigationLabel}>
              <ActionIcon
                visibleFrom="sm"
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={navigationLabel}
                aria-expanded={navigationOpen}
                onClick={() => setNavigation(navigationOpen ? 'closed' : 'open')}
              >
                {navigationOpen ? (
                  <IconLayoutSidebarLeftCollapse size={22} stroke={1.6} />
                ) : (
                  <IconLayoutSidebarLeftExpand size={22} stroke={1.6} />
                )}
              </ActionIcon>
            </Tooltip>
            <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }} aria-label="Kapok">
              <KapokLogo size={30} />
            </Link>
            <Text size="sm" c="dimmed" visibleFrom="md" ml="xs">
              {t('common.tagline')}
            </Text>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <Navigation onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <div style={{ maxWidth: 1280, margin: '0 auto' }}>
          <PageErrorBoundary resetKey={pathname}>
            <Suspense fallback={<PageLoader />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </div>
      </AppShell.Main>
      {toaster && (
        <Suspense fallback={null}>
          <Notifications position="top-right" />
        </Suspense>
      )}
    </AppShell>
  );
}
