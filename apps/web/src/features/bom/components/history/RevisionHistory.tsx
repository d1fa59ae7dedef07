import { Badge, Button, EmptyState, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowsDiff, IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../../../components/data-table';
import { ErrorState } from '../../../../components/ErrorState';
import { TableSkeleton } from '../../../../components/LoadingState';
import { formatDateTime } from '../../../../lib/time';
import { bomQueries, type BomRevision } from '../../api';
import { BomDiffView } from '../shared/BomDiffView';
import { comparableBom, diffBoms } from '../shared/bom-diff';

/** Two revisions to compare: by default the newest against the one before it. */
function defaultPair(revisions: readonly BomRevision[]): [number | null, number | null] {
  const [newest, previous] = revisions;
  return [previous?.revision ?? null, newest?.revision ?? null];
}

/** Every saved revision (newest first) with its reason, author and time, and a diff of any two. */
export function RevisionHistory({ bomId }: { bomId: string }) {
  const { t, i18n } = useTranslation();
  const revisions = useQuery(bomQueries.revisions(bomId));
  const [chosen, setChosen] = useState<[number | null, number | null] | null>(null);

  if (revisions.isPending) return <TableSkeleton rows={3} />;
  if (revisions.isError)
    return <ErrorState error={revisions.error} onRetry={() => void revisions.refetch()} />;
  const items = revisions.data;
  if (items.length === 0)
    return (
      <Paper p="lg" radius="md">
        <EmptyState
          icon={<IconHistory />}
          withIndicatorBackground
          title={t('bom.history.emptyTitle')}
          description={t('bom.history.emptyBody')}
        />
      </Paper>
    );

  const [from, to] = chosen ?? defaultPair(items);
  const byNumber = new Map(items.map((r) => [r.revision, r]));
  const before = from === null ? undefined : byNumber.get(from);
  const after = to === null ? undefined : byNumber.get(to);
  const options = items.map((r) => ({
    value: String(r.revision),
    label: t('bom.revisionN', { revision: r.revision }),
  }));
  const compareWithPrevious = (r: BomRevision) => {
    const index = items.indexOf(r);
    setChosen([items[index + 1]?.revision ?? null, r.revision]);
  };

  const columns: DataColumn<BomRevision>[] = [
    {
      id: 'revision',
      header: t('bom.history.revision'),
      alwaysVisible: true,
      width: 110,
      sortValue: (r) => r.revision,
      cell: (r) => (
        <Badge variant={r === items[0] ? 'filled' : 'light'} tt="none">
          {t('bom.revisionN', { revision: r.revision })}
        </Badge>
      ),
    },
    { id: 'reason', header: t('bom.history.reason'), sortValue: (r) => r.reason, cell: (r) => r.reason },
    {
      id: 'author',
      header: t('bom.history.author'),
      width: 140,
      sortValue: (r) => r.author?.username ?? t('bom.history.system'),
      cell: (r) => (
        <Text size="sm" c={r.author ? undefined : 'dimmed'}>
          {r.author ? r.author.username : t('bom.history.system')}
        </Text>
      ),
    },
    {
      id: 'at',
      header: t('bom.history.at'),
      width: 200,
      sortValue: (r) => r.at,
      cell: (r) => (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(r.at, i18n.language)}
        </Text>
      ),
    },
    {
      id: 'actions',
      header: t('bom.history.showChanges'),
      hideHeader: true,
      alwaysVisible: true,
      sticky: true,
      align: 'right',
      width: 170,
      cell: (r) =>
        r !== items[items.length - 1] && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconArrowsDiff size={14} />}
            onClick={() => compareWithPrevious(r)}
            aria-label={t('bom.history.showChangesOf', { revision: r.revision })}
          >
            {t('bom.history.showChanges')}
          </Button>
        ),
    },
  ];

  return (
    <Stack gap="md">
      <Paper p="md" radius="md">
        <Title order={4} mb="sm">
          {t('bom.history.title')}
        </Title>
        <DataTable<BomRevision>
          tableId="bom.revisions"
          label={t('bom.history.title')}
          columns={columns}
          rows={items}
          rowId={(r) => r.id}
          rowProps={(r) => ({ bg: r.revision === to ? 'var(--mantine-primary-color-light)' : undefined })}
          csvFileName="bom-revisions"
          minWidth={640}
          empty={null}
        />
      </Paper>

      <Paper p="md" radius="md">
        <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
          <Title order={4}>{t('bom.history.compare')}</Title>
          <Group gap="sm" align="flex-end">
            <Select
              w={160}
              label={t('bom.history.from')}
              data={options}
              value={from === null ? null : String(from)}
              onChange={(v) => setChosen([v ? Number(v) : null, to])}
              allowDeselect={false}
            />
            <Select
              w={160}
              label={t('bom.history.to')}
              data={options}
              value={to === null ? null : String(to)}
              onChange={(v) => setChosen([from, v ? Number(v) : null])}
              allowDeselect={false}
            />
          </Group>
        </Group>
        {before && after ? (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('bom.history.comparing', { from: before.revision, to: after.revision })}
            </Text>
            <BomDiffView
              diff={diffBoms(comparableBom(before.snapshot), comparableBom(after.snapshot))}
              label={t('bom.history.diffLabel', { from: before.revision, to: after.revision })}
            />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('bom.history.onlyOne')}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
