import { SHIPMENT_STATES, type ShipmentState } from '@kapok/contracts';
import { Button, EmptyState, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconTruckDelivery } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Can } from '../../../components/Can';
import { PageHeader } from '../../../components/PageHeader';
import { DataTable } from '../../../components/data-table';
import { salesQueries } from '../../sales/api';
import { shippingQueries, type ShipmentSummary } from '../api';
import { useShipmentColumns } from './shipment-columns';

const PAGE = 50;

/** The shipments, filtered by state, customer and number, on the app's one list. */
export function ShipmentListPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<ShipmentState | null>(null);
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(1);
  const customers = useQuery(salesQueries.customers());
  const list = useQuery(
    shippingQueries.list({
      state: state ?? undefined,
      customerId: customerId ?? undefined,
      search: debounced || undefined,
      skip: (page - 1) * PAGE,
      limit: PAGE,
    }),
  );
  const filtered = !!(state || customerId || debounced);
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  const toolbar = (
    <>
      <TextInput
        label={t('shipping.filters.search')}
        placeholder={t('shipping.filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => filter(setSearch)(e.currentTarget.value)}
        w={220}
      />
      <Select
        label={t('shipping.fields.state')}
        placeholder={t('common.all')}
        clearable
        data={SHIPMENT_STATES.map((s) => ({ value: s, label: t(`shipping.state.${s}`) }))}
        value={state}
        onChange={(v) => filter(setState)(v as ShipmentState | null)}
        w={180}
      />
      <Select
        label={t('shipping.fields.customer')}
        placeholder={t('common.all')}
        clearable
        searchable
        data={(customers.data ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }))}
        value={customerId}
        onChange={filter(setCustomerId)}
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
          rows={list.data?.items}
          rowId={(s) => s.id}
          loading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          stale={list.isPlaceholderData}
          minWidth={700}
          whiteSpace="nowrap"
          csvFileName="shipments"
          paging={{ page, pageSize: PAGE, total: list.data?.total ?? 0, onPageChange: setPage }}
          toolbar={toolbar}
          empty={
            <EmptyState
              py="xl"
              withIndicatorBackground
              icon={<IconTruckDelivery />}
              title={filtered ? t('shipping.empty.filteredTitle') : t('shipping.empty.title')}
              description={filtered ? t('shipping.empty.filteredBody') : t('shipping.empty.body')}
            />
          }
        />
      </Paper>
    </>
  );
}
