import {
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { ALERT_LEVELS, PRODUCT_TYPES, type AlertLevel, type ProductType } from '@kapok/contracts';
import { IconBuildingWarehouse, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/LoadingState';
import { PageHeader } from '../../../components/PageHeader';
import { stockQueries, type StockSummaryItem } from '../api';
import { AlertLevelBadge } from './AlertLevelBadge';
import { formatNumber, productPath } from './format';
import { StockActions } from './StockActions';

const PAGE_SIZE = 25;

/** Every product with its stock over the racks, lines and transit, worst open alert first to the eye. */
export function StockOverviewPage() {
  const { t, i18n } = useTranslation();
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

  const total = summary.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const quantity = (value: number) => formatNumber(value, i18n.language);

  return (
    <>
      <PageHeader
        title={t('warehouse.stock.title')}
        description={t('warehouse.stock.description')}
        actions={<StockActions />}
      />
      <Paper p="md" radius="md">
        <Stack gap="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
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
              data={PRODUCT_TYPES.map((value) => ({ value, label: t(`warehouse.productTypes.${value}`) }))}
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
          </Group>

          {summary.isPending ? (
            <TableSkeleton rows={8} />
          ) : summary.isError ? (
            <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
          ) : summary.data.items.length === 0 ? (
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
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table
                aria-label={t('warehouse.stock.title')}
                style={{ opacity: summary.isPlaceholderData ? 0.6 : 1 }}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('warehouse.product.product')}</Table.Th>
                    <Table.Th>{t('warehouse.product.type')}</Table.Th>
                    <Table.Th ta="right">{t('warehouse.stock.onHand')}</Table.Th>
                    <Table.Th ta="right">{t('warehouse.stock.reserved')}</Table.Th>
                    <Table.Th ta="right">{t('warehouse.stock.available')}</Table.Th>
                    <Table.Th>{t('warehouse.stock.unit')}</Table.Th>
                    <Table.Th>{t('warehouse.stock.alert')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {summary.data.items.map((item) => (
                    <SummaryRow
                      key={item.productId}
                      item={item}
                      quantity={quantity}
                      onOpen={() => void navigate(productPath(item.productId))}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}

          {total > 0 && (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('common.showing', {
                  from: (page - 1) * PAGE_SIZE + 1,
                  to: Math.min(total, page * PAGE_SIZE),
                  total,
                })}
              </Text>
              {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
            </Group>
          )}
        </Stack>
      </Paper>
    </>
  );
}

function SummaryRow({
  item,
  quantity,
  onOpen,
}: {
  item: StockSummaryItem;
  quantity: (value: number) => string;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr onClick={onOpen} style={{ cursor: 'pointer' }}>
      <Table.Td>
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
      </Table.Td>
      <Table.Td>
        <Badge variant="default" radius="sm" tt="none" fw={500}>
          {t(`warehouse.productTypes.${item.type}`)}
        </Badge>
      </Table.Td>
      <Table.Td ta="right" ff="monospace">
        {quantity(item.onHand)}
      </Table.Td>
      <Table.Td ta="right" ff="monospace" c={item.reserved > 0 ? undefined : 'dimmed'}>
        {quantity(item.reserved)}
      </Table.Td>
      <Table.Td
        ta="right"
        ff="monospace"
        fw={600}
        c={item.alertLevel === 'OUT' ? 'red.8' : item.available <= 0 ? 'dimmed' : undefined}
      >
        {quantity(item.available)}
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {item.uom}
        </Text>
      </Table.Td>
      <Table.Td>
        {item.alertLevel ? (
          <AlertLevelBadge level={item.alertLevel} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('common.none')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
