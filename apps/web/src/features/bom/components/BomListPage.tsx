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
  Switch,
  Table,
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
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/LoadingState';
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

  const total = boms.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, page * PAGE_SIZE);

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

          {boms.isPending ? (
            <TableSkeleton />
          ) : boms.isError ? (
            <ErrorState error={boms.error} onRetry={() => void boms.refetch()} />
          ) : boms.data.items.length === 0 ? (
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
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table aria-label={t('bom.list.title')} style={{ opacity: boms.isPlaceholderData ? 0.6 : 1 }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('bom.list.product')}</Table.Th>
                    <Table.Th w={140}>{t('bom.fields.bomType')}</Table.Th>
                    <Table.Th>{t('bom.list.departments')}</Table.Th>
                    <Table.Th w={80} ta="right">
                      {t('bom.list.lines')}
                    </Table.Th>
                    <Table.Th w={110}>{t('bom.list.revision')}</Table.Th>
                    <Table.Th w={200}>{t('bom.list.updated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {boms.data.items.map((b) => (
                    <BomRow key={b.id} bom={b} updated={formatDateTime(b.updatedAt, i18n.language)} />
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
              {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
            </Group>
          )}
        </Stack>
      </Paper>
    </>
  );
}

function BomRow({ bom, updated }: { bom: BomSummary; updated: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/bom/${bom.id}`} fw={700} size="sm">
          {bom.productCode}
        </Anchor>
        <Text size="xs" c="dimmed">
          {bom.productName}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Badge variant="light" color={bom.bomType === 'KIT' ? 'orange' : 'grape'} tt="none">
            {t(`bom.types.${bom.bomType}`)}
          </Badge>
          {!bom.active && (
            <Badge variant="outline" color="gray" tt="none">
              {t('bom.inactive')}
            </Badge>
          )}
        </Group>
        {bom.outputQuantity !== 1 && (
          <Text size="xs" c="dimmed">
            {t('bom.list.makes', { qty: formatNumber(bom.outputQuantity, i18n.language) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {[...bom.departments]
            .sort((a, b) => departmentRank(a) - departmentRank(b))
            .map((d) => (
              <Badge key={d} size="sm" variant="dot" color="gray" tt="none">
                {t(`departments.${d}`)}
              </Badge>
            ))}
        </Group>
      </Table.Td>
      <Table.Td ta="right">{bom.lineCount}</Table.Td>
      <Table.Td>
        <Badge variant="light" color="kapok" tt="none">
          {t('bom.revisionN', { revision: bom.revision })}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {updated}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
