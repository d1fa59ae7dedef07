import { SHIPMENT_STATES } from '@kapok/contracts';
import { EmptyState } from '@mantine/core';
import { IconTruckDelivery } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ListFrame } from '../../../components/ListFrame';
import { DataTable, SearchFilter, SelectFilter, useListPage } from '../../../components/data-table';
import { salesQueries } from '../../sales/api';
import { shippingQueries, type ShipmentSummary } from '../api';
import { useShipmentColumns } from './shipment-columns';

const PAGE = 50;

/** The shipments, filtered by state, customer and number, on the app's one list. */
export function ShipmentListPage() {
  const { t } = useTranslation();
  const list = useListPage({
    filters: { state: SHIPMENT_STATES, customerId: 'text' },
    pageSize: PAGE,
    query: shippingQueries.list,
  });
  const customers = useQuery(salesQueries.customers());

  const toolbar = (
    <>
      <SearchFilter
        list={list}
        label={t('shipping.filters.search')}
        placeholder={t('shipping.filters.searchPlaceholder')}
        w={220}
      />
      <SelectFilter
        list={list}
        name="state"
        label={t('shipping.fields.state')}
        data={SHIPMENT_STATES.map((s) => ({ value: s, label: t(`shipping.state.${s}`) }))}
        w={180}
      />
      <SelectFilter
        list={list}
        name="customerId"
        label={t('shipping.fields.customer')}
        searchable
        data={(customers.data ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }))}
        w={240}
      />
    </>
  );

  const columns = useShipmentColumns();

  return (
    <>
      <ListFrame
        title={t('shipping.title')}
        description={t('shipping.description')}
        create={{ permission: 'shipping.create', label: t('shipping.new'), to: '/shipping/shipments/new' }}
      >
        <DataTable<ShipmentSummary>
          tableId="shipping.shipments"
          label={t('shipping.title')}
          columns={columns}
          rowId={(s) => s.id}
          {...list.table}
          minWidth={700}
          whiteSpace="nowrap"
          csvFileName="shipments"
          toolbar={toolbar}
          empty={
            <EmptyState
              py="xl"
              withIndicatorBackground
              icon={<IconTruckDelivery />}
              title={list.filtered ? t('shipping.empty.filteredTitle') : t('shipping.empty.title')}
              description={list.filtered ? t('shipping.empty.filteredBody') : t('shipping.empty.body')}
            />
          }
        />
      </ListFrame>
    </>
  );
}
