import { Anchor, EmptyState, Text } from '@mantine/core';
import { SALES_ORDER_STATES } from '@kapok/contracts';
import { IconFileInvoice } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchListCsv } from '../../../lib/session';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListFrame } from '../../../components/ListFrame';
import {
  DataTable,
  SearchFilter,
  SelectFilter,
  useListPage,
  type DataColumn,
} from '../../../components/data-table';
import { formatQuantity } from '../../../lib/quantity';
import { salesQueries, type SalesOrderSummary } from '../api';
import { SalesOrderStateBadge } from './SalesOrderStateBadge';
import { weekOptions } from './weeks';

const PAGE = 50;

/** The buyer's orders, filtered by state, customer and delivery week. */
export function SalesOrderListPage() {
  const { t, i18n } = useTranslation();
  const list = useListPage({
    filters: { state: SALES_ORDER_STATES, customerId: 'text', week: 'text' },
    pageSize: PAGE,
    query: salesQueries.list,
  });
  const customers = useQuery(salesQueries.customers());
  const weeks = useMemo(() => weekOptions(26), []);

  const toolbar = (
    <>
      <SearchFilter
        list={list}
        label={t('sales.filters.search')}
        placeholder={t('sales.filters.searchPlaceholder')}
        w={240}
      />
      <SelectFilter
        list={list}
        name="state"
        label={t('sales.fields.state')}
        data={SALES_ORDER_STATES.map((s) => ({ value: s, label: t(`sales.state.${s}`) }))}
        w={180}
      />
      <SelectFilter
        list={list}
        name="customerId"
        label={t('sales.fields.customer')}
        searchable
        data={(customers.data ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }))}
        w={220}
      />
      <SelectFilter
        list={list}
        name="week"
        label={t('sales.fields.deliveryWeek')}
        searchable
        data={weeks}
        w={150}
      />
    </>
  );

  const columns: DataColumn<SalesOrderSummary>[] = [
    {
      id: 'number',
      header: t('sales.fields.number'),
      alwaysVisible: true,
      sortValue: (o) => o.number,
      cell: (o) => (
        <Anchor component={Link} to={`/sales/orders/${o.id}`} ff="monospace" fw={600} size="sm">
          {o.number}
        </Anchor>
      ),
    },
    {
      id: 'customer',
      header: t('sales.fields.customer'),
      sortValue: (o) => o.customer.name,
      cell: (o) => o.customer.name,
    },
    {
      id: 'customerPo',
      header: t('sales.fields.customerPo'),
      sortValue: (o) => o.customerPo,
      cell: (o) => o.customerPo,
    },
    {
      id: 'quantity',
      header: t('sales.fields.quantity'),
      align: 'right',
      sortValue: (o) => o.totalQuantity,
      cell: (o) => (
        <>
          {formatQuantity(o.totalQuantity, 'PCS', i18n.language)}
          <Text size="xs" c="dimmed">
            {t('sales.lineCount', { count: o.lineCount })}
          </Text>
        </>
      ),
    },
    {
      id: 'weeks',
      header: t('sales.fields.weeks'),
      sortValue: (o) => o.firstDeliveryWeek,
      csv: (o) =>
        o.firstDeliveryWeek === o.lastDeliveryWeek
          ? o.firstDeliveryWeek
          : `${o.firstDeliveryWeek} – ${o.lastDeliveryWeek}`,
      cell: (o) =>
        o.firstDeliveryWeek === o.lastDeliveryWeek
          ? (o.firstDeliveryWeek ?? '—')
          : `${o.firstDeliveryWeek} – ${o.lastDeliveryWeek}`,
    },
    {
      id: 'firstExFactory',
      header: t('sales.fields.firstExFactory'),
      sortValue: (o) => o.firstExFactoryDate,
      cell: (o) => o.firstExFactoryDate ?? '—',
    },
    {
      id: 'state',
      minWidth: 130,
      sticky: true,
      header: t('sales.fields.state'),
      sortValue: (o) => SALES_ORDER_STATES.indexOf(o.state),
      csv: (o) => t(`sales.state.${o.state}`),
      cell: (o) => <SalesOrderStateBadge state={o.state} />,
    },
  ];

  return (
    <>
      <ListFrame
        title={t('sales.title')}
        description={t('sales.description')}
        create={{ permission: 'sales.create', label: t('sales.new'), to: '/sales/orders/new' }}
      >
        <DataTable<SalesOrderSummary>
          tableId="sales.orders"
          label={t('sales.title')}
          columns={columns}
          rowId={(o) => o.id}
          {...list.table}
          minWidth={860}
          whiteSpace="nowrap"
          csvFileName="sales-orders"
          exportAll={() => fetchListCsv('/api/v1/sales/orders', list.params)}
          toolbar={toolbar}
          empty={
            <EmptyState
              py="xl"
              withIndicatorBackground
              icon={<IconFileInvoice />}
              title={list.filtered ? t('sales.empty.filteredTitle') : t('sales.empty.title')}
              description={list.filtered ? t('sales.empty.filteredBody') : t('sales.empty.body')}
            />
          }
        />
      </ListFrame>
    </>
  );
}
