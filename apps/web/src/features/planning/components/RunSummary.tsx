import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/time';
import type { MrpRun } from '../api';

/** What the latest run planned, for which weeks, from which moment. */
export function RunSummary({ run }: { run: MrpRun }) {
  const { t, i18n } = useTranslation();
  const late = run.exceptions.filter((e) => e.type === 'LATE').length;
  const stats = [
    { label: t('planning.summary.make'), value: run.makeCount },
    { label: t('planning.summary.buy'), value: run.buyCount },
    { label: t('planning.summary.exceptions'), value: run.exceptionCount, alert: run.exceptionCount > 0 },
    { label: t('planning.summary.late'), value: late, alert: late > 0 },
    { label: t('planning.summary.products'), value: run.productCount },
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed" mb="sm">
        {t('planning.summary.asOf', {
          at: formatDateTime(run.asOf, i18n.language),
          user: run.createdBy?.username ?? '—',
          from: run.weeks[0],
          to: run.weeks[run.weeks.length - 1],
        })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md">
        {stats.map((s) => (
          <div key={s.label}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {s.label}
            </Text>
            <Text size="xl" fw={700} c={s.alert ? 'red.7' : undefined}>
              {s.value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
