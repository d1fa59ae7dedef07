import { Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { KapokMark } from '../components/KapokLogo';
import { useSession } from '../lib/auth';

/** Signed-in pages: wait for the session to be restored, otherwise go to the login page and come back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { status, reason } = useSession();
  const location = useLocation();

  if (status === 'restoring')
    return (
      <Center h="100dvh">
        <Stack align="center" gap="md" role="status">
          <KapokMark size={56} />
          <Loader size="sm" type="dots" />
          <Text size="sm" c="dimmed">
            {t('auth.restoring')}
          </Text>
        </Stack>
      </Center>
    );
  if (status === 'signed-out') {
    const from = `${location.pathname}${location.search}`;
    // After "Sign out" the next person starts at home, not on the previous user's page.
    return <Navigate to="/login" replace state={reason === 'logged-out' ? null : { from }} />;
  }
  return children;
}
