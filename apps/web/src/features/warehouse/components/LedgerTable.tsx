import { Badge, Button, EmptyState, Group, Select, Stack, Text } from '@mantine/core';
import { MOVE_TYPES, type MoveType } from '@kapok/contracts';
import { IconArrowRight, IconListDetails } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchListCsv } from '../../../lib/session';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { factoryDayEnd, factoryDayStart, formatDateTime } from '../../../lib/time';
import { locationQueries, stockQueries, type Location, type StockMove } from '../api';
import { formatNumber } from './format';
import { DateRangeInputs } from '../../../components/DateRangeInputs';

const PAGE_SIZE = 20;
const INTERNAL = new Set(['WAREHOUSE', 'LINE', 'TRANSIT']);

export const MOVE_TYPE_COLORS: Record<MoveType, string> = {
  RECEIPT: 'green',
  ISSUE: 'orange',
  TRANSFER: 'blue',
  ADJUSTMENT: 'grape',
  PRODUCTION_CONSUME: 'orange',
  PRODUCTION_OUTPUT: 'teal',
  SCRAP: 'red',
};

/** +1 when the move brings stock in (to `locationId`, or into the factory), −1 when it takes it out. */
function direction(move: StockMove, locationId: string | null, types: Map<string, string>): 1 | -1 | 0 {
  if (locationId) return move.toLocationId === locationId ? 1 : move.fromLocationId === locationId ? -1 : 0;
  const fromInside = INTERNAL.has(types.get(move.fromLocationId) ?? '');
  const toInside = INTERNAL.has(types.get(move.toLocationId) ?? '');
  return fromInside === toInside ? 0 : toInside ? 1 : -1;
}

/** The stock ledger of one product, newest first, with filters and paging. */
export function LedgerTable({ productId }: { productId: string }) {
  const { t, i18n } = useTranslation();
  const [type, setType] = useState<MoveType | null>(null);
  const [locationId, setLocationId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const locations = useQuery(locationQueries.all());
  const filters = {
    productId,
    type: type ?? undefined,
    locationId: locationId ?? undefined,
    from: from ? factoryDayStart(from) : undefined,
    to: to ? factoryDayEnd(to) : undefined,
    skip: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
  const moves = useQuery(stockQueries.moves(filters));
  const types = new Map((locations.data ?? []).map((l) => [l.id, l.type as string]));

  const filter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  const filtered = !!(type || locationId || from || to);
  const clearFilters = () => {
    setType(null);
    setLocationId(null);
    setFrom('');
    setTo('');
    setPage(1);
  };
  const signOf = (move: StockMove) => direction(move, locationId, types);
  const columns: DataColumn<StockMove>[] = [
    {
      id: 'when',
      header: t('warehouse.ledger.when'),
      alwaysVisible: true,
      sortValue: (move) => move.createdAt,
      cell: (move) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(move.createdAt, i18n.language)}
        </Text>
      ),
    },
    {
      id: 'type',
      header: t('warehouse.ledger.type'),
      sortValue: (move) => t(`warehouse.moveTypes.${move.type}`),
      cell: (move) => (
        <Badge variant="light" color={MOVE_TYPE_COLORS[move.type]} radius="sm" tt="none">
          {t(`warehouse.moveTypes.${move.type}`)}
        </Badge>
      ),
    },
    {
      id: 'quantity',
      header: t('warehouse.ledger.quantity'),
      align: 'right',
      sortValue: (move) => signOf(move) * move.quantity || move.quantity,
      cell: (move) => {
        const sign = signOf(move);
        return (
          <div style={{ whiteSpace: 'nowrap' }}>
            <Text size="sm" ff="monospace" fw={600} c={sign > 0 ? 'green.8' : sign < 0 ? 'red.8' : undefined}>
              {sign > 0 ? '+' : sign < 0 ? '−' : ''}
              {formatNumber(move.quantity, i18n.language)} {move.uom}
            </Text>
            {move.enteredUom && move.enteredQuantity !== null && (
              <Text size="xs" c="dimmed">
                {t('warehouse.ledger.entered', {
                  quantity: `${formatNumber(move.enteredQuantity, i18n.language)} ${move.enteredUom}`,
                })}
              </Text>
            )}
          </div>
        );
      },
    },
    {
      id: 'uom',
      header: t('warehouse.stock.unit'),
      hiddenByDefault: true,
      sortValue: (move) => move.uom,
      cell: (move) => move.uom,
    },
    {
      id: 'fromTo',
      header: t('warehouse.ledger.fromTo'),
      sortValue: (move) => `${move.fromLocationCode} → ${move.toLocationCode}`,
      cell: (move) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" ff="monospace">
            {move.fromLocationCode}
          </Text>
          <IconArrowRight size={14} aria-label={t('warehouse.ledger.to')} />
          <Text size="sm" ff="monospace">
            {move.toLocationCode}
          </Text>
        </Group>
      ),
    },
    {
      id: 'lot',
      header: t('warehouse.balances.lot'),
      sortValue: (move) => move.lotNumber,
      cell: (move) => (
        <Text size="sm" ff="monospace" c={move.lotNumber ? undefined : 'dimmed'}>
          {move.lotNumber ?? t('common.none')}
        </Text>
      ),
    },
    {
      id: 'reference',
      header: t('warehouse.ledger.reference'),
      sortValue: (move) => move.reference,
      csv: (move) => [move.reference, move.note].filter(Boolean).join(' · '),
      cell: (move) => (
        <div style={{ maxWidth: 260 }}>
          <Text size="sm" c={move.reference ? undefined : 'dimmed'}>
            {move.reference ?? t('common.none')}
          </Text>
          {move.note && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {move.note}
            </Text>
          )}
        </div>
      ),
    },
    {
      id: 'by',
      header: t('warehouse.ledger.by'),
      sortValue: (move) => move.actor?.username ?? t('warehouse.ledger.system'),
      cell: (move) => (
        <Text size="sm" c={move.actor ? undefined : 'dimmed'} fs={move.actor ? undefined : 'italic'}>
          {move.actor?.username ?? t('warehouse.ledger.system')}
        </Text>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <DataTable<StockMove>
        toolbar={
          <>
            <Select
              w={200}
              label={t('warehouse.ledger.type')}
              placeholder={t('common.all')}
              data={MOVE_TYPES.map((value) => ({ value, label: t(`warehouse.moveTypes.${value}`) }))}
              value={type}
              onChange={(v) => filter(setType)(v as MoveType | null)}
              clearable
            />
            <Select
              w={220}
              label={t('warehouse.ledger.location')}
              placeholder={t('common.all')}
              data={locationOptions(locations.data ?? [])}
              value={locationId}
              onChange={filter(setLocationId)}
              searchable
              clearable
            />
            <DateRangeInputs
              from={from}
              to={to}
              onFromChange={filter(setFrom)}
              onToChange={filter(setTo)}
              fromLabel={t('warehouse.ledger.from')}
              toLabel={t('warehouse.ledger.to')}
            />
            {filtered && (
              <Button variant="subtle" color="gray" onClick={clearFilters}>
                {t('common.clearFilters')}
              </Button>
            )}
          </>
        }
        tableId="warehouse.ledger"
        label={t('warehouse.ledger.title')}
        columns={columns}
        rows={moves.data?.items}
        rowId={(move) => move.id}
        loading={moves.isPending}
        error={moves.error}
        onRetry={() => void moves.refetch()}
        stale={moves.isPlaceholderData}
        skeletonRows={5}
        minWidth={900}
        csvFileName="stock-ledger"
        exportAll={() => fetchListCsv('/api/v1/warehouse/stock/moves', filters)}
        paging={{ page, pageSize: PAGE_SIZE, total: moves.data?.total ?? 0, onPageChange: setPage }}
        footnote={t('common.timeZoneNote')}
        empty={
          <EmptyState
            py="lg"
            size="sm"
            withIndicatorBackground
            icon={<IconListDetails />}
            title={t('warehouse.ledger.emptyTitle')}
            description={filtered ? t('warehouse.ledger.emptyFiltered') : t('warehouse.ledger.emptyBody')}
          />
        }
      />
    </Stack>
  );
}

/** Internal locations first (where stock is), then the virtual ones. */
export const locationOptions = (locations: readonly Location[]) =>
  [...locations]
    .sort((a, b) => Number(b.internal) - Number(a.internal) || a.code.localeCompare(b.code))
    .map((l) => ({ value: l.id, label: l.code }));
