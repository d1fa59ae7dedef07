import { Center, Group, Paper, RingProgress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Performance } from '../../api';
import { formatFraction, formatHours, formatNumber, formatShortDay } from '../shared/format';
import { ColumnChart } from './ColumnChart';

/** A ratio as a ring: green at 95% and above, orange from 80%, red below. */
function RatioRing({ label, value, hint }: { label: string; value: number | null; hint: string }) {
  const { t, i18n } = useTranslation();
  const color = value === null ? 'gray' : value >= 0.95 ? 'teal' : value >= 0.8 ? 'orange' : 'red';
  const text = value === null ? t('common.none') : formatFraction(value, i18n.language);
  return (
    <Paper p="sm" radius="md">
      <Group wrap="nowrap" gap="sm">
        <RingProgress
          size={86}
          thickness={9}
          roundCaps
          sections={[{ value: value === null ? 0 : Math.min(100, value * 100), color }]}
          label={
            <Center>
              <Text size="xs" fw={800}>
                {text}
              </Text>
            </Center>
          }
          aria-label={`${label}: ${text}`}
        />
        <div>
          <Text size="sm" fw={700}>
            {label}
          </Text>
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Paper p="sm" radius="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={24} fw={800} lh={1.3}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

/** Plan attainment, yield, on-time rate, cycle time and output of the period, and output per day. */
export function PerformancePanel({ performance }: { performance: Performance }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const p = performance;
  const days = p.throughput.length;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <RatioRing
          label={t('ppic.dashboard.planAttainment')}
          value={p.planAttainment}
          hint={t('ppic.dashboard.planAttainmentHint', {
            produced: formatNumber(p.producedQuantity, lang),
            planned: formatNumber(p.plannedQuantity, lang),
          })}
        />
        <RatioRing label={t('ppic.dashboard.yield')} value={p.yield} hint={t('ppic.dashboard.yieldHint')} />
        <RatioRing
          label={t('ppic.dashboard.onTime')}
          value={p.onTimeRate}
          hint={t('ppic.dashboard.onTimeHint')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Figure
          label={t('ppic.dashboard.cycleTime')}
          value={
            p.averageCycleHours === null
              ? t('common.none')
              : t('ppic.dashboard.hours', { value: formatHours(p.averageCycleHours, lang) })
          }
          hint={
            p.averageCycleHours === null
              ? t('ppic.dashboard.cycleTimeHint')
              : t('ppic.dashboard.inDays', { value: formatHours(p.averageCycleHours / 24, lang) })
          }
        />
        <Figure
          label={t('ppic.dashboard.completedOrders')}
          value={formatNumber(p.completedOrders, lang)}
          hint={t('ppic.dashboard.inPeriod')}
        />
        <Figure
          label={t('ppic.dashboard.produced')}
          value={formatNumber(p.producedQuantity, lang)}
          hint={t('ppic.dashboard.producedHint', { planned: formatNumber(p.plannedQuantity, lang) })}
        />
      </SimpleGrid>
      <Paper p="md" radius="md">
        <Title order={4} fz="sm" mb="sm">
          {t('ppic.dashboard.throughput')}
        </Title>
        {p.throughput.every((d) => d.produced === 0) ? (
          <Text size="sm" c="dimmed">
            {t('ppic.dashboard.noThroughput')}
          </Text>
        ) : (
          <ColumnChart
            title={t('ppic.dashboard.throughput')}
            valueLabel={t('ppic.dashboard.produced')}
            labelEvery={Math.max(1, Math.ceil(days / 10))}
            formatValue={(v) => formatNumber(v, lang)}
            columns={p.throughput.map((d) => ({
              key: d.day,
              label: formatShortDay(d.day, lang),
              value: d.produced,
              description: t('ppic.dashboard.throughputDay', {
                day: formatShortDay(d.day, lang),
                produced: formatNumber(d.produced, lang),
                count: d.completedOrders,
              }),
            }))}
          />
        )}
      </Paper>
    </Stack>
  );
}
