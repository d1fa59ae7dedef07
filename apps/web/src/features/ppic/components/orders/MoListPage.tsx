import {
  Anchor,
  Button,
  Checkbox,
  EmptyState,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { MO_STATES, ROUTES, type MoState, type Route } from '@kapok/contracts';
import { IconClipboardList, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchListCsv } from '../../../../lib/session';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Can } from '../../../../components/Can';
import { PageHeader } from '../../../../components/PageHeader';
import { DataTable, type DataColumn } from '../../../../components/data-table';
import { moQueries, type BatchAction, type Mo } from '../../api';
import { CreateMoModal } from '../create/CreateMoModal';
import { LateBadge, MoStateBadge } from '../shared/appearance';
import { formatDay, formatNumber } from '../shared/format';
import { BatchBar } from './BatchBar';
import { BatchDialog } from './BatchDialog';

const PAGE_SIZE = 25;
const ROUTE_NAMES = Object.keys(ROUTES) as Route[];

const isState = (v: string | null): v is MoState => MO_STATES.includes(v as MoState);
const isRoute = (v: string | null): v is Route => ROUTE_NAMES.includes(v as Route);

/** Manufacturing orders: filters in the address (so back from an order keeps them), batch actions on a selection. */
export function MoListPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const routeParam = params.get('route');
  const state = isState(stateParam) ? stateParam : undefined;
  const route = isRoute(routeParam) ? routeParam : undefined;
  const late = params.get('late') === '1';
  const search = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [selected, setSelected] = useState<ReadonlyMap<string, Mo>>(new Map());
  const [batchAction, setBatchAction] = useState<BatchAction | null>(null);
  const [creating, setCreating] = useState(false);

  const filters = {
    state,
    route,
    late: late || undefined,
    search: debouncedSearch || undefined,
    skip: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
  const orders = useQuery(moQueries.list(filters));

  /** Changes one filter and starts again from the first page. */
  const setFilter = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );
  const filtered = !!(state || route || late || search);
  const clearFilters = () => setParams({}, { replace: true });

  const items = orders.data?.items ?? [];

  const toggle = (mo: Mo) =>
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(mo.id)) next.delete(mo.id);
      else next.set(mo.id, mo);
      return next;
    });
  const allOnPage = items.length > 0 && items.every((mo) => selected.has(mo.id));
  const someOnPage = items.some((mo) => selected.has(mo.id));
  const togglePage = () =>
    setSelected((current) => {
      const next = new Map(current);
      for (const mo of items) {
        if (allOnPage) next.delete(mo.id);
        else next.set(mo.id, mo);
      }
      return next;
    });
  // The selection keeps what the list answered when each order was ticked; show its latest state.
  const selection = [...selected.values()].map((mo) => items.find((i) => i.id === mo.id) ?? mo);

  const columns: DataColumn<Mo>[] = [
    {
      id: 'select',
      header: t('ppic.orders.selectPage'),
      alwaysVisible: true,
      width: 40,
      headerCell: (
        <Checkbox
          aria-label={t('ppic.orders.selectPage')}
          checked={allOnPage}
          indeterminate={someOnPage && !allOnPage}
          onChange={togglePage}
        />
      ),
      cell: (mo) => (
        <Checkbox
          aria-label={t('ppic.orders.select', { number: mo.batchNumber })}
          checked={selected.has(mo.id)}
          onChange={() => toggle(mo)}
        />
      ),
    },
    {
      id: 'batchNumber',
      header: t('ppic.fields.batchNumber'),
      alwaysVisible: true,
      sortValue: (mo) => mo.batchNumber,
      cell: (mo) => (
        <Anchor component={Link} to={`/ppic/orders/${mo.id}`} fw={700} size="sm" ff="monospace">
          {mo.batchNumber}
        </Anchor>
      ),
    },
    {
      id: 'product',
      header: t('ppic.fields.product'),
      sortValue: (mo) => mo.productCode,
      csv: (mo) => `${mo.productCode} ${mo.productName}`,
      cell: (mo) => (
        <>
          <Text size="sm" fw={600}>
            {mo.productCode}
          </Text>
          <Text size="xs" c="dimmed" truncate maw={240}>
            {mo.productName}
          </Text>
        </>
      ),
    },
    {
      id: 'plannedQuantity',
      header: t('ppic.fields.plannedQuantity'),
      align: 'right',
      sortValue: (mo) => mo.plannedQuantity,
      cell: (mo) => (
        <>
          <Text size="sm" fw={600} span>
            {formatNumber(mo.plannedQuantity, i18n.language)}
          </Text>{' '}
          <Text size="xs" c="dimmed" span>
            {mo.uom}
          </Text>
          {mo.producedQuantity !== null && (
            <Text size="xs" c="dimmed">
              {t('ppic.orders.produced', { qty: formatNumber(mo.producedQuantity, i18n.language) })}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'produced',
      header: t('ppic.fields.produced'),
      align: 'right',
      hiddenByDefault: true,
      sortValue: (mo) => mo.producedQuantity,
      cell: (mo) =>
        mo.producedQuantity === null ? t('common.none') : formatNumber(mo.producedQuantity, i18n.language),
    },
    {
      id: 'uom',
      header: t('warehouse.stock.unit'),
      hiddenByDefault: true,
      sortValue: (mo) => mo.uom,
      cell: (mo) => mo.uom,
    },
    {
      id: 'route',
      header: t('ppic.fields.route'),
      sortValue: (mo) => t(`ppic.route.${mo.route}`),
      cell: (mo) => <Text size="sm">{t(`ppic.route.${mo.route}`)}</Text>,
    },
    {
      id: 'dueDate',
      header: t('ppic.fields.dueDate'),
      sortValue: (mo) => mo.dueDate,
      cell: (mo) => (
        <Stack gap={2} align="flex-start">
          <Text size="sm" c={mo.late ? 'red.8' : undefined} fw={mo.late ? 700 : undefined}>
            {mo.dueDate ? formatDay(mo.dueDate, i18n.language) : t('common.none')}
          </Text>
          {mo.late && <LateBadge />}
        </Stack>
      ),
    },
    {
      id: 'week',
      header: t('ppic.fields.week'),
      sortValue: (mo) => mo.week,
      cell: (mo) => <Text size="sm">{mo.week ?? t('common.none')}</Text>,
    },
    {
      id: 'destination',
      header: t('ppic.fields.destination'),
      sortValue: (mo) => mo.destination,
      cell: (mo) => <Text size="sm">{mo.destination ?? t('common.none')}</Text>,
    },
    {
      id: 'state',
      header: t('ppic.fields.state'),
      minWidth: 130,
      sticky: true,
      sortValue: (mo) => MO_STATES.indexOf(mo.state),
      csv: (mo) => t(`ppic.state.${mo.state}`),
      cell: (mo) => <MoStateBadge state={mo.state} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('ppic.orders.title')}
        description={t('ppic.orders.description')}
        actions={
          <Can permission="ppic.create">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('ppic.orders.new')}
            </Button>
          </Can>
        }
      />
      <Paper p="md" radius="md">
        <Stack gap="md">
          <DataTable<Mo>
            toolbar={
              <>
                <TextInput
                  style={{ flex: '1 1 260px' }}
                  leftSection={<IconSearch size={16} />}
                  placeholder={t('ppic.orders.search')}
                  aria-label={t('ppic.orders.search')}
                  value={search}
                  onChange={(e) => setFilter('q', e.currentTarget.value)}
                />
                <Select
                  w={180}
                  aria-label={t('ppic.orders.state')}
                  placeholder={t('ppic.orders.allStates')}
                  data={MO_STATES.map((s) => ({ value: s, label: t(`ppic.state.${s}`) }))}
                  value={state ?? null}
                  onChange={(v) => setFilter('state', v)}
                  clearable
                />
                <Select
                  w={160}
                  aria-label={t('ppic.orders.route')}
                  placeholder={t('ppic.orders.allRoutes')}
                  data={ROUTE_NAMES.map((r) => ({ value: r, label: t(`ppic.route.${r}`) }))}
                  value={route ?? null}
                  onChange={(v) => setFilter('route', v)}
                  clearable
                />
                <Switch
                  label={t('ppic.orders.lateOnly')}
                  checked={late}
                  onChange={(e) => setFilter('late', e.currentTarget.checked ? '1' : null)}
                  color="red"
                />
                {filtered && (
                  <Button variant="subtle" color="gray" onClick={clearFilters}>
                    {t('common.clearFilters')}
                  </Button>
                )}
              </>
            }
            banner={
              selection.length > 0 && (
                <BatchBar
                  orders={selection}
                  onAction={setBatchAction}
                  onClear={() => setSelected(new Map())}
                />
              )
            }
            tableId="ppic.orders"
            label={t('ppic.orders.title')}
            columns={columns}
            rows={orders.data?.items}
            rowId={(mo) => mo.id}
            loading={orders.isPending}
            error={orders.error}
            onRetry={() => void orders.refetch()}
            stale={orders.isPlaceholderData}
            minWidth={980}
            whiteSpace="nowrap"
            csvFileName="manufacturing-orders"
            exportAll={() => fetchListCsv('/api/v1/ppic/tasks', filters)}
            paging={{
              page,
              pageSize: PAGE_SIZE,
              total: orders.data?.total ?? 0,
              onPageChange: (p) => setFilter('page', String(p)),
            }}
            rowProps={(mo) => ({
              bg: selected.has(mo.id)
                ? 'var(--mantine-primary-color-light)'
                : mo.late
                  ? 'var(--mantine-color-red-0)'
                  : undefined,
              'data-late': mo.late || undefined,
            })}
            empty={
              <EmptyState
                py="xl"
                withIndicatorBackground
                icon={<IconClipboardList />}
                title={filtered ? t('ppic.orders.noMatchTitle') : t('ppic.orders.emptyTitle')}
                description={filtered ? t('ppic.orders.noMatchBody') : t('ppic.orders.emptyBody')}
              >
                <EmptyState.Actions>
                  {filtered ? (
                    <Button variant="default" onClick={clearFilters}>
                      {t('common.clearFilters')}
                    </Button>
                  ) : (
                    <Can permission="ppic.create">
                      <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                        {t('ppic.orders.new')}
                      </Button>
                    </Can>
                  )}
                </EmptyState.Actions>
              </EmptyState>
            }
          />
        </Stack>
      </Paper>
      <CreateMoModal opened={creating} onClose={() => setCreating(false)} />
      {batchAction && (
        <BatchDialog
          action={batchAction}
          orders={selection}
          onClose={(succeeded) => {
            setBatchAction(null);
            setSelected((current) => {
              const next = new Map(current);
              for (const id of succeeded) next.delete(id);
              return next;
            });
          }}
        />
      )}
    </>
  );
}
