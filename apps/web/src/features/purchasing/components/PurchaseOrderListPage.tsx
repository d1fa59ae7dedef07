import { Anchor, Button, Group, Paper, Select, Switch, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { PURCHASE_ORDER_STATES, type PurchaseOrderState } from '@kapok/contracts';
import { IconPlus, IconSearch, IconShoppingCart } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Can } from '../../../components/Can';
import { PageHeader } from '../../../components/PageHeader';
import { PagedList } from '../../../components/PagedList';
import { formatNumber } from '../../../lib/quantity';
import { purchasingQueries } from '../api';
import { PurchaseOrderStateBadge } from './PurchaseOrderStateBadge';

const PAGE = 50;

/** Purchase orders, filtered by state and supplier; open ones (approved, partly received) first to hand. */
export function PurchaseOrderListPage() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<PurchaseOrderState | null>(null);
  const [supplierId, setSupplierId] = useState<string | null>(null);
  const [openOnly, setOpenOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(1);
  const suppliers = useQuery(purchasingQueries.suppliers());
  const orders = useQuery(
    purchasingQueries.list({
      state: state ?? undefined,
      supplierId: supplierId ?? undefined,
      open: openOnly || undefined,
      search: debounced || undefined,
      skip: (page - 1) * PAGE,
      limit: PAGE,
    }),
  );
  const filtered = !!(state || supplierId || openOnly || debounced);
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <>
      <PageHeader
        title={t('purchasing.title')}
        description={t('purchasing.description')}
        actions={
          <Can permission="purchasing.create">
            <Button component={Link} to="/purchasing/orders/new" leftSection={<IconPlus size={16} />}>
              {t('purchasing.new')}
            </Button>
          </Can>
        }
      />
      <Paper withBorder p="md" radius="md">
        <Group mb="sm" wrap="wrap" align="flex-end">
          <TextInput
            label={t('purchasing.filters.search')}
            placeholder={t('purchasing.filters.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => filter(setSearch)(e.currentTarget.value)}
            w={220}
          />
          <Select
            label={t('purchasing.fields.state')}
            placeholder={t('common.all')}
            clearable
            data={PURCHASE_ORDER_STATES.map((s) => ({ value: s, label: t(`purchasing.state.${s}`) }))}
            value={state}
            onChange={(v) => filter(setState)(v as PurchaseOrderState | null)}
            w={190}
          />
          <Select
            label={t('purchasing.fields.supplier')}
            placeholder={t('common.all')}
            clearable
            searchable
            data={(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
            value={supplierId}
            onChange={filter(setSupplierId)}
            w={240}
          />
          <Switch
            mb={8}
            label={t('purchasing.filters.openOnly')}
            checked={openOnly}
            onChange={(e) => filter(setOpenOnly)(e.currentTarget.checked)}
          />
        </Group>
        <PagedList
          query={orders}
          page={page}
          pageSize={PAGE}
          onPage={setPage}
          icon={IconShoppingCart}
          emptyTitle={filtered ? t('purchasing.empty.filteredTitle') : t('purchasing.empty.title')}
          emptyBody={filtered ? t('purchasing.empty.filteredBody') : t('purchasing.empty.body')}
        >
          {(items) => (
            <Table.ScrollContainer minWidth={860}>
              <Table aria-label={t('purchasing.title')} highlightOnHover verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('purchasing.fields.number')}</Table.Th>
                    <Table.Th>{t('purchasing.fields.supplier')}</Table.Th>
                    <Table.Th>{t('purchasing.fields.state')}</Table.Th>
                    <Table.Th ta="right">{t('purchasing.fields.lines')}</Table.Th>
                    <Table.Th>{t('purchasing.fields.firstExpected')}</Table.Th>
                    <Table.Th ta="right">{t('purchasing.fields.value')}</Table.Th>
                    <Table.Th>{t('purchasing.fields.createdBy')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/purchasing/orders/${o.id}`}
                          ff="monospace"
                          fw={600}
                          size="sm"
                        >
                          {o.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{o.supplier.name}</Table.Td>
                      <Table.Td>
                        <PurchaseOrderStateBadge state={o.state} />
                      </Table.Td>
                      <Table.Td ta="right">{o.lineCount}</Table.Td>
                      <Table.Td>{o.firstExpectedDate ?? '—'}</Table.Td>
                      <Table.Td ta="right">
                        {o.totalValue === null ? '—' : `IDR ${formatNumber(o.totalValue, i18n.language, 0)}`}
                      </Table.Td>
                      <Table.Td>{o.createdBy?.fullName ?? '—'}</Table.Td>
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
