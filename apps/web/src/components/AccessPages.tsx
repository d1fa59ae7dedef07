import { Button, EmptyState } from '@mantine/core';
import { IconLock, IconMapOff } from '@tabler/icons-react';
import type { Permission } from '@kapok/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roleLabel, useSession } from '../lib/auth';

export function NoAccessPage({ permission }: { permission: Permission }) {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <EmptyState py={80} variant="light" color="red">
      <EmptyState.Indicator>
        <IconLock />
      </EmptyState.Indicator>
      <EmptyState.Title order={2}>{t('access.noAccessTitle')}</EmptyState.Title>
      <EmptyState.Description>
        {t('access.noAccessBody', { role: user ? roleLabel(user.role) : '', permission })}
      </EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/">
          {t('access.backHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState py={80} withIndicatorBackground>
      <EmptyState.Indicator>
        <IconMapOff />
      </EmptyState.Indicator>
      <EmptyState.Title order={2}>{t('access.notFoundTitle')}</EmptyState.Title>
      <EmptyState.Description>{t('access.notFoundBody')}</EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/">
          {t('access.backHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
