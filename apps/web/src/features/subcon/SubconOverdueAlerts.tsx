import { Anchor, EmptyState, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../components/data-table';
import { formatDateTime } from '../../lib/time';
import { subconQueries, type SubconAlert } from './api';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days since the pass was due back (0 on the day it fell due). */
export function daysOverdue(dueAt: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - new Date(dueAt).getTime()) / DAY_MS));
}

/** Open subcontractor overdue alerts: pieces of a gate pass out still at the subcontractor past the agreed days. */
export function SubconOverdueAlerts() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const alerts = useQuery(subconQueries.alerts('OPEN'));
  const pieces = (n: number) => new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB').format(n);

  const columns: DataColumn<SubconAlert>[] = [
    {
      id: 'partner',
      header: t('subcon.overdue.partner'),
      alwaysVisible: true,
      sortValue: (a) => a.partner.name,
      csv: (a) => `${a.partner.code} ${a.partner.name}`,
      cell: (a) => (
        <>
          <Text size="sm" fw={600}>
            {a.partner.name}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {a.partner.code}
          </Text>
        </>
      ),
    },
    {
      id: 'pass',
      header: t('subcon.overdue.pass'),
      alwaysVisible: true,
      sortValue: (a) => a.number,
      csv: (a) => a.number,
      cell: (a) => (
        <>
          <Anchor
            component={Link}
            to={`/warehouse/gate-passes/${a.gatePassId}`}
            fw={600}
            ff="monospace"
            size="sm"
          >
            {a.number}
          </Anchor>
          <Text size="xs" c="dimmed" ff="monospace">
            {a.batchNumber}
          </Text>
        </>
      ),
    },
    {
      id: 'stillOut',
      header: t('subcon.overdue.stillOut'),
      align: 'right',
      sortValue: (a) => a.outstandingQuantity,
      csv: (a) => String(a.outstandingQuantity),
      cell: (a) => (
        <Text size="sm" ff="monospace" fw={600}>
          {pieces(a.outstandingQuantity)}
        </Text>
      ),
    },
    {
      id: 'dueAt',
      header: t('subcon.overdue.dueAt'),
      sortValue: (a) => a.dueAt,
      csv: (a) => a.dueAt,
      cell: (a) => (
        <>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(a.dueAt, lang)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('subcon.overdue.agreed', { count: a.agreedDays })}
          </Text>
        </>
      ),
    },
    {
      id: 'daysOverdue',
      header: t('subcon.overdue.daysOverdue'),
      align: 'right',
      sortValue: (a) => daysOverdue(a.dueAt),
      csv: (a) => String(daysOverdue(a.dueAt)),
      cell: (a) => {
        const days = daysOverdue(a.dueAt);
        return (
          <Text size="sm" fw={600} c="red.8" style={{ whiteSpace: 'nowrap' }}>
            {days < 1 ? t('subcon.overdue.today') : t('subcon.overdue.days', { count: days })}
          </Text>
        );
      },
    },
  ];

  return (
    <Paper p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('subcon.overdue.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('subcon.overdue.hint')}
        </Text>
        <DataTable<SubconAlert>
          tableId="subcon.overdue"
          label={t('subcon.overdue.title')}
          columns={columns}
          rows={alerts.data}
          rowId={(a) => a.id}
          loading={alerts.isPending}
          error={alerts.error}
          onRetry={() => void alerts.refetch()}
          minWidth={720}
          csvFileName="subcontractor-overdue"
          footnote={t('common.timeZoneNote')}
          empty={
            <EmptyState
              py="lg"
              variant="light"
              color="green"
              icon={<IconCircleCheck />}
              title={t('subcon.overdue.empty')}
              description={t('subcon.overdue.emptyBody')}
            />
          }
        />
      </Stack>
    </Paper>
  );
}
