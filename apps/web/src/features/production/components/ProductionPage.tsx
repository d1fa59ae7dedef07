import {
  Badge,
  Button,
  Collapse,
  EmptyState,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBuildingFactory2, IconChevronDown, IconChevronRight, IconLayoutGrid } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useRoutes, useSearchParams } from 'react-router';
import { NotFoundPage } from '../../../components/AccessPages';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { useCurrentUser, usePermission } from '../../../lib/auth';
import { describeError } from '../../../lib/errors';
import { handoverQueries, useStartWorkOrder, workOrderQueries, type Handover, type WorkOrder } from '../api';
import { AcceptHandoverDialog } from './AcceptHandoverDialog';
import { HandoverDialog } from './HandoverDialog';
import { IncomingHandovers } from './IncomingHandovers';
import { LineAlertsPage } from './LineAlertsPage';
import { LineBoardPage } from './LineBoardPage';
import { OutputDialog } from './OutputDialog';
import { isLineDepartment, LINE_DEPARTMENTS, useActionKey, type LineDepartment } from './shared';
import { WorkOrderCard } from './WorkOrderCard';

/** The line's queue: what it can work on now first, then what waits for the previous department. */
const QUEUE_ORDER: Record<WorkOrder['state'], number> = {
  IN_PROGRESS: 0,
  READY: 1,
  DONE: 2,
  PENDING: 3,
  CANCELLED: 4,
};

/** Splits a department's work orders into its queue (open work, sorted) and the finished ones. */
export function queueOf(workOrders: readonly WorkOrder[]) {
  const open = workOrders.filter(
    (wo) =>
      wo.state === 'IN_PROGRESS' ||
      wo.state === 'READY' ||
      wo.state === 'PENDING' ||
      wo.availableToHandOver > 0,
  );
  const queue = open.sort(
    (a, b) => QUEUE_ORDER[a.state] - QUEUE_ORDER[b.state] || a.batchNumber.localeCompare(b.batchNumber),
  );
  const finished = workOrders
    .filter((wo) => wo.state === 'DONE' && wo.availableToHandOver <= 0)
    .sort((a, b) => (b.endedAt ?? '').localeCompare(a.endedAt ?? ''));
  return { queue, finished };
}

type Dialog = { kind: 'output' | 'handover'; workOrder: WorkOrder } | { kind: 'accept'; handover: Handover };

/**
 * The department page for line admins, made for a tablet: incoming handovers to count in, the queue of
 * work orders with start / record output / hand over. A line user sees their own department; PPIC and
 * managers choose one.
 */
export function ProductionPage() {
  return useRoutes([
    { index: true, element: <DepartmentPage /> },
    { path: 'lines', element: <LineBoardPage /> },
    { path: 'alerts', element: <LineAlertsPage /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
}

function DepartmentPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canUpdate = usePermission('production.update');
  const [params, setParams] = useSearchParams();
  const own = isLineDepartment(user.department) ? user.department : null;
  const chosen = params.get('department');
  const department: LineDepartment = own ?? (isLineDepartment(chosen) ? chosen : 'CUTTING');

  const workOrders = useQuery(workOrderQueries.list({ department }));
  const incoming = useQuery(handoverQueries.list({ department, state: 'PENDING' }));
  const start = useStartWorkOrder();
  const keyFor = useActionKey();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [finishedOpen, { toggle: toggleFinished }] = useDisclosure(false);
  const { queue, finished } = queueOf(workOrders.data ?? []);
  const canAccept = canUpdate && (own === null || own === department);

  const startWorkOrder = (wo: WorkOrder) =>
    start.mutate(
      { id: wo.id, idempotencyKey: keyFor({ start: wo.id }) },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', message: t('production.started', { batch: wo.batchNumber }) }),
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: t('production.startFailed', { batch: wo.batchNumber }),
            message: describeError(error, t).message,
            autoClose: 10_000,
          }),
      },
    );

  return (
    <>
      <PageHeader
        title={t('production.title', { department: t(`departments.${department}`) })}
        description={t('production.description')}
        actions={
          <Button
            component={Link}
            to="/production/lines"
            variant="light"
            leftSection={<IconLayoutGrid size={16} />}
          >
            {t('production.lines.open')}
          </Button>
        }
      />
      {!own && (
        <SegmentedControl
          mb="lg"
          size="md"
          fullWidth
          aria-label={t('production.department')}
          value={department}
          onChange={(v) => setParams({ department: v }, { replace: true })}
          data={LINE_DEPARTMENTS.map((d) => ({ value: d, label: t(`departments.${d}`) }))}
        />
      )}

      <Stack gap="lg">
        <Paper p="md" radius="md" component="section" aria-label={t('production.incoming.title')}>
          <Group justify="space-between" mb="sm">
            <Title order={3} fz="lg">
              {t('production.incoming.title')}
            </Title>
            {!!incoming.data?.length && (
              <Badge color="blue" size="lg" circle>
                {incoming.data.length}
              </Badge>
            )}
          </Group>
          {incoming.isPending ? (
            <Skeleton height={80} radius="md" />
          ) : incoming.isError ? (
            <ErrorState error={incoming.error} onRetry={() => void incoming.refetch()} />
          ) : (
            <IncomingHandovers
              handovers={incoming.data}
              canAccept={canAccept}
              onAccept={(handover) => setDialog({ kind: 'accept', handover })}
            />
          )}
        </Paper>

        <section aria-label={t('production.queue')}>
          <Title order={3} fz="lg" mb="sm">
            {t('production.queue')}
          </Title>
          {workOrders.isPending ? (
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              {[0, 1].map((i) => (
                <Skeleton key={i} height={220} radius="md" />
              ))}
            </SimpleGrid>
          ) : workOrders.isError ? (
            <ErrorState error={workOrders.error} onRetry={() => void workOrders.refetch()} />
          ) : queue.length === 0 ? (
            <Paper p="xl" radius="md">
              <EmptyState
                withIndicatorBackground
                icon={<IconBuildingFactory2 />}
                title={t('production.emptyTitle')}
                description={t('production.emptyBody')}
              />
            </Paper>
          ) : (
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              {queue.map((wo) => (
                <WorkOrderCard
                  key={wo.id}
                  workOrder={wo}
                  starting={start.isPending && start.variables?.id === wo.id}
                  onStart={() => startWorkOrder(wo)}
                  onOutput={() => setDialog({ kind: 'output', workOrder: wo })}
                  onHandover={() => setDialog({ kind: 'handover', workOrder: wo })}
                />
              ))}
            </SimpleGrid>
          )}
        </section>

        {finished.length > 0 && (
          <Paper p="md" radius="md" component="section" aria-label={t('production.finished')}>
            <UnstyledButton onClick={toggleFinished} aria-expanded={finishedOpen} w="100%">
              <Group gap="xs">
                {finishedOpen ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
                <Text fw={700}>{t('production.finished')}</Text>
                <Badge variant="light" color="gray">
                  {finished.length}
                </Badge>
              </Group>
            </UnstyledButton>
            <Collapse expanded={finishedOpen}>
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" mt="md">
                {finished.slice(0, 20).map((wo) => (
                  <WorkOrderCard
                    key={wo.id}
                    workOrder={wo}
                    starting={false}
                    onStart={() => {}}
                    onOutput={() => {}}
                    onHandover={() => {}}
                  />
                ))}
              </SimpleGrid>
            </Collapse>
          </Paper>
        )}
      </Stack>

      {dialog?.kind === 'output' && (
        <OutputDialog workOrder={dialog.workOrder} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'handover' && (
        <HandoverDialog workOrder={dialog.workOrder} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'accept' && (
        <AcceptHandoverDialog handover={dialog.handover} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
