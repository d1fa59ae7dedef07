import { Anchor, EmptyState, Switch } from '@mantine/core';
import { PURCHASE_ORDER_STATES } from '@kapok/contracts';
import { IconShoppingCart } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
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
import { formatNumber } from '../../../lib/quantity';
import { purchasingQueries, type PurchaseOrderSummary } from '../api';
import { PurchaseOrderStateBadge } from './PurchaseOrderStateBadge';

const PAGE = 50;

/** Purchase orders, filtered by state and supplier; open ones (approved, partly received) first to hand. */
export function PurchaseOrderListPage() {
  const { t, i18n } = useTranslation();
  const list = useListPage({
    filters: { state: PURCHASE_ORDER_STATES, supplierId: 'text', open: 'flag' },
    pageSize: PAGE,
    query: purchasingQueries.list,
  });
  const suppliers = useQuery(purchasingQueries.suppliers());

  const toolbar = (
    <>
      <SearchFilter
        list={list}
        label={t('purchasing.filters.search')}
        placeholder={t('purchasing.filters.searchPlaceholder')}
        w={220}
      />
      <SelectFilter
        list={list}
        name="state"
        label={t('purchasing.fields.state')}
        data={PURCHASE_ORDER_STATES.map((s) => ({ value: s, label: t(`purchasing.state.${s}`) }))}
        w={190}
      />
      <SelectFilter
        list={list}
        name="supplierId"
        label={t('purchasing.fields.supplier')}
        searchable
        data={(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
        w={240}
      />
      <Switch
        mb={8}
        label={t('purchasing.filters.openOnly')}
        checked={list.filters.open}
        onChange={(e) => list.setFilter('open', e.currentTarget.checked)}
      />
    </>
  );

  const columns: DataColumn<PurchaseOrderSummary>[] = [
    {
      id: 'number',
      header: t('purchasing.fields.number'),
      alwaysVisible: true,
      sortValue: (o) => o.number,
      cell: (o) => (
        <Anchor component={Link} to={`/purchasing/orders/${o.id}`} ff="monospace" fw={600} size="sm">
          {o.number}
        </Anchor>
      ),
    },
    {
      id: 'supplier',
      header: t('purchasing.fields.supplier'),
      sortValue: (o) => o.supplier.name,
      cell: (o) => o.supplier.name,
    },
    {
      id: 'lines',
      header: t('purchasing.fields.lines'),
      align: 'right',
      sortValue: (o) => o.lineCount,
      cell: (o) => o.lineCount,
    },
    {
      id: 'firstExpected',
      header: t('purchasing.fields.firstExpected'),
      sortValue: (o) => o.firstExpectedDate,
      cell: (o) => o.firstExpectedDate ?? '—',
    },
    {
      id: 'value',
      header: t('purchasing.fields.value'),
      align: 'right',
      sortValue: (o) => o.totalValue,
      cell: (o) => (o.totalValue === null ? '—' : `IDR ${formatNumber(o.totalValue, i18n.language, 0)}`),
    },
    {
      id: 'createdBy',
      header: t('purchasing.fields.createdBy'),
      sortValue: (o) => o.createdBy?.fullName,
      cell: (o) => o.createdBy?.fullName ?? '—',
    },
    {
      id: 'state',
      minWidth: 130,
      sticky: true,
      header: t('purchasing.fields.state'),
      sortValue: (o) => PURCHASE_ORDER_STATES.indexOf(o.state),
      csv: (o) => t(`purchasing.state.${o.state}`),
      cell: (o) => <PurchaseOrderStateBadge state={o.state} />,
    },
  ];

  return (
    <>
      <ListFrame
        title={t('purchasing.title')}
        description={t('purchasing.description')}
        create={{ permission: 'purchasing.create', label: t('purchasing.new'), to: '/purchasing/orders/new' }}
      >
        <DataTable<PurchaseOrderSummary>
          tableId="purchasing.orders"
          label={t('purchasing.title')}
          columns={columns}
          rowId={(o) => o.id}
          {...list.table}
          minWidth={860}
          whiteSpace="nowrap"
          csvFileName="purchase-orders"
          exportAll={() => fetchListCsv('/api/v1/purchasing/orders', list.params)}
          toolbar={toolbar}
          empty={
            <EmptyState
              py="xl"
              withIndicatorBackground
              icon={<IconShoppingCart />}
              title={list.filtered ? t('purchasing.empty.filteredTitle') : t('purchasing.empty.title')}
              description={list.filtered ? t('purchasing.empty.filteredBody') : t('purchasing.empty.body')}
            />
          }
        />
      </ListFrame>
    </>
  );
}
