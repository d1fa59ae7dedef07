import { Anchor, Badge, Button, EmptyState, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { ALERT_LEVELS, PRODUCT_TYPES, type AlertLevel, type ProductType } from '@kapok/contracts';
import { IconBuildingWarehouse, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { PageHeader } from '../../../components/PageHeader';
import { stockQueries, type StockSummaryItem } from '../api';
import { AlertLevelBadge } from './AlertLevelBadge';
import { formatNumber, productPath } from './format';
import { StockActions } from './StockActions';

const PAGE_SIZE = 25;

/** Every product with its stock over the racks, lines and transit, worst open alert first to the eye. */
export function StockOverviewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [type, setType] = useState<ProductType | null>(null);
  const [alertLevel, setAlertLevel] = useState<AlertLevel | null>(null);
  const [page, setPage] = useState(1);

  const summary = useQuery(
    stockQueries.summary({
      search: debouncedSearch || undefined,
      type: type ?? undefined,
      alertLevel: alertLevel ?? undefined,
      skip: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }),
  );

  const filter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  const filtered = !!(search || type || alertLevel);
  const clearFilters = () => {
    setSearch('');
    setType(null);
    setAlertLevel(null);
    setPage(1);
  };

  const columns = useSummaryColumns();

  return (
    <>
      <PageHeader
        title={t('warehouse.stock.title')}
        description={t('warehouse.stock.description')}
        actions={<StockActions />}
      />
      <Paper p="md" radius="md">
        <Stack gap="md">
          <DataTable<StockSummaryItem>
            toolbar={
              <>
                <TextInput
                  style={{ flex: '1 1 260px' }}
                  leftSection={<IconSearch size={16} />}
                  placeholder={t('warehouse.stock.search')}
                  aria-label={t('warehouse.stock.search')}
                  value={search}
                  onChange={(e) => filter(setSearch)(e.currentTarget.value)}
                />
                <Select
                  w={200}
                  aria-label={t('warehouse.product.type')}
                  placeholder={t('warehouse.stock.allTypes')}
                  data={PRODUCT_TYPES.map((value) => ({
                    value,
                    label: t(`warehouse.productTypes.${value}`),
                  }))}
                  value={type}
                  onChange={(v) => filter(setType)(v as ProductType | null)}
                  clearable
                />
                <Select
                  w={200}
                  aria-label={t('warehouse.stock.alertFilter')}
                  placeholder={t('warehouse.stock.anyAlert')}
                  data={ALERT_LEVELS.filter((l) => l !== 'OK').map((value) => ({
                    value,
                    label: t(`warehouse.levels.${value}`),
                  }))}
                  value={alertLevel}
                  onChange={(v) => filter(setAlertLevel)(v as AlertLevel | null)}
                  clearable
                />
                {filtered && (
                  <Button variant="subtle" color="gray" onClick={clearFilters}>
                    {t('common.clearFilters')}
                  </Button>
                )}
              </>
            }
            tableId="warehouse.stock"
            label={t('warehouse.stock.title')}
            columns={columns}
            rows={summary.data?.items}
            rowId={(item) => item.productId}
            loading={summary.isPending}
            error={summary.error}
            onRetry={() => void summary.refetch()}
            stale={summary.isPlaceholderData}
            skeletonRows={8}
            minWidth={860}
            csvFileName="stock"
            paging={{ page, pageSize: PAGE_SIZE, total: summary.data?.total ?? 0, onPageChange: setPage }}
            rowProps={(item) => ({
              onClick: () => void navigate(productPath(item.productId)),
              style: { cursor: 'pointer' },
            })}
            empty={
              <EmptyState
                py="xl"
                withIndicatorBackground
                icon={<IconBuildingWarehouse />}
                title={filtered ? t('warehouse.stock.noMatchTitle') : t('warehouse.stock.emptyTitle')}
                description={filtered ? t('warehouse.stock.noMatchBody') : t('warehouse.stock.emptyBody')}
              >
                {filtered && (
                  <EmptyState.Actions>
                    <Button variant="default" onClick={clearFilters}>
                      {t('common.clearFilters')}
                    </Button>
                  </EmptyState.Actions>
                )}
              </EmptyState>
            }
          />
        </Stack>
      </Paper>
    </>
  );
}

/** The stock summary's columns; raw quantities go into the CSV. */
function useSummaryColumns(): DataColumn<StockSummaryItem>[] {
  const { t, i18n } = useTranslation();
  const quantity = (value: number) => formatNumber(value, i18n.language);
  return [
    {
      id: 'product',
      header: t('warehouse.product.product'),
      alwaysVisible: true,
      sortValue: (item) => item.code,
      cell: (item) => (
        <>
          {/* The link keeps the row reachable by keyboard and opens in a new tab when wanted. */}
          <Anchor
            component={Link}
            to={productPath(item.productId)}
            fw={600}
            size="sm"
            ff="monospace"
            onClick={(e) => e.stopPropagation()}
          >
            {item.code}
          </Anchor>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {item.name}
          </Text>
        </>
      ),
    },
    {
      id: 'name',
      header: t('warehouse.stock.name'),
      hiddenByDefault: true,
      sortValue: (item) => item.name,
      cell: (item) => <Text size="sm">{item.name}</Text>,
    },
    {
      id: 'type',
      header: t('warehouse.product.type'),
      sortValue: (item) => t(`warehouse.productTypes.${item.type}`),
      cell: (item) => (
        <Badge variant="default" radius="sm" tt="none" fw={500}>
          {t(`warehouse.productTypes.${item.type}`)}
        </Badge>
      ),
    },
    {
      id: 'onHand',
      header: t('warehouse.stock.onHand'),
      align: 'right',
      sortValue: (item) => item.onHand,
      cell: (item) => (
        <Text size="sm" ff="monospace">
          {quantity(item.onHand)}
        </Text>
      ),
    },
    {
      id: 'reserved',
      header: t('warehouse.stock.reserved'),
      align: 'right',
      sortValue: (item) => item.reserved,
      cell: (item) => (
        <Text size="sm" ff="monospace" c={item.reserved > 0 ? undefined : 'dimmed'}>
          {quantity(item.reserved)}
        </Text>
      ),
    },
    {
      id: 'available',
      header: t('warehouse.stock.available'),
      align: 'right',
      sortValue: (item) => item.available,
      cell: (item) => (
        <Text
          size="sm"
          ff="monospace"
          fw={600}
          c={item.alertLevel === 'OUT' ? 'red.8' : item.available <= 0 ? 'dimmed' : undefined}
        >
          {quantity(item.available)}
        </Text>
      ),
    },
    {
      id: 'uom',
      header: t('warehouse.stock.unit'),
      sortValue: (item) => item.uom,
      cell: (item) => (
        <Text size="xs" c="dimmed">
          {item.uom}
        </Text>
      ),
    },
    {
      id: 'alert',
      header: t('warehouse.stock.alert'),
      sortValue: (item) => (item.alertLevel ? ALERT_LEVELS.indexOf(item.alertLevel) : null),
      csv: (item) => (item.alertLevel ? t(`warehouse.levels.${item.alertLevel}`) : null),
      cell: (item) =>
        item.alertLevel ? (
          <AlertLevelBadge level={item.alertLevel} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('common.none')}
          </Text>
        ),
    },
  ];
}
