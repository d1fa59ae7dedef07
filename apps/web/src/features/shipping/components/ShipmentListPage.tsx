import { SHIPMENT_STATES, type ShipmentState } from '@kapok/contracts';
import { Button, EmptyState, Paper, Select, TextInput } from '@mantine/core';
import { IconPlus, IconSearch, IconTruckDelivery } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Can } from '../../../components/Can';
import { PageHeader } from '../../../components/PageHeader';
import { DataTable, useListPage } from '../../../components/data-table';
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
  const { state, customerId } = list.filters;
  const customers = useQuery(salesQueries.customers());

  const toolbar = (
    <>
      <TextInput
        label={t('shipping.filters.search')}
        placeholder={t('shipping.filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={list.search}
        onChange={(e) => list.setSearch(e.currentTarget.value)}
        w={220}
      />
      <Select
        label={t('shipping.fields.state')}
        placeholder={t('common.all')}
        clearable
        data={SHIPMENT_STATES.map((s) => ({ value: s, label: t(`shipping.state.${s}`) }))}
        value={state}
        onChange={(v) => list.setFilter('state', v as ShipmentState | null)}
        w={180}
      />
      <Select
        label={t('shipping.fields.customer')}
        placeholder={t('common.all')}
        clearable
        searchable
        data={(customers.data ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }))}
        value={customerId}
        onChange={(v) => list.setFilter('customerId', v)}
        w={240}
      />
    </>
  );

  const columns = useShipmentColumns();

  return (
    <>
      <PageHeader
        title={t('shipping.title')}
        description={t('shipping.description')}
        actions={
          <Can permission="shipping.create">
            <Button component={Link} to="/shipping/shipments/new" leftSection={<IconPlus size={16} />}>
              {t('shipping.new')}
            </Button>
          </Can>
        }
      />
      <Paper withBorder p="md" radius="md">
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
      </Paper>
    </>
  );
}
