import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  EmptyState,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMagnet, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Can } from '../../../components/Can';
import { ErrorState } from '../../../components/ErrorState';
import { NumberField } from '../../../components/NumberField';
import { describeError } from '../../../lib/errors';
import { formatNumber } from '../../../lib/quantity';
import { formatDateTime } from '../../../lib/time';
import { qualityQueries, useRecordInspection, type FinishingWorkOrder } from '../api';

/** The finishing work orders in progress: the metal detector and the stuffing-weight scale for each. */
export function FinishingTab() {
  const { t } = useTranslation();
  const workOrders = useQuery(qualityQueries.finishing());
  if (workOrders.isPending) return <Skeleton height={200} radius="md" />;
  if (workOrders.isError)
    return <ErrorState error={workOrders.error} onRetry={() => void workOrders.refetch()} />;
  if (workOrders.data.length === 0)
    return (
      <Paper p="xl" radius="md">
        <EmptyState
          withIndicatorBackground
          icon={<IconMagnet />}
          title={t('quality.finishing.emptyTitle')}
          description={t('quality.finishing.emptyBody')}
        />
      </Paper>
    );
  return (
    <Stack gap="md">
      {workOrders.data.map((wo) => (
        <WorkOrderQc key={wo.id} workOrder={wo} />
      ))}
    </Stack>
  );
}

function WorkOrderQc({ workOrder: wo }: { workOrder: FinishingWorkOrder }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const inspections = useQuery(qualityQueries.inspections(wo.id));
  const lastOf = (type: 'METAL_DETECTION' | 'STUFFING_WEIGHT') =>
    inspections.data?.find((i) => i.type === type);
  const metal = inspections.data?.filter((i) => i.type === 'METAL_DETECTION') ?? [];
  const passed = metal.reduce((s, i) => s + (i.passedQuantity ?? 0), 0);
  const failed = metal.reduce((s, i) => s + (i.failedQuantity ?? 0), 0);
  const lastWeight = lastOf('STUFFING_WEIGHT');
  return (
    <Paper withBorder p="md" radius="md" data-testid={`finishing-wo-${wo.batchNumber}`}>
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={4} fz="lg" ff="monospace">
            {wo.batchNumber}
          </Title>
          <Text size="sm">{wo.productCode}</Text>
        </div>
        <Group gap="xs">
          <Badge variant="light" size="lg">
            {t('quality.finishing.received', { count: wo.inputQuantity })}
          </Badge>
          <Badge variant="light" color="green" size="lg">
            {t('quality.finishing.good', { count: wo.goodQuantity })}
          </Badge>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper p="sm" radius="md" bg="var(--mantine-color-gray-light)">
          <Text fw={700} mb={4}>
            {t('quality.finishing.metal')}
          </Text>
          <Text size="sm" c="dimmed" mb="xs">
            {t('quality.finishing.metalSoFar', {
              passed: formatNumber(passed, lang),
              failed: formatNumber(failed, lang),
            })}
          </Text>
          <Can permission="quality.create">
            <MetalForm workOrder={wo} />
          </Can>
        </Paper>
        <Paper p="sm" radius="md" bg="var(--mantine-color-gray-light)">
          <Text fw={700} mb={4}>
            {t('quality.finishing.weight')}
          </Text>
          {lastWeight ? (
            <Text size="sm" c={lastWeight.verdict === 'PASSED' ? 'dimmed' : 'red'} mb="xs">
              {t('quality.finishing.lastWeight', {
                mean: formatNumber(lastWeight.meanGrams ?? 0, lang),
                low: formatNumber((lastWeight.standardGrams ?? 0) - (lastWeight.toleranceGrams ?? 0), lang),
                high: formatNumber((lastWeight.standardGrams ?? 0) + (lastWeight.toleranceGrams ?? 0), lang),
                out: lastWeight.outOfTolerance ?? 0,
                at: formatDateTime(lastWeight.inspectedAt, lang),
              })}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" mb="xs">
              {t('quality.finishing.noWeight')}
            </Text>
          )}
          <Can permission="quality.create">
            <WeightForm workOrder={wo} />
          </Can>
        </Paper>
      </SimpleGrid>
    </Paper>
  );
}

const typed = (v: number | null): v is number => typeof v === 'number' && !Number.isNaN(v);

function MetalForm({ workOrder: wo }: { workOrder: FinishingWorkOrder }) {
  const { t } = useTranslation();
  const [passed, setPassed] = useState<number | null>(null);
  const [failed, setFailed] = useState<number | null>(null);
  const record = useRecordInspection();
  const ready = typed(passed) && typed(failed) && passed + failed > 0;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        record.mutate(
          { type: 'METAL_DETECTION', workOrderId: wo.id, passedQuantity: passed, failedQuantity: failed },
          {
            onSuccess: (inspection) => {
              setPassed(null);
              setFailed(null);
              notifications.show(
                inspection.verdict === 'PASSED'
                  ? { color: 'green', message: t('quality.finishing.metalPassed', { batch: wo.batchNumber }) }
                  : {
                      color: 'red',
                      title: t('quality.finishing.metalAlertTitle'),
                      message: t('quality.finishing.metalFailed', { batch: wo.batchNumber, count: failed }),
                      autoClose: 15_000,
                    },
              );
            },
          },
        );
      }}
    >
      <Group grow align="flex-start">
        <NumberField
          label={t('quality.finishing.passed')}
          value={passed}
          onChange={setPassed}
          min={0}
          whole
          size="md"
        />
        <NumberField
          label={t('quality.finishing.failed')}
          value={failed}
          onChange={setFailed}
          min={0}
          whole
          size="md"
        />
      </Group>
      {record.isError && (
        <Alert color="red" mt="xs">
          {describeError(record.error, t).message}
        </Alert>
      )}
      <Button type="submit" mt="sm" size="md" fullWidth loading={record.isPending} disabled={!ready}>
        {t('quality.finishing.recordMetal')}
      </Button>
    </form>
  );
}

/** Weights typed one by one (Enter adds the next), sent together as one sample. */
function WeightForm({ workOrder: wo }: { workOrder: FinishingWorkOrder }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [weight, setWeight] = useState<number | null>(null);
  const [weights, setWeights] = useState<number[]>([]);
  const record = useRecordInspection();
  const add = () => {
    if (!typed(weight)) return;
    setWeights((w) => [...w, weight]);
    setWeight(null);
  };
  return (
    <div>
      <Group align="flex-end" wrap="nowrap">
        <NumberField
          label={t('quality.finishing.weightGrams')}
          value={weight}
          onChange={setWeight}
          min={0}
          minExclusive
          decimals={2}
          size="md"
          style={{ flex: 1 }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button variant="light" size="md" onClick={add} disabled={!typed(weight)}>
          {t('quality.finishing.addWeight')}
        </Button>
      </Group>
      {weights.length > 0 && (
        <Group gap={6} mt="xs" data-testid="weights">
          {weights.map((w, i) => (
            <Badge
              key={`${i}-${w}`}
              variant="outline"
              size="lg"
              rightSection={
                <ActionIcon
                  size="xs"
                  variant="transparent"
                  aria-label={t('quality.finishing.removeWeight')}
                  onClick={() => setWeights((all) => all.filter((_, j) => j !== i))}
                >
                  <IconX size={12} />
                </ActionIcon>
              }
            >
              {formatNumber(w, lang)} g
            </Badge>
          ))}
        </Group>
      )}
      {record.isError && (
        <Alert color="red" mt="xs">
          {describeError(record.error, t).message}
        </Alert>
      )}
      <Button
        mt="sm"
        size="md"
        fullWidth
        loading={record.isPending}
        disabled={weights.length === 0}
        onClick={() =>
          record.mutate(
            { type: 'STUFFING_WEIGHT', workOrderId: wo.id, weights },
            {
              onSuccess: (inspection) => {
                setWeights([]);
                notifications.show({
                  color: inspection.verdict === 'PASSED' ? 'green' : 'orange',
                  message: t(
                    inspection.verdict === 'PASSED'
                      ? 'quality.finishing.weightPassed'
                      : 'quality.finishing.weightFailed',
                    { batch: wo.batchNumber, count: inspection.outOfTolerance ?? 0 },
                  ),
                });
              },
            },
          )
        }
      >
        {t('quality.finishing.recordWeights', { count: weights.length })}
      </Button>
    </div>
  );
}
