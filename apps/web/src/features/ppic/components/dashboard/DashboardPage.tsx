import { Grid, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../../components/ErrorState';
import { PageHeader } from '../../../../components/PageHeader';
import { dashboardQueries, type Period } from '../../api';
import { BottlenecksPanel } from './BottlenecksPanel';
import { LateOrdersTable } from './LateOrdersTable';
import { PerformancePanel } from './PerformancePanel';
import { lastDays, PeriodPicker, type PeriodChoice } from './PeriodPicker';
import { StateOverview } from './StateOverview';
import { WipPanel } from './WipPanel';

/** Renders a query's data, or a skeleton while it loads, or what failed with a way to retry. */
function Loaded<T>({
  query,
  height = 160,
  children,
}: {
  query: UseQueryResult<T>;
  height?: number;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Skeleton height={height} radius="md" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>{children(query.data)}</div>;
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper p="md" radius="md" component="section" aria-label={title} h="100%">
      <Title order={3} fz="md" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The MO dashboard: orders by state and late ones now, WIP per department, and a period's performance. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<PeriodChoice>('30');
  const [period, setPeriod] = useState<Period>(() => lastDays(30));
  const overview = useQuery(dashboardQueries.overview());
  const performance = useQuery(dashboardQueries.performance(period));
  const bottlenecks = useQuery(dashboardQueries.bottlenecks(period));

  return (
    <>
      <PageHeader title={t('ppic.dashboard.title')} description={t('ppic.dashboard.description')} />
      <Stack gap="lg">
        <Loaded query={overview} height={90}>
          {(data) => <StateOverview overview={data} />}
        </Loaded>

        <Group justify="space-between" align="flex-end">
          <Title order={3} fz="lg">
            {t('ppic.dashboard.performance')}
          </Title>
          <PeriodPicker
            choice={choice}
            period={period}
            onChange={(c, p) => {
              setChoice(c);
              setPeriod(p);
            }}
          />
        </Group>
        <Loaded query={performance} height={380}>
          {(data) => <PerformancePanel performance={data} />}
        </Loaded>

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Panel title={t('ppic.dashboard.bottlenecks')}>
              <Loaded query={bottlenecks} height={260}>
                {(data) => <BottlenecksPanel bottlenecks={data} />}
              </Loaded>
            </Panel>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Panel title={t('ppic.dashboard.wip')}>
              <Loaded query={overview} height={260}>
                {(data) => <WipPanel wip={data.wipByDepartment} />}
              </Loaded>
            </Panel>
          </Grid.Col>
        </Grid>

        <Panel title={t('ppic.dashboard.lateOrders')}>
          <Loaded query={overview}>{(data) => <LateOrdersTable late={data.late} />}</Loaded>
        </Panel>
      </Stack>
    </>
  );
}
