import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { SessionProvider, useSession } from '../lib/auth';
import i18n from '../lib/i18n';
import type { SessionManager } from '../lib/session';
import { theme } from './theme';

/** Nothing of one user's data outlives their session in this tab. */
function ClearCacheOnSignOut({ queryClient }: { queryClient: QueryClient }) {
  const { status } = useSession();
  useEffect(() => {
    if (status === 'signed-out') queryClient.clear();
  }, [status, queryClient]);
  return null;
}

export function AppProviders({
  queryClient,
  session,
  children,
}: {
  queryClient: QueryClient;
  session?: SessionManager;
  children: ReactNode;
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <SessionProvider manager={session}>
            <ClearCacheOnSignOut queryClient={queryClient} />
            {children}
          </SessionProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
