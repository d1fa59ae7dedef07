import {
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { BomType } from '@kapok/contracts';
import { IconBinaryTree2, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Can } from '../../../components/Can';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../lib/time';
import { bomQueries, type BomSummary } from '../api';
import { departmentRank } from './shared/departments';
import { formatNumber } from '../../../lib/quantity';
import { ProductPicker, type PickedProduct } from './shared/ProductPicker';

const PAGE_SIZE = 20;

/** Every BOM, searchable by product, with a where-used lookup for a material. */
export function BomListPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [bomType, setBomType] = useState<BomType | null>(null);
  const [activeOnly, setActiveOnly] = useState(true);
  const [usedMaterial, setUsedMaterial] = useState<PickedProduct | null>(null);
  const [page, setPage] = useState(1);

  const boms = useQuery(
    bomQueries.list({
      search: debouncedSearch || undefined,
      bomType: bomType ?? undefined,
      activeOnly: activeOnly || undefined,
      componentId: usedMaterial?.id,
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
  const filtered = !!(search || bomType || !activeOnly || usedMaterial);
  const clearFilters = () => {
    setSearch('');
    setBomType(null);
    setActiveOnly(true);
    setUsedMaterial(null);
    setPage(1);
  };

  const types = (b: BomSummary) =>
    [t(`bom.types.${b.bomType}`), b.active ? null : t('bom.inactive')].filter(Boolean).join(' · ');
  const departments = (b: BomSummary) =>
    [...b.departments].sort((x, y) => departmentRank(x) - departmentRank(y));
  const columns: DataColumn<BomSummary>[] = [
    {
      id: 'product',
      header: t('bom.list.product'),
      alwaysVisible: true,
      sortValue: (b) => b.productCode,
      csv: (b) => `${b.productCode} ${b.productName}`,
      cell: (b) => (
        <>
          <Anchor component={Link} to={`/bom/${b.id}`} fw={700} size="sm">
            {b.productCode}
          </Anchor>
          <Text size="xs" c="dimmed">
            {b.productName}
          </Text>
        </>
      ),
    },
    {
      id: 'type',
      header: t('bom.fields.bomType'),
      sortValue: types,
      cell: (b) => (
        <>
          <Group gap={4}>
            <Badge variant="light" color={b.bomType === 'KIT' ? 'orange' : 'grape'} tt="none">
              {t(`bom.types.${b.bomType}`)}
            </Badge>
            {!b.active && (
              <Badge variant="outline" color="gray" tt="none">
                {t('bom.inactive')}
              </Badge>
            )}
          </Group>
          {b.outputQuantity !== 1 && (
            <Text size="xs" c="dimmed">
              {t('bom.list.makes', { qty: formatNumber(b.outputQuantity, i18n.language) })}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'departments',
      header: t('bom.list.departments'),
      csv: (b) =>
        departments(b)
          .map((d) => t(`departments.${d}`))
          .join(', '),
      cell: (b) => (
        <Group gap={4}>
          {departments(b).map((d) => (
            <Badge key={d} size="sm" variant="dot" color="gray" tt="none">
              {t(`departments.${d}`)}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      id: 'lines',
      header: t('bom.list.lines'),
      align: 'right',
      width: 80,
      sortValue: (b) => b.lineCount,
      cell: (b) => b.lineCount,
    },
    {
      id: 'revision',
      header: t('bom.list.revision'),
      sortValue: (b) => b.revision,
      cell: (b) => (
        <Badge variant="light" color="kapok" tt="none">
          {t('bom.revisionN', { revision: b.revision })}
        </Badge>
      ),
    },
    {
      id: 'updated',
      header: t('bom.list.updated'),
      sortValue: (b) => b.updatedAt,
      csv: (b) => b.updatedAt,
      cell: (b) => (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(b.updatedAt, i18n.language)}
        </Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('bom.list.title')}
        description={t('bom.list.description')}
        actions={
          <Can permission="bom.create">
            <Button component={Link} to="/bom/new" leftSection={<IconPlus size={16} />}>
              {t('bom.list.newBom')}
            </Button>
          </Can>
        }
      />
      <Paper p="md" radius="md">
        <Stack gap="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              style={{ flex: '1 1 240px' }}
              leftSection={<IconSearch size={16} />}
              label={t('bom.list.search')}
              placeholder={t('bom.list.searchPlaceholder')}
              value={search}
              onChange={(e) => filter(setSearch)(e.currentTarget.value)}
            />
            <Select
              w={170}
              label={t('bom.fields.bomType')}
              placeholder={t('bom.list.allTypes')}
              data={(['MANUFACTURING', 'KIT'] as const).map((v) => ({
                value: v,
                label: t(`bom.types.${v}`),
              }))}
              value={bomType}
              onChange={(v) => filter(setBomType)(v as BomType | null)}
              clearable
            />
            <ProductPicker
              style={{ flex: '1 1 260px' }}
              label={t('bom.list.whereUsed')}
              placeholder={t('bom.list.whereUsedPlaceholder')}
              value={usedMaterial}
              onChange={(p) => filter(setUsedMaterial)(p ? { id: p.id, code: p.code, name: p.name } : null)}
              clearable
            />
            <Switch
              mb={8}
              label={t('bom.list.activeOnly')}
              checked={activeOnly}
              onChange={(e) => filter(setActiveOnly)(e.currentTarget.checked)}
            />
            {filtered && (
              <Button variant="subtle" color="gray" onClick={clearFilters}>
                {t('common.clearFilters')}
              </Button>
            )}
          </Group>

          {usedMaterial && (
            <Text size="sm" c="dimmed" role="status">
              {t('bom.list.whereUsedResult', { code: usedMaterial.code })}
            </Text>
          )}

          <DataTable<BomSummary>
            tableId="bom.list"
            label={t('bom.list.title')}
            columns={columns}
            rows={boms.data?.items}
            rowId={(b) => b.id}
            loading={boms.isPending}
            error={boms.error}
            onRetry={() => void boms.refetch()}
            stale={boms.isPlaceholderData}
            minWidth={720}
            csvFileName="boms"
            paging={{ page, pageSize: PAGE_SIZE, total: boms.data?.total ?? 0, onPageChange: setPage }}
            empty={
              <EmptyState
                py="xl"
                withIndicatorBackground
                icon={<IconBinaryTree2 />}
                title={filtered ? t('bom.list.noMatchTitle') : t('bom.list.emptyTitle')}
                description={filtered ? t('bom.list.noMatchBody') : t('bom.list.emptyBody')}
              >
                <EmptyState.Actions>
                  {filtered ? (
                    <Button variant="default" onClick={clearFilters}>
                      {t('common.clearFilters')}
                    </Button>
                  ) : (
                    <Can permission="bom.create">
                      <Button component={Link} to="/bom/new" leftSection={<IconPlus size={16} />}>
                        {t('bom.list.newBom')}
                      </Button>
                    </Can>
                  )}
                </EmptyState.Actions>
              </EmptyState>
            }
          />
        </Stack>
      </Paper>
    </>
  );
}
