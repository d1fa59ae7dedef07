import { EmptyState, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPackageOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LotStatusBadge } from '../../../components/LotStatusBadge';
import { formatDateTime } from '../../../lib/time';
import type { Balance } from '../api';
import { formatDay, formatNumber } from './format';

/** Stock of one product per location and lot, as the ledger left it. */
export function BalancesTable({ balances }: { balances: readonly Balance[] }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  if (balances.length === 0)
    return (
      <EmptyState
        py="lg"
        size="sm"
        withIndicatorBackground
        icon={<IconPackageOff />}
        title={t('warehouse.balances.emptyTitle')}
        description={t('warehouse.balances.emptyBody')}
      />
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={t('warehouse.balances.title')} highlightOnHover={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('warehouse.balances.location')}</Table.Th>
            <Table.Th>{t('warehouse.balances.lot')}</Table.Th>
            <Table.Th>{t('warehouse.balances.received')}</Table.Th>
            <Table.Th ta="right">{t('warehouse.stock.onHand')}</Table.Th>
            <Table.Th ta="right">{t('warehouse.stock.reserved')}</Table.Th>
            <Table.Th ta="right">{t('warehouse.stock.available')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {balances.map((b) => (
            <Table.Tr key={`${b.locationId}:${b.lotId ?? '-'}`}>
              <Table.Td>
                <Text size="sm" fw={600} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {b.locationCode}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {b.locationName}
                </Text>
              </Table.Td>
              <Table.Td>
                {b.lotNumber ? (
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {b.lotNumber}
                    </Text>
                    {b.qualityStatus && <LotStatusBadge state={b.qualityStatus} size="sm" />}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed" fs="italic">
                    {t('warehouse.balances.noLot')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {b.lotReceivedAt ? (
                  <Tooltip label={formatDateTime(b.lotReceivedAt, i18n.language)} withArrow>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDay(b.lotReceivedAt, i18n.language)}
                    </Text>
                  </Tooltip>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('common.none')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {n(b.onHand)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" c={b.reserved > 0 ? undefined : 'dimmed'}>
                {n(b.reserved)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {n(b.available)}{' '}
                <Text span size="xs" c="dimmed" ff="body" fw={400}>
                  {b.uom}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
