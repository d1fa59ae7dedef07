import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarTime, IconPlayerPlay } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Can } from '../../../components/Can';
import { ErrorState } from '../../../components/ErrorState';
import { PageLoader } from '../../../components/LoadingState';
import { PageHeader } from '../../../components/PageHeader';
import { describeError } from '../../../lib/errors';
import { planningKeys, planningQueries, useRunMrp, type MrpRun } from '../api';
import { ExceptionsPanel } from './ExceptionsPanel';
import { GridDrawer } from './GridDrawer';
import { PlannedOrdersPanel } from './PlannedOrdersPanel';
import { RunSummary } from './RunSummary';

/** The planning page: run MRP, read the latest plan (exceptions first), drill into a product, release. */
export function PlanningPage() {
  const { t } = useTranslation();
  const latest = useQuery(planningQueries.latest());
  const runMrp = useRunMrp();
  const [productId, setProductId] = useState<string | null>(null);
  // A run answered 202 goes on in the background; the page follows it until it ends.
  const [runningId, setRunningId] = useState<string | null>(null);

  const finished = (run: MrpRun) =>
    notifications.show({
      color: 'teal',
      title: t('planning.run.doneTitle'),
      message: t('planning.run.doneBody', {
        make: run.makeCount,
        buy: run.buyCount,
        exceptions: run.exceptionCount,
      }),
    });

  const start = () =>
    runMrp.mutate(undefined, {
      onSuccess: (run) => (run.state === 'RUNNING' ? setRunningId(run.id) : finished(run)),
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: t('planning.run.failed'),
          message: describeError(error, t).message,
        }),
    });

  const runButton = (
    <Can permission="planning.create">
      <Button
        leftSection={<IconPlayerPlay size={16} />}
        onClick={start}
        loading={runMrp.isPending || runningId !== null}
      >
        {latest.data ? t('planning.run.again') : t('planning.run.start')}
      </Button>
    </Can>
  );

  return (
    <>
      <PageHeader title={t('planning.title')} description={t('planning.description')} actions={runButton} />
      {runMrp.isPending && runningId === null && (
        <Stack gap={4} mb="md" role="status" aria-live="polite">
          <Text size="sm">{t('planning.run.progress')}</Text>
          <Progress value={100} animated striped aria-label={t('planning.run.progress')} />
        </Stack>
      )}
      {runningId !== null && (
        <RunProgress
          runId={runningId}
          onEnd={(run) => {
            setRunningId(null);
            if (run.state === 'FINISHED') finished(run);
            else
              notifications.show({
                color: 'red',
                title: t('planning.run.failed'),
                message: t('planning.run.runFailed', { message: run.error?.message ?? '' }),
              });
          }}
        />
      )}
      {latest.isPending ? (
        <PageLoader />
      ) : latest.isError ? (
        <ErrorState error={latest.error} onRetry={() => void latest.refetch()} />
      ) : latest.data === null ? (
        <Paper withBorder p="xl" radius="md">
          <Stack align="center" gap="sm" py="lg">
            <IconCalendarTime size={40} stroke={1.4} />
            <Title order={3}>{t('planning.empty.title')}</Title>
            <Text c="dimmed" ta="center" maw={560}>
              {t('planning.empty.body')}
            </Text>
            <Group>{runButton}</Group>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="lg">
          <RunSummary run={latest.data} />
          <ExceptionsPanel exceptions={latest.data.exceptions} onProduct={setProductId} />
          <PlannedOrdersPanel run={latest.data} onProduct={setProductId} />
          <GridDrawer run={latest.data} productId={productId} onClose={() => setProductId(null)} />
        </Stack>
      )}
    </>
  );
}

/** The progress of a run answered 202: its phase and percentage, from its live events (or polling). */
function RunProgress({ runId, onEnd }: { runId: string; onEnd: (run: MrpRun) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const run = useQuery(planningQueries.run(runId));
  const state = run.data?.state;
  const end = useEffectEvent((ended: MrpRun) => {
    void queryClient.invalidateQueries({ queryKey: planningKeys.all });
    onEnd(ended);
  });
  useEffect(() => {
    if (run.data && run.data.state !== 'RUNNING') end(run.data);
  }, [run.data]);
  if (state !== 'RUNNING' && state !== undefined) return null;
  const percent = run.data?.percent ?? 0;
  const label = run.data?.phase
    ? t(`planning.run.phase.${run.data.phase}`, { percent })
    : t('planning.run.progress');
  return (
    <Stack gap={4} mb="md" role="status" aria-live="polite">
      <Text size="sm">{label}</Text>
      <Progress value={percent} animated striped aria-label={label} />
      <Text size="xs" c="dimmed">
        {t('planning.run.waiting')}
      </Text>
    </Stack>
  );
}
