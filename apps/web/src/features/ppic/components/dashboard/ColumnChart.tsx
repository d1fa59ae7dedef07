import { Box, Group, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';

export interface Column {
  key: string;
  /** Under the column (shown for every `labelEvery`-th column). */
  label: string;
  value: number;
  /** What the tooltip and the screen-reader table say about the column. */
  description: string;
}

/** The value axis: a round maximum above the data and four steps to it. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= max / 4) ?? 10;
  return Math.ceil(max / (step * magnitude)) * step * magnitude;
}

/**
 * A column chart drawn with plain boxes (the app has no chart library): columns with tooltips, a value
 * axis, and the same data as a table for screen readers.
 */
export function ColumnChart({
  title,
  columns,
  valueLabel,
  height = 200,
  color = 'var(--mantine-primary-color-filled)',
  labelEvery = 1,
  formatValue = String,
}: {
  title: string;
  columns: readonly Column[];
  valueLabel: string;
  height?: number;
  color?: string;
  labelEvery?: number;
  formatValue?: (value: number) => string;
}) {
  const max = niceMax(Math.max(0, ...columns.map((c) => c.value)));
  const ticks = [1, 0.75, 0.5, 0.25, 0].map((f) => f * max);
  return (
    <figure style={{ margin: 0 }}>
      <VisuallyHidden>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">{valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                <td>{c.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
      <Group gap={6} align="stretch" wrap="nowrap" aria-hidden>
        <Stack justify="space-between" h={height} gap={0} style={{ flex: '0 0 auto' }}>
          {ticks.map((tick) => (
            <Text key={tick} size="10px" c="dimmed" ta="right" lh={1}>
              {formatValue(tick)}
            </Text>
          ))}
        </Stack>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Box
            h={height}
            pos="relative"
            style={{
              display: 'flex',
              alignItems: 'flex-end',
              gap: 2,
              borderBottom: '1px solid var(--mantine-color-gray-4)',
              backgroundImage:
                'repeating-linear-gradient(to top, var(--mantine-color-gray-2) 0 1px, transparent 1px 25%)',
            }}
          >
            {columns.map((c) => (
              <Tooltip key={c.key} label={c.description} withArrow>
                <Box
                  style={{
                    flex: 1,
                    height: `${(c.value / max) * 100}%`,
                    minHeight: c.value > 0 ? 2 : 0,
                    background: color,
                    borderRadius: '3px 3px 0 0',
                  }}
                />
              </Tooltip>
            ))}
          </Box>
          <Box style={{ display: 'flex', gap: 2 }}>
            {columns.map((c, i) => (
              <Text
                key={c.key}
                size="10px"
                c="dimmed"
                ta="center"
                style={{ flex: 1, minWidth: 0, whiteSpace: 'nowrap', overflow: 'visible' }}
              >
                {i % labelEvery === 0 ? c.label : ''}
              </Text>
            ))}
          </Box>
        </Stack>
      </Group>
    </figure>
  );
}
