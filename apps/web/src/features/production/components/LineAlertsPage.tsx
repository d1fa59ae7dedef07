import { Anchor, Badge, Button, EmptyState, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconLayoutGrid, IconBellCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { PageHeader } from '../../../components/PageHeader';
import { formatNumber } from '../../../lib/quantity';
import { formatDateTime } from '../../../lib/time';
import { lineQueries, type LineBlock, type LineEscalation, type SegregationAlarm } from '../api';

/** One open shop-floor alert: a refused handover waiting on a line, or a segregation alarm to acknowledge. */
type OpenAlert = { kind: 'BLOCKED'; block: LineBlock } | { kind: 'ALARM'; alarm: SegregationAlarm };

const KIND_COLORS = { BLOCKED: 'red', ALARM: 'orange' } as const;
const subject = (a: OpenAlert) => (a.kind === 'BLOCKED' ? a.block : a.alarm);

/**
 * The shop-floor alerts (SOP QT-09): every open line block and segregation alarm with what holds it up,
 * and the escalations that fired (supervisor, PPIC, factory / production manager). Live with the board.
 */
export function LineAlertsPage() {
  const { t } = useTranslation();
  const alerts = useQuery(lineQueries.alerts());
  const open: OpenAlert[] | undefined = alerts.data && [
    ...alerts.data.blocks.map((block) => ({ kind: 'BLOCKED' as const, block })),
    ...alerts.data.alarms.map((alarm) => ({ kind: 'ALARM' as const, alarm })),
  ];
  const openColumns = useOpenColumns();
  const escalationColumns = useEscalationColumns();

  return (
    <>
      <PageHeader
        title={t('production.lineAlerts.title')}
        description={t('production.lineAlerts.description')}
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
      <Stack gap="lg">
        <Paper p="md" radius="md">
          <Stack gap="sm">
            <Title order={2} fz="lg">
              {t('production.lineAlerts.open')}
            </Title>
            <DataTable<OpenAlert>
              tableId="production.line-alerts"
              label={t('production.lineAlerts.open')}
              columns={openColumns}
              rows={open}
              rowId={(a) => subject(a).id}
              loading={alerts.isPending}
              error={alerts.error}
              onRetry={() => void alerts.refetch()}
              skeletonRows={3}
              minWidth={680}
              csvFileName="line-alerts"
              footnote={t('common.timeZoneNote')}
              empty={
                <EmptyState
                  py="xl"
                  variant="light"
                  color="green"
                  icon={<IconCircleCheck />}
                  title={t('production.lineAlerts.emptyOpen')}
                  description={t('production.lineAlerts.emptyOpenBody')}
                />
              }
            />
          </Stack>
        </Paper>
        <Paper p="md" radius="md">
          <Stack gap="sm">
            <Title order={2} fz="lg">
              {t('production.lineAlerts.escalations')}
            </Title>
            <DataTable<LineEscalation>
              tableId="production.line-escalations"
              label={t('production.lineAlerts.escalations')}
              columns={escalationColumns}
              rows={alerts.data?.escalations}
              rowId={(e) => e.id}
              loading={alerts.isPending}
              error={alerts.error}
              onRetry={() => void alerts.refetch()}
              skeletonRows={3}
              minWidth={600}
              csvFileName="line-escalations"
              empty={
                <EmptyState
                  py="xl"
                  variant="light"
                  color="gray"
                  icon={<IconBellCheck />}
                  title={t('production.lineAlerts.emptyEscalations')}
                  description={t('production.lineAlerts.emptyEscalationsBody')}
                />
              }
            />
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}

function useOpenColumns(): DataColumn<OpenAlert>[] {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const onLine = (a: OpenAlert) =>
    subject(a)
      .onLine.map(
        (b) =>
          `${b.batchNumber} · ${b.articleCode} · ${b.destination ?? '–'} · ${t('production.lineAlerts.week', { week: b.week ?? '–' })}`,
      )
      .join('; ');
  return [
    {
      id: 'kind',
      header: t('production.lineAlerts.kind'),
      sortValue: (a) => a.kind,
      csv: (a) => t(`production.lines.status.${a.kind}`),
      cell: (a) => (
        <Badge miw="max-content" color={KIND_COLORS[a.kind]} variant="light">
          {t(`production.lines.status.${a.kind}`)}
        </Badge>
      ),
    },
    {
      id: 'line',
      header: t('production.lineAlerts.line'),
      alwaysVisible: true,
      sortValue: (a) => t(`departments.${subject(a).department}`),
      cell: (a) => (
        <Anchor component={Link} to="/production/lines" fw={600} size="sm">
          {t(`departments.${subject(a).department}`)}
        </Anchor>
      ),
    },
    {
      id: 'batch',
      header: t('production.lineAlerts.batch'),
      alwaysVisible: true,
      sortValue: (a) => subject(a).batchNumber,
      cell: (a) => (
        <>
          <Text size="sm" fw={600} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
            {subject(a).batchNumber}
          </Text>
          <Text size="xs" c="dimmed">
            {a.kind === 'BLOCKED'
              ? t('production.lineAlerts.fromPieces', {
                  from: t(`departments.${a.block.fromDepartment}`),
                  quantity: formatNumber(a.block.quantity, lang),
                })
              : `${a.alarm.destination ?? '–'} · ${t('production.lineAlerts.week', { week: a.alarm.week ?? '–' })}`}
          </Text>
        </>
      ),
    },
    {
      id: 'why',
      header: t('production.lineAlerts.why'),
      sortValue: onLine,
      cell: (a) => (
        <>
          <Text size="sm">
            {a.kind === 'BLOCKED'
              ? a.block.lineCleared
                ? t('production.lines.canSend')
                : t('production.lineAlerts.blockedBy')
              : t('production.lineAlerts.alarmBy', {
                  reasons: a.alarm.reasons.map((r) => t(`production.lines.reasons.${r}`)).join(', '),
                })}
          </Text>
          <Text size="xs" c="dimmed">
            {onLine(a)}
          </Text>
        </>
      ),
    },
    {
      id: 'since',
      header: t('production.lineAlerts.sinceTold'),
      sortValue: (a) => subject(a).createdAt,
      csv: (a) =>
        [
          subject(a).createdAt,
          ...subject(a).escalations.map((s) => t(`production.lines.recipients.${s.recipient}`)),
        ].join(' → '),
      cell: (a) => {
        const steps = subject(a).escalations;
        return (
          <>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(subject(a).createdAt, lang)}
            </Text>
            <Text size="xs" c="dimmed">
              {steps.length === 0
                ? t('production.lineAlerts.notYet')
                : steps.map((s) => t(`production.lines.recipients.${s.recipient}`)).join(' → ')}
            </Text>
          </>
        );
      },
    },
  ];
}

function useEscalationColumns(): DataColumn<LineEscalation>[] {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const kind = (e: LineEscalation) => (e.subjectType === 'line_block' ? 'BLOCKED' : 'ALARM');
  return [
    {
      id: 'firedAt',
      header: t('production.lineAlerts.firedAt'),
      sortValue: (e) => e.firedAt,
      cell: (e) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(e.firedAt, lang)}
        </Text>
      ),
    },
    {
      id: 'kind',
      header: t('production.lineAlerts.kind'),
      sortValue: kind,
      csv: (e) => t(`production.lines.status.${kind(e)}`),
      cell: (e) => (
        <>
          <Badge miw="max-content" color={KIND_COLORS[kind(e)]} variant="light">
            {t(`production.lines.status.${kind(e)}`)}
          </Badge>
          <Text size="xs" c="dimmed" mt={2}>
            {t(`departments.${e.department}`)}
          </Text>
        </>
      ),
    },
    {
      id: 'line',
      header: t('production.lineAlerts.line'),
      hiddenByDefault: true,
      sortValue: (e) => t(`departments.${e.department}`),
      cell: (e) => t(`departments.${e.department}`),
    },
    {
      id: 'batch',
      header: t('production.lineAlerts.batch'),
      alwaysVisible: true,
      sortValue: (e) => e.batchNumber,
      cell: (e) => (
        <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
          {e.batchNumber}
        </Text>
      ),
    },
    {
      id: 'recipient',
      header: t('production.lineAlerts.recipient'),
      sortValue: (e) => e.step,
      csv: (e) => t(`production.lines.recipients.${e.recipient}`),
      cell: (e) =>
        t('production.lineAlerts.step', {
          step: e.step,
          to: t(`production.lines.recipients.${e.recipient}`),
        }),
    },
    {
      id: 'open',
      header: t('production.lineAlerts.state'),
      sortValue: (e) => (e.open ? 0 : 1),
      csv: (e) => t(e.open ? 'production.lineAlerts.stillOpen' : 'production.lineAlerts.resolved'),
      cell: (e) => (
        <Badge miw="max-content" color={e.open ? 'red' : 'gray'} variant="light">
          {t(e.open ? 'production.lineAlerts.stillOpen' : 'production.lineAlerts.resolved')}
        </Badge>
      ),
    },
  ];
}
