import { Center, Loader, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Placeholder rows while a table loads. */
export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton height={36} radius="sm" />
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={44} radius="sm" opacity={1 - i * 0.12} />
      ))}
    </Stack>
  );
}

/** A centred spinner for a page that is being fetched. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py={80} role="status" aria-label={t('common.loading')}>
      <Loader size="md" />
    </Center>
  );
}
