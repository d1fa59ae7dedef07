import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { routeDepartments, type Route, type WorkOrderState } from '@kapok/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../lib/time';
import type { MoWorkOrder } from '../../api';
import { formatNumber } from '../shared/format';

export const WORK_ORDER_COLORS: Record<WorkOrderState, string> = {
  PENDING: 'gray',
  READY: 'blue',
  IN_PROGRESS: 'orange',
  DONE: 'green',
  CANCELLED: 'red',
};

/** One row per department of the route: its work order's state and how far it is (good and rejected of the target). */
export function WorkOrderProgress({
  route,
  workOrders,
  uom,
}: {
  route: Route;
  workOrders: readonly MoWorkOrder[];
  uom: string;
}) {
  const { t } = useTranslation();
  if (workOrders.length === 0) {
    return (
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('ppic.detail.noWorkOrders')}
        </Text>
        <Group gap={6}>
          {routeDepartments(route).map((d, i) => (
            <Badge key={d} variant="outline" color="gray" tt="none">
              {i + 1}. {t(`departments.${d}`)}
            </Badge>
          ))}
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      {[...workOrders]
        .sort((a, b) => a.sequence - b.sequence)
        .map((wo) => (
          <WorkOrderRow key={wo.id} wo={wo} uom={uom} />
        ))}
    </Stack>
  );
}

function WorkOrderRow({ wo, uom }: { wo: MoWorkOrder; uom: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const target = wo.targetQuantity || 1;
  const goodShare = Math.min(100, (wo.goodQuantity / target) * 100);
  const rejectShare = Math.min(100 - goodShare, (wo.rejectedQuantity / target) * 100);
  const department = t(`departments.${wo.department}`);

  return (
    <Paper
      p="sm"
      radius="md"
      withBorder
      aria-label={t('ppic.detail.workOrderOf', { department })}
      role="group"
    >
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color={WORK_ORDER_COLORS[wo.state]} radius="xl" size="md">
            <Text size="xs" fw={700}>
              {wo.sequence}
            </Text>
          </ThemeIcon>
          <div>
            <Text size="sm" fw={700}>
              {department}
            </Text>
            {wo.outputProductCode && (
              <Text size="xs" c="dimmed">
                {wo.outputProductCode}
              </Text>
            )}
          </div>
        </Group>
        <Badge color={WORK_ORDER_COLORS[wo.state]} variant="light" tt="none">
          {t(`production.state.${wo.state}`)}
        </Badge>
      </Group>
      <Progress.Root size="lg" aria-hidden>
        <Progress.Section value={goodShare} color="teal" />
        <Progress.Section value={rejectShare} color="red" />
      </Progress.Root>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mt={6} spacing={4}>
        <Text size="xs">
          {t('ppic.detail.good')}: <b>{n(wo.goodQuantity)}</b> / {n(wo.targetQuantity)} {uom}
        </Text>
        <Text size="xs" c={wo.rejectedQuantity > 0 ? 'red.8' : 'dimmed'}>
          {t('ppic.detail.reject')}: <b>{n(wo.rejectedQuantity)}</b>
        </Text>
        <Text size="xs" c="dimmed">
          {t('ppic.detail.received')}: {n(wo.inputQuantity)}
          {wo.incomingQuantity > 0 && ` (+${n(wo.incomingQuantity)} ${t('ppic.detail.incoming')})`}
        </Text>
        <Text size="xs" c="dimmed">
          {t('ppic.detail.handedOver')}: {n(wo.handedOverQuantity)}
        </Text>
      </SimpleGrid>
      {(wo.operator || wo.startedAt) && (
        <Text size="xs" c="dimmed" mt={4}>
          {wo.operator && `${wo.operator.fullName} · `}
          {wo.startedAt && t('ppic.detail.startedAt', { at: formatDateTime(wo.startedAt, lang) })}
          {wo.endedAt && ` · ${t('ppic.detail.endedAt', { at: formatDateTime(wo.endedAt, lang) })}`}
        </Text>
      )}
    </Paper>
  );
}
