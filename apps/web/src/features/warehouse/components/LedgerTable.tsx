import { Badge, Button, EmptyState, Group, Pagination, Select, Stack, Table, Text } from '@mantine/core';
import { MOVE_TYPES, type MoveType } from '@kapok/contracts';
import { IconArrowRight, IconListDetails } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/LoadingState';
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
  const moves = useQuery(
    stockQueries.moves({
      productId,
      type: type ?? undefined,
      locationId: locationId ?? undefined,
      from: from ? factoryDayStart(from) : undefined,
      to: to ? factoryDayEnd(to) : undefined,
      skip: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }),
  );
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
  const total = moves.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
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
      </Group>

      {moves.isPending ? (
        <TableSkeleton rows={5} />
      ) : moves.isError ? (
        <ErrorState error={moves.error} onRetry={() => void moves.refetch()} />
      ) : moves.data.items.length === 0 ? (
        <EmptyState
          py="lg"
          size="sm"
          withIndicatorBackground
          icon={<IconListDetails />}
          title={t('warehouse.ledger.emptyTitle')}
          description={filtered ? t('warehouse.ledger.emptyFiltered') : t('warehouse.ledger.emptyBody')}
        />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table
            aria-label={t('warehouse.ledger.title')}
            highlightOnHover={false}
            style={{ opacity: moves.isPlaceholderData ? 0.6 : 1 }}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('warehouse.ledger.when')}</Table.Th>
                <Table.Th>{t('warehouse.ledger.type')}</Table.Th>
                <Table.Th ta="right">{t('warehouse.ledger.quantity')}</Table.Th>
                <Table.Th>{t('warehouse.ledger.fromTo')}</Table.Th>
                <Table.Th>{t('warehouse.balances.lot')}</Table.Th>
                <Table.Th>{t('warehouse.ledger.reference')}</Table.Th>
                <Table.Th>{t('warehouse.ledger.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {moves.data.items.map((move) => {
                const sign = direction(move, locationId, types);
                return (
                  <Table.Tr key={move.id}>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(move.createdAt, i18n.language)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={MOVE_TYPE_COLORS[move.type]} radius="sm" tt="none">
                        {t(`warehouse.moveTypes.${move.type}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Text
                        size="sm"
                        ff="monospace"
                        fw={600}
                        c={sign > 0 ? 'green.8' : sign < 0 ? 'red.8' : undefined}
                      >
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
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" ff="monospace">
                          {move.fromLocationCode}
                        </Text>
                        <IconArrowRight size={14} aria-label={t('warehouse.ledger.to')} />
                        <Text size="sm" ff="monospace">
                          {move.toLocationCode}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace" c={move.lotNumber ? undefined : 'dimmed'}>
                        {move.lotNumber ?? t('common.none')}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={260}>
                      <Text size="sm" c={move.reference ? undefined : 'dimmed'}>
                        {move.reference ?? t('common.none')}
                      </Text>
                      {move.note && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {move.note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text
                        size="sm"
                        c={move.actor ? undefined : 'dimmed'}
                        fs={move.actor ? undefined : 'italic'}
                      >
                        {move.actor?.username ?? t('warehouse.ledger.system')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {total > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('common.showing', {
              from: (page - 1) * PAGE_SIZE + 1,
              to: Math.min(total, page * PAGE_SIZE),
              total,
            })}{' '}
            · {t('common.timeZoneNote')}
          </Text>
          {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
        </Group>
      )}
    </Stack>
  );
}

/** Internal locations first (where stock is), then the virtual ones. */
export const locationOptions = (locations: readonly Location[]) =>
  [...locations]
    .sort((a, b) => Number(b.internal) - Number(a.internal) || a.code.localeCompare(b.code))
    .map((l) => ({ value: l.id, label: l.code }));
