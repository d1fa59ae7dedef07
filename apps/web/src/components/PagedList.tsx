import { Group, Pagination, Stack, Text, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState } from './ErrorState';
import { TableSkeleton } from './LoadingState';

/**
 * The body of a paged list (partners, sales and purchase orders): a skeleton while it loads, the error
 * with a retry, an empty state that says what to do, or the rows with a pager under them.
 */
export function PagedList<T>({
  query,
  page,
  pageSize,
  onPage,
  icon: EmptyIcon,
  emptyTitle,
  emptyBody,
  children,
}: {
  query: UseQueryResult<{ items: T[]; total: number }>;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  icon: Icon;
  emptyTitle: string;
  emptyBody: string;
  children: (items: T[]) => ReactNode;
}) {
  if (query.isPending) return <TableSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { items, total } = query.data;
  if (items.length === 0)
    return (
      <Stack align="center" gap="xs" py="xl">
        <EmptyIcon size={36} stroke={1.4} />
        <Title order={4}>{emptyTitle}</Title>
        <Text c="dimmed" size="sm" ta="center" maw={520}>
          {emptyBody}
        </Text>
      </Stack>
    );
  return (
    <>
      {children(items)}
      {total > pageSize && (
        <Group justify="flex-end" mt="sm">
          <Pagination value={page} onChange={onPage} total={Math.ceil(total / pageSize)} />
        </Group>
      )}
    </>
  );
}
