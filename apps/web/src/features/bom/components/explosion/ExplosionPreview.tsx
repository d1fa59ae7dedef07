import { Alert, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../../components/ErrorState';
import { NumberField } from '../../../../components/NumberField';
import { TableSkeleton } from '../../../../components/LoadingState';
import { bomQueries, type Bom } from '../../api';
import { formatNumber } from '../../../../lib/quantity';
import { ExplosionTree } from './ExplosionTree';
import { RequirementsTable } from './RequirementsTable';

const MAX_ORDER = 10_000_000;
const validQuantity = (v: number | string | null) => {
  const n = typeof v === 'number' ? v : Number(v);
  return v !== null && Number.isFinite(n) && n > 0 && n <= MAX_ORDER ? n : null;
};

/** What making a quantity of the product takes, down to purchased materials, against free stock. */
export function ExplosionPreview({ bom }: { bom: Bom }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [quantity, setQuantity] = useState<number | null>(
    () => validQuantity(params.get('quantity') ?? '') ?? 100,
  );
  const [debounced] = useDebouncedValue(validQuantity(quantity), 350);
  const explosion = useQuery({
    ...bomQueries.explosion(bom.id, debounced ?? 0),
    enabled: debounced !== null,
  });

  const shortCount = explosion.data?.requirements.filter((r) => r.shortage > 0).length ?? 0;

  return (
    <Stack gap="md">
      <Paper p="md" radius="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <NumberField
            w={240}
            label={t('bom.explosion.quantity')}
            description={t('bom.explosion.quantityHint', { code: bom.productCode })}
            unit={bom.productUom}
            min={0}
            minExclusive
            max={MAX_ORDER}
            value={quantity}
            onChange={(v) => {
              setQuantity(v);
              const n = validQuantity(v);
              if (n) setParams({ quantity: String(n) }, { replace: true });
            }}
            error={quantity === null ? t('bom.validation.positive') : undefined}
          />
          {explosion.isFetching && <Loader size="sm" mb={8} aria-label={t('common.loading')} />}
          {explosion.data && (
            <Text size="sm" c="dimmed" mb={8}>
              {t('bom.explosion.basis', {
                revision: explosion.data.revision,
                quantity: formatNumber(explosion.data.quantity, i18n.language),
                uom: explosion.data.uom,
              })}
            </Text>
          )}
        </Group>
      </Paper>

      {debounced === null ? null : explosion.isPending ? (
        <TableSkeleton />
      ) : explosion.isError ? (
        <ErrorState error={explosion.error} onRetry={() => void explosion.refetch()} />
      ) : (
        <>
          {explosion.data.hasShortage ? (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle />}
              title={t('bom.explosion.shortTitle')}
            >
              {t('bom.explosion.shortBody', { count: shortCount })}
            </Alert>
          ) : (
            <Alert
              color="green"
              variant="light"
              icon={<IconCircleCheck />}
              title={t('bom.explosion.okTitle')}
            >
              {t('bom.explosion.okBody')}
            </Alert>
          )}
          <Paper p="md" radius="md" style={{ opacity: explosion.isPlaceholderData ? 0.6 : 1 }}>
            <Title order={4} mb="sm">
              {t('bom.explosion.requirements')}
            </Title>
            <RequirementsTable requirements={explosion.data.requirements} />
          </Paper>
          <Paper p="md" radius="md" style={{ opacity: explosion.isPlaceholderData ? 0.6 : 1 }}>
            <Title order={4} mb="sm">
              {t('bom.explosion.tree')}
            </Title>
            <ExplosionTree
              key={`${explosion.data.bomId}-${explosion.data.quantity}`}
              tree={explosion.data.tree}
            />
          </Paper>
        </>
      )}
    </Stack>
  );
}
