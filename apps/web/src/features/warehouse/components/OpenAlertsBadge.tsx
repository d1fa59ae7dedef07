import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { alertQueries } from '../api';

/**
 * The number of OPEN stock alerts, for the navigation next to Warehouse; nothing when there are none.
 * Loaded on its own (lazily) so the shell stays small; live events keep it current.
 */
export function OpenAlertsBadge() {
  const { t } = useTranslation();
  const open = useQuery(alertQueries.openCount());
  if (!open.data) return null;
  return (
    <Badge
      size="sm"
      color="red"
      variant="filled"
      circle={open.data < 10}
      aria-label={t('nav.openAlerts', { count: open.data })}
    >
      {open.data}
    </Badge>
  );
}
