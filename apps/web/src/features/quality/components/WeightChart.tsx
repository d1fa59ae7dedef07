import { useMantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../../lib/quantity';
import { formatDateTime } from '../../../lib/time';
import type { WeightSeries } from '../api';

/** The chart itself (recharts): mean, min and max of each sample, and the lower and upper limits. */
export function WeightChart({ series }: { series: WeightSeries }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const theme = useMantineTheme();
  const data = [...series.points]
    .sort((a, b) => a.inspectedAt.localeCompare(b.inspectedAt))
    .map((p) => ({ ...p, at: formatDateTime(p.inspectedAt, lang) }));
  const values = data.flatMap((p) => [p.minGrams, p.maxGrams, p.lowerLimitGrams, p.upperLimitGrams]);
  const pad = Math.max(1, (Math.max(...values) - Math.min(...values)) * 0.1);
  // Whole 5 g steps, so the axis reads 400, 410, … rather than odd figures.
  const domain = [
    Math.floor((Math.min(...values) - pad) / 5) * 5,
    Math.ceil((Math.max(...values) + pad) / 5) * 5,
  ];
  const n = (v: number) => formatNumber(v, lang);
  return (
    <div data-testid="weight-chart" style={{ width: '100%', height: 340 }}>
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={theme.colors.gray[3]} />
          <XAxis dataKey="at" tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis domain={domain} tickFormatter={n} width={56} unit=" g" tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => `${n(Number(v))} g`} />
          <Legend />
          <Line
            type="stepAfter"
            dataKey="upperLimitGrams"
            name={t('quality.weights.upper')}
            stroke={theme.colors.red[6]}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
            dataKey="lowerLimitGrams"
            name={t('quality.weights.lower')}
            stroke={theme.colors.red[6]}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="maxGrams"
            name={t('quality.weights.max')}
            stroke={theme.colors.gray[5]}
            dot={false}
            strokeWidth={1}
            isAnimationActive={false}
          />
          <Line
            dataKey="minGrams"
            name={t('quality.weights.min')}
            stroke={theme.colors.gray[5]}
            dot={false}
            strokeWidth={1}
            isAnimationActive={false}
          />
          <Line
            dataKey="meanGrams"
            name={t('quality.weights.mean')}
            stroke={theme.colors.blue[7]}
            strokeWidth={2.5}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
