import { Anchor, Badge, EmptyState, Text } from '@mantine/core';
import { IconLayoutKanban } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { formatQuantity } from '../../../lib/quantity';
import { fetchListCsv } from '../../../lib/session';
import { formatDateTime } from '../../../lib/time';
import type { KanbanCard } from '../api';
import { PRIORITY_COLOR, STATUS_COLOR } from './appearance';

/** The board's cards as a list: open ones and the last 7 days of closed ones, sortable and exportable. */
export function CardHistoryTable({
  cards,
  loading,
  error,
  onRetry,
  onOpen,
  department,
}: {
  /** The board's department filter: "Export all" downloads every card of it, closed ones of any age too. */
  department?: KanbanCard['department'];
  cards: readonly KanbanCard[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  onOpen: (card: KanbanCard) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const quantity = (value: number | null, card: KanbanCard) =>
    value === null ? '—' : formatQuantity(value, card.uom, lang);
  const person = (p: KanbanCard['requestedBy']) => p?.fullName ?? t('kanban.detail.system');

  const columns: DataColumn<KanbanCard>[] = [
    {
      id: 'number',
      header: t('kanban.history.number'),
      alwaysVisible: true,
      sortValue: (c) => c.number,
      cell: (c) => (
        <Anchor
          component="button"
          type="button"
          fw={600}
          ff="monospace"
          size="sm"
          onClick={() => onOpen(c)}
          aria-label={t('kanban.card.details', { number: c.number })}
        >
          {c.number}
        </Anchor>
      ),
    },
    {
      id: 'product',
      header: t('kanban.history.product'),
      sortValue: (c) => c.productCode,
      csv: (c) => `${c.productCode} ${c.productName}`,
      cell: (c) => (
        <>
          <Text size="sm" fw={600}>
            {c.productCode}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {c.productName}
          </Text>
        </>
      ),
    },
    {
      id: 'department',
      header: t('kanban.detail.department'),
      sortValue: (c) => t(`departments.${c.department}`),
      cell: (c) => t(`departments.${c.department}`),
    },
    {
      id: 'priority',
      header: t('kanban.detail.priority'),
      hiddenByDefault: true,
      sortValue: (c) => t(`kanban.priority.${c.priority}`),
      cell: (c) => (
        <Badge color={PRIORITY_COLOR[c.priority]} variant="dot" tt="none">
          {t(`kanban.priority.${c.priority}`)}
        </Badge>
      ),
    },
    {
      id: 'requested',
      header: t('kanban.history.requestedQuantity'),
      align: 'right',
      sortValue: (c) => c.quantity,
      cell: (c) => quantity(c.quantity, c),
    },
    {
      id: 'shipped',
      header: t('kanban.history.shippedQuantity'),
      align: 'right',
      sortValue: (c) => c.shippedQuantity,
      cell: (c) => quantity(c.shippedQuantity, c),
    },
    {
      id: 'received',
      header: t('kanban.history.receivedQuantity'),
      align: 'right',
      sortValue: (c) => c.receivedQuantity,
      cell: (c) => quantity(c.receivedQuantity, c),
    },
    {
      id: 'requestedBy',
      header: t('kanban.history.requestedBy'),
      hiddenByDefault: true,
      sortValue: (c) => person(c.requestedBy),
      cell: (c) => person(c.requestedBy),
    },
    {
      id: 'createdAt',
      header: t('kanban.history.requestedAt'),
      sortValue: (c) => c.createdAt,
      csv: (c) => c.createdAt,
      cell: (c) => formatDateTime(c.createdAt, lang),
    },
    {
      id: 'updatedAt',
      header: t('kanban.history.updatedAt'),
      sortValue: (c) => c.updatedAt,
      csv: (c) => c.updatedAt,
      cell: (c) => formatDateTime(c.updatedAt, lang),
    },
    {
      id: 'status',
      // Last, and kept in view at the right edge when the table scrolls on the tablet.
      sticky: true,
      header: t('kanban.history.status'),
      sortValue: (c) => t(`kanban.status.${c.status}`),
      cell: (c) => (
        <Badge color={STATUS_COLOR[c.status]} variant="light" radius="sm" tt="none">
          {t(`kanban.status.${c.status}`)}
        </Badge>
      ),
    },
  ];

  return (
    <DataTable<KanbanCard>
      tableId="kanban.history"
      label={t('kanban.history.title')}
      columns={columns}
      rows={cards}
      rowId={(c) => c.id}
      loading={loading}
      error={error}
      onRetry={onRetry}
      minWidth={900}
      whiteSpace="nowrap"
      csvFileName="kanban-cards"
      exportAll={() => fetchListCsv('/api/v1/ppic/kanban/cards', { department })}
      empty={
        <EmptyState
          py="xl"
          withIndicatorBackground
          icon={<IconLayoutKanban />}
          title={t('kanban.history.emptyTitle')}
          description={t('kanban.history.emptyBody')}
        />
      }
    />
  );
}
