import { EmptyState, Group, Paper, Select, Skeleton, Text } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { formatNumber } from '../../../lib/quantity';
import { qualityQueries } from '../api';

// The charting library loads only with the chart.
const WeightChart = lazy(() => import('./WeightChart').then((m) => ({ default: m.WeightChart })));

/** Stuffing weights of one article over time: the mean of each sample against the tolerance limits. */
export function WeightChartTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const articles = useQuery(qualityQueries.articles());
  const [chosen, setChosen] = useState<string | null>(null);
  const productId = chosen ?? articles.data?.[0]?.id ?? null;
  const series = useQuery({ ...qualityQueries.weights(productId ?? ''), enabled: productId !== null });
  if (articles.isError) return <ErrorState error={articles.error} onRetry={() => void articles.refetch()} />;
  const s = series.data;
  return (
    <Paper p="md" radius="md" withBorder>
      <Group justify="space-between" align="flex-end" mb="md">
        <Select
          label={t('quality.weights.article')}
          data={(articles.data ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
          value={productId}
          onChange={setChosen}
          allowDeselect={false}
          searchable
          w={360}
          size="md"
        />
        {s && s.standardWeightGrams !== null && s.weightToleranceGrams !== null && (
          <Text size="sm" c="dimmed">
            {t('quality.weights.standard', {
              standard: formatNumber(s.standardWeightGrams, lang),
              tolerance: formatNumber(s.weightToleranceGrams, lang),
            })}
          </Text>
        )}
      </Group>
      {series.isError ? (
        <ErrorState error={series.error} onRetry={() => void series.refetch()} />
      ) : !s ? (
        <Skeleton height={320} />
      ) : s.points.length === 0 ? (
        <EmptyState
          withIndicatorBackground
          icon={<IconChartLine />}
          title={t('quality.weights.emptyTitle')}
          description={t('quality.weights.emptyBody')}
        />
      ) : (
        <Suspense fallback={<Skeleton height={320} />}>
          <WeightChart series={s} />
        </Suspense>
      )}
    </Paper>
  );
}
