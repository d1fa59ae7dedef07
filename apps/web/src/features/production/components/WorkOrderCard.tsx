import { Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconClipboardCheck, IconPlayerPlay } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/time';
import type { WorkOrder } from '../api';
import { formatNumber } from '../../../lib/quantity';
import { WORK_ORDER_COLORS } from './shared';

function Figure({ label, value, color }: { label: string; value: ReactNode; color?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz="xl" fw={800} c={color} lh={1.2}>
        {value}
      </Text>
    </div>
  );
}

/** One work order on the line's tablet: how far it is, and big buttons for what the line can do now. */
export function WorkOrderCard({
  workOrder: wo,
  starting,
  onStart,
  onOutput,
  onHandover,
}: {
  workOrder: WorkOrder;
  starting: boolean;
  onStart: () => void;
  onOutput: () => void;
  onHandover: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const target = wo.targetQuantity || 1;
  const good = Math.min(100, (wo.goodQuantity / target) * 100);
  const reject = Math.min(100 - good, (wo.rejectedQuantity / target) * 100);

  return (
    <Paper
      p="md"
      radius="md"
      component="article"
      aria-label={`${wo.batchNumber} · ${t(`production.state.${wo.state}`)}`}
      style={{ borderLeft: `5px solid var(--mantine-color-${WORK_ORDER_COLORS[wo.state]}-6)` }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <div>
          <Text fw={800} fz="lg" ff="monospace">
            {wo.batchNumber}
          </Text>
          <Text size="sm" c="dimmed">
            {wo.productCode}
            {wo.outputProductCode && ` → ${wo.outputProductCode}`}
          </Text>
        </div>
        <Badge
          size="lg"
          color={WORK_ORDER_COLORS[wo.state]}
          variant="light"
          tt="none"
          style={{ flexShrink: 0 }}
        >
          {t(`production.state.${wo.state}`)}
        </Badge>
      </Group>

      <SimpleGrid cols={4} spacing="xs" mb="sm">
        <Figure label={t('production.card.target')} value={n(wo.targetQuantity)} />
        <Figure label={t('production.card.received')} value={n(wo.inputQuantity)} />
        <Figure label={t('production.card.good')} value={n(wo.goodQuantity)} color="teal.8" />
        <Figure
          label={t('production.card.reject')}
          value={n(wo.rejectedQuantity)}
          color={wo.rejectedQuantity > 0 ? 'red.8' : undefined}
        />
      </SimpleGrid>
      <Progress.Root size="xl" aria-hidden>
        <Progress.Section value={good} color="teal" />
        <Progress.Section value={reject} color="red" />
      </Progress.Root>

      <Stack gap={2} mt="xs">
        {wo.incomingQuantity > 0 && (
          <Text size="sm" c="blue.8" fw={600}>
            {t('production.card.incoming', { quantity: n(wo.incomingQuantity) })}
          </Text>
        )}
        {wo.availableToHandOver > 0 && (
          <Text size="sm" c="grape.8" fw={600}>
            {t('production.card.toHandOver', { quantity: n(wo.availableToHandOver) })}
          </Text>
        )}
        {wo.state === 'PENDING' && wo.incomingQuantity === 0 && (
          <Text size="sm" c="dimmed">
            {t('production.card.waiting')}
          </Text>
        )}
        {wo.startedAt && (
          <Text size="xs" c="dimmed">
            {t('production.card.started', {
              at: formatDateTime(wo.startedAt, lang),
              operator: wo.operator?.fullName ?? t('common.none'),
            })}
          </Text>
        )}
      </Stack>

      {wo.actions.length > 0 && (
        <Group grow mt="md" gap="sm">
          {wo.actions.includes('start') && (
            <Button size="lg" leftSection={<IconPlayerPlay />} loading={starting} onClick={onStart}>
              {t('production.actions.start')}
            </Button>
          )}
          {wo.actions.includes('output') && (
            <Button size="lg" color="teal" leftSection={<IconClipboardCheck />} onClick={onOutput}>
              {t('production.actions.output')}
            </Button>
          )}
          {wo.actions.includes('handover') && (
            <Button
              size="lg"
              color="grape"
              variant="light"
              leftSection={<IconArrowRight />}
              onClick={onHandover}
            >
              {t('production.actions.handover')}
            </Button>
          )}
        </Group>
      )}
    </Paper>
  );
}
