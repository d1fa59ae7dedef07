import { Alert, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { lineQueries } from '../api';

/** The line clearance and segregation check, shown before the handover is sent (issue 17). */
export function HandoverCheckNotice({ workOrderId }: { workOrderId: string }) {
  const { t } = useTranslation();
  const check = useQuery(lineQueries.handoverCheck(workOrderId));
  if (check.isPending)
    return (
      <Text size="sm" c="dimmed">
        <Loader size="xs" mr="xs" />
        {t('production.handover.checking')}
      </Text>
    );
  if (!check.data) return null;
  const c = check.data;
  const department = t(`departments.${c.toDepartment}`);
  if (c.result === 'BLOCKED' && !c.overridden) {
    const what = c.blocking.map((b) => `${b.batchNumber} (${b.articleCode}, ${b.quantity})`).join(', ');
    return (
      <Alert color="red" variant="light" icon={<IconBan />} data-testid="handover-check">
        {t('production.handover.checkBlocked', { department, what })}
      </Alert>
    );
  }
  if (c.result === 'BLOCKED')
    return (
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} data-testid="handover-check">
        {t('production.handover.checkOverridden')}
      </Alert>
    );
  if (c.result === 'ALARM') {
    const what = c.segregating
      .map((b) => `${b.batchNumber} (${b.destination ?? '–'}, ${b.week ?? '–'})`)
      .join(', ');
    return (
      <Alert color="orange" variant="light" icon={<IconAlertTriangle />} data-testid="handover-check">
        {t('production.handover.checkAlarm', { department, what })}
      </Alert>
    );
  }
  return (
    <Alert color="green" variant="light" icon={<IconCircleCheck />} data-testid="handover-check">
      {t('production.handover.checkClear', { department })}
    </Alert>
  );
}
