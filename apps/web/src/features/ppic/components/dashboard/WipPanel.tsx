import { Progress, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../api';
import { formatNumber } from '../shared/format';
import { Legend } from './Legend';

/** Work in progress per department now: active work orders, pieces waiting to be worked and to be handed over. */
export function WipPanel({ wip }: { wip: Overview['wipByDepartment'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const most = Math.max(1, ...wip.map((d) => d.queuedQuantity + d.awaitingHandoverQuantity));
  return (
    <>
      <Legend
        items={[
          { label: t('ppic.dashboard.queuedQuantity'), color: 'kapok-5' },
          { label: t('ppic.dashboard.awaitingHandover'), color: 'grape-4' },
        ]}
      />
      <Table
        aria-label={t('ppic.dashboard.wip')}
        verticalSpacing={6}
        highlightOnHover={false}
        style={{ whiteSpace: 'nowrap' }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ppic.dashboard.department')}</Table.Th>
            <Table.Th ta="right">{t('ppic.dashboard.activeOrders')}</Table.Th>
            <Table.Th ta="right">{t('ppic.dashboard.queuedQuantity')}</Table.Th>
            <Table.Th ta="right">{t('ppic.dashboard.awaitingHandover')}</Table.Th>
            <Table.Th w="30%" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {wip.map((d) => (
            <Table.Tr key={d.department}>
              <Table.Td>
                <Text size="sm">{t(`departments.${d.department}`)}</Text>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(d.activeOrders, lang)}</Table.Td>
              <Table.Td ta="right">{formatNumber(d.queuedQuantity, lang)}</Table.Td>
              <Table.Td ta="right">{formatNumber(d.awaitingHandoverQuantity, lang)}</Table.Td>
              <Table.Td>
                <Progress.Root size="md" aria-hidden>
                  <Progress.Section value={(d.queuedQuantity / most) * 100} color="kapok.5" />
                  <Progress.Section value={(d.awaitingHandoverQuantity / most) * 100} color="grape.4" />
                </Progress.Root>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
