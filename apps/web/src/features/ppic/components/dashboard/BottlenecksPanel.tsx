import { Alert, Badge, Group, Progress, Table, Text, Tooltip } from '@mantine/core';
import { IconHourglassHigh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Bottlenecks } from '../../api';
import { formatFraction, formatHours, formatNumber } from '../shared/format';
import { Legend } from './Legend';

/**
 * Per department: how long work waits before it starts there and how long it takes (as one bar, so the
 * departments compare at a glance), what is queued now, and how busy it was. The bottleneck is named.
 */
export function BottlenecksPanel({ bottlenecks }: { bottlenecks: Bottlenecks }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const hours = (v: number | null) =>
    v === null ? t('common.none') : t('ppic.dashboard.hours', { value: formatHours(v, lang) });
  const longest = Math.max(
    1,
    ...bottlenecks.departments.map((d) => (d.averageWaitHours ?? 0) + (d.averageProcessingHours ?? 0)),
  );
  const worst = bottlenecks.departments.find((d) => d.department === bottlenecks.bottleneck);

  return (
    <>
      {worst ? (
        <Alert color="orange" variant="light" icon={<IconHourglassHigh />} mb="sm" role="status">
          <Text size="sm" fw={700}>
            {t('ppic.dashboard.bottleneckIs', { department: t(`departments.${worst.department}`) })}
          </Text>
          <Text size="sm">
            {t('ppic.dashboard.bottleneckWhy', {
              wait: hours(worst.averageWaitHours),
              queued: formatNumber(worst.queuedQuantity, lang),
              orders: worst.queuedOrders,
            })}
          </Text>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed" mb="sm">
          {t('ppic.dashboard.noBottleneck')}
        </Text>
      )}
      <Legend
        items={[
          { label: t('ppic.dashboard.waiting'), color: 'orange-5' },
          { label: t('ppic.dashboard.processing'), color: 'blue-6' },
        ]}
      />
      <Table.ScrollContainer minWidth={520}>
        <Table aria-label={t('ppic.dashboard.bottlenecks')} verticalSpacing={6} highlightOnHover={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ppic.dashboard.department')}</Table.Th>
              <Table.Th>{t('ppic.dashboard.waitAndWork')}</Table.Th>
              <Table.Th ta="right">{t('ppic.dashboard.queued')}</Table.Th>
              <Table.Th ta="right">{t('ppic.dashboard.utilisation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bottlenecks.departments.map((d) => {
              const isWorst = d.department === bottlenecks.bottleneck;
              const wait = d.averageWaitHours ?? 0;
              const work = d.averageProcessingHours ?? 0;
              return (
                <Table.Tr key={d.department} bg={isWorst ? 'var(--mantine-color-orange-0)' : undefined}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={isWorst ? 700 : 500}>
                        {t(`departments.${d.department}`)}
                      </Text>
                      {isWorst && (
                        <Badge size="xs" color="orange" tt="none">
                          {t('ppic.dashboard.bottleneck')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td w="45%">
                    <Tooltip
                      withArrow
                      label={t('ppic.dashboard.waitWorkTip', {
                        wait: hours(d.averageWaitHours),
                        work: hours(d.averageProcessingHours),
                      })}
                    >
                      <Progress.Root size="lg">
                        <Progress.Section value={(wait / longest) * 100} color="orange.5" />
                        <Progress.Section value={(work / longest) * 100} color="blue.6" />
                      </Progress.Root>
                    </Tooltip>
                    <Text size="xs" c="dimmed" mt={2}>
                      {t('ppic.dashboard.waitWorkTip', {
                        wait: hours(d.averageWaitHours),
                        work: hours(d.averageProcessingHours),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{formatNumber(d.queuedQuantity, lang)}</Text>
                    <Text size="xs" c="dimmed">
                      {t('ppic.dashboard.ordersCount', { count: d.queuedOrders })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{formatFraction(d.utilisation, lang, 0)}</Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
