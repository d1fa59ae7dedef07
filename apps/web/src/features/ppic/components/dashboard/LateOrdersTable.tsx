import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Overview } from '../../api';
import { MoStateBadge } from '../shared/appearance';
import { formatDay, formatNumber } from '../shared/format';

/** Orders past their due date and not finished, the latest first. */
export function LateOrdersTable({ late }: { late: Overview['late'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (late.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('ppic.dashboard.noLate')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={t('ppic.dashboard.lateOrders')} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ppic.fields.batchNumber')}</Table.Th>
            <Table.Th>{t('ppic.fields.product')}</Table.Th>
            <Table.Th>{t('ppic.fields.state')}</Table.Th>
            <Table.Th>{t('ppic.fields.dueDate')}</Table.Th>
            <Table.Th ta="right">{t('ppic.dashboard.daysLateColumn')}</Table.Th>
            <Table.Th ta="right">{t('ppic.fields.plannedQuantity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {late.map((mo) => (
            <Table.Tr key={mo.id}>
              <Table.Td>
                <Anchor component={Link} to={`/ppic/orders/${mo.id}`} size="sm" fw={700} ff="monospace">
                  {mo.batchNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>{mo.productCode}</Table.Td>
              <Table.Td>
                <MoStateBadge state={mo.state} size="sm" />
              </Table.Td>
              <Table.Td>{formatDay(mo.dueDate, lang)}</Table.Td>
              <Table.Td ta="right">
                <Badge color="red" variant={mo.daysLate > 3 ? 'filled' : 'light'} tt="none">
                  {t('ppic.daysLate', { count: mo.daysLate })}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(mo.plannedQuantity, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
