import {
  Anchor,
  Button,
  Checkbox,
  EmptyState,
  Group,
  Pagination,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { MO_STATES, ROUTES, type MoState, type Route } from '@kapok/contracts';
import { IconClipboardList, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Can } from '../../../../components/Can';
import { ErrorState } from '../../../../components/ErrorState';
import { TableSkeleton } from '../../../../components/LoadingState';
import { PageHeader } from '../../../../components/PageHeader';
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

  const orders = useQuery(
    moQueries.list({
      state,
      route,
      late: late || undefined,
      search: debouncedSearch || undefined,
      skip: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }),
  );

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
  const total = orders.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, page * PAGE_SIZE);

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
          <Group gap="sm" align="center" wrap="wrap">
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
          </Group>

          {selection.length > 0 && (
            <BatchBar orders={selection} onAction={setBatchAction} onClear={() => setSelected(new Map())} />
          )}

          {orders.isPending ? (
            <TableSkeleton />
          ) : orders.isError ? (
            <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
          ) : items.length === 0 ? (
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
          ) : (
            <Table.ScrollContainer minWidth={980}>
              <Table
                aria-label={t('ppic.orders.title')}
                style={{ opacity: orders.isPlaceholderData ? 0.6 : 1, whiteSpace: 'nowrap' }}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label={t('ppic.orders.selectPage')}
                        checked={allOnPage}
                        indeterminate={someOnPage && !allOnPage}
                        onChange={togglePage}
                      />
                    </Table.Th>
                    <Table.Th>{t('ppic.fields.batchNumber')}</Table.Th>
                    <Table.Th>{t('ppic.fields.product')}</Table.Th>
                    <Table.Th ta="right">{t('ppic.fields.qtyPlanned')}</Table.Th>
                    <Table.Th>{t('ppic.fields.route')}</Table.Th>
                    <Table.Th>{t('ppic.fields.dueDate')}</Table.Th>
                    <Table.Th>{t('ppic.fields.week')}</Table.Th>
                    <Table.Th>{t('ppic.fields.destination')}</Table.Th>
                    <Table.Th miw={130}>{t('ppic.fields.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((mo) => (
                    <Table.Tr
                      key={mo.id}
                      bg={
                        selected.has(mo.id)
                          ? 'var(--mantine-primary-color-light)'
                          : mo.late
                            ? 'var(--mantine-color-red-0)'
                            : undefined
                      }
                      data-late={mo.late || undefined}
                    >
                      <Table.Td>
                        <Checkbox
                          aria-label={t('ppic.orders.select', { number: mo.batchNumber })}
                          checked={selected.has(mo.id)}
                          onChange={() => toggle(mo)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/ppic/orders/${mo.id}`}
                          fw={700}
                          size="sm"
                          ff="monospace"
                        >
                          {mo.batchNumber}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {mo.productCode}
                        </Text>
                        <Text size="xs" c="dimmed" truncate maw={240}>
                          {mo.productName}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm" fw={600} span>
                          {formatNumber(mo.qtyPlanned, i18n.language)}
                        </Text>{' '}
                        <Text size="xs" c="dimmed" span>
                          {mo.uom}
                        </Text>
                        {mo.producedQty !== null && (
                          <Text size="xs" c="dimmed">
                            {t('ppic.orders.produced', { qty: formatNumber(mo.producedQty, i18n.language) })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`ppic.route.${mo.route}`)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={2} align="flex-start">
                          <Text size="sm" c={mo.late ? 'red.8' : undefined} fw={mo.late ? 700 : undefined}>
                            {mo.dueDate ? formatDay(mo.dueDate, i18n.language) : t('common.none')}
                          </Text>
                          {mo.late && <LateBadge />}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{mo.week ?? t('common.none')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{mo.destination ?? t('common.none')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <MoStateBadge state={mo.state} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}

          {total > 0 && (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('common.showing', { from, to, total })}
              </Text>
              {pages > 1 && (
                <Pagination
                  total={pages}
                  value={page}
                  onChange={(p) => setFilter('page', String(p))}
                  size="sm"
                />
              )}
            </Group>
          )}
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
