import { Anchor, Button, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { SALES_ORDER_STATES, type SalesOrderState } from '@kapok/contracts';
import { IconFileInvoice, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Can } from '../../../components/Can';
import { PageHeader } from '../../../components/PageHeader';
import { PagedList } from '../../../components/PagedList';
import { formatQuantity } from '../../../lib/quantity';
import { salesQueries } from '../api';
import { SalesOrderStateBadge } from './SalesOrderStateBadge';
import { weekOptions } from './weeks';

const PAGE = 50;

/** The buyer's orders, filtered by state, customer and delivery week. */
export function SalesOrderListPage() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<SalesOrderState | null>(null);
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [week, setWeek] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(1);
  const customers = useQuery(salesQueries.customers());
  const orders = useQuery(
    salesQueries.list({
      state: state ?? undefined,
      customerId: customerId ?? undefined,
      week: week ?? undefined,
      search: debounced || undefined,
      skip: (page - 1) * PAGE,
      limit: PAGE,
    }),
  );
  const weeks = useMemo(() => weekOptions(26), []);
  const filtered = !!(state || customerId || week || debounced);
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <>
      <PageHeader
        title={t('sales.title')}
        description={t('sales.description')}
        actions={
          <Can permission="sales.create">
            <Button component={Link} to="/sales/orders/new" leftSection={<IconPlus size={16} />}>
              {t('sales.new')}
            </Button>
          </Can>
        }
      />
      <Paper withBorder p="md" radius="md">
        <Group mb="sm" wrap="wrap" align="flex-end">
          <TextInput
            label={t('sales.filters.search')}
            placeholder={t('sales.filters.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => filter(setSearch)(e.currentTarget.value)}
            w={240}
          />
          <Select
            label={t('sales.fields.state')}
            placeholder={t('common.all')}
            clearable
            data={SALES_ORDER_STATES.map((s) => ({ value: s, label: t(`sales.state.${s}`) }))}
            value={state}
            onChange={(v) => filter(setState)(v as SalesOrderState | null)}
            w={180}
          />
          <Select
            label={t('sales.fields.customer')}
            placeholder={t('common.all')}
            clearable
            searchable
            data={(customers.data ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }))}
            value={customerId}
            onChange={filter(setCustomerId)}
            w={220}
          />
          <Select
            label={t('sales.fields.deliveryWeek')}
            placeholder={t('common.all')}
            clearable
            searchable
            data={weeks}
            value={week}
            onChange={filter(setWeek)}
            w={150}
          />
        </Group>
        <PagedList
          query={orders}
          page={page}
          pageSize={PAGE}
          onPage={setPage}
          icon={IconFileInvoice}
          emptyTitle={filtered ? t('sales.empty.filteredTitle') : t('sales.empty.title')}
          emptyBody={filtered ? t('sales.empty.filteredBody') : t('sales.empty.body')}
        >
          {(items) => (
            <Table.ScrollContainer minWidth={860}>
              <Table aria-label={t('sales.title')} highlightOnHover verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('sales.fields.number')}</Table.Th>
                    <Table.Th>{t('sales.fields.customer')}</Table.Th>
                    <Table.Th>{t('sales.fields.customerPo')}</Table.Th>
                    <Table.Th>{t('sales.fields.state')}</Table.Th>
                    <Table.Th ta="right">{t('sales.fields.quantity')}</Table.Th>
                    <Table.Th>{t('sales.fields.weeks')}</Table.Th>
                    <Table.Th>{t('sales.fields.firstExFactory')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/sales/orders/${o.id}`}
                          ff="monospace"
                          fw={600}
                          size="sm"
                        >
                          {o.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{o.customer.name}</Table.Td>
                      <Table.Td>{o.customerPo}</Table.Td>
                      <Table.Td>
                        <SalesOrderStateBadge state={o.state} />
                      </Table.Td>
                      <Table.Td ta="right">
                        {formatQuantity(o.totalQuantity, 'PCS', i18n.language)}
                        <Text size="xs" c="dimmed">
                          {t('sales.lineCount', { count: o.lineCount })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {o.firstDeliveryWeek === o.lastDeliveryWeek
                          ? (o.firstDeliveryWeek ?? '—')
                          : `${o.firstDeliveryWeek} – ${o.lastDeliveryWeek}`}
                      </Table.Td>
                      <Table.Td>{o.firstExFactoryDate ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </PagedList>
      </Paper>
    </>
  );
}
