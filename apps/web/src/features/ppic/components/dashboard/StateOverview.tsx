import { Group, Paper, Progress, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { MO_STATES } from '@kapok/contracts';
import { IconAlarm } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Overview } from '../../api';
import { MO_STATE_COLORS } from '../shared/appearance';

/** Orders per state (each opens the list filtered to it) and the late ones, with the mix as one bar. */
export function StateOverview({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const count = (state: string) => overview.byState.find((s) => s.state === state)?.count ?? 0;
  const total = overview.byState.reduce((sum, s) => sum + s.count, 0);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        {MO_STATES.map((state) => (
          <UnstyledButton key={state} component={Link} to={`/ppic?state=${state}`}>
            <Paper
              p="sm"
              radius="md"
              style={{ borderLeft: `4px solid var(--mantine-color-${MO_STATE_COLORS[state]}-6)` }}
            >
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {t(`ppic.state.${state}`)}
              </Text>
              <Text fz={28} fw={800} lh={1.2}>
                {count(state)}
              </Text>
            </Paper>
          </UnstyledButton>
        ))}
        <UnstyledButton component={Link} to="/ppic?late=1">
          <Paper
            p="sm"
            radius="md"
            bg={overview.lateCount ? 'var(--mantine-color-red-0)' : undefined}
            style={{ borderLeft: '4px solid var(--mantine-color-red-7)' }}
          >
            <Group gap={4}>
              <IconAlarm size={14} color="var(--mantine-color-red-7)" />
              <Text size="xs" c="red.8" fw={700} tt="uppercase">
                {t('ppic.dashboard.late')}
              </Text>
            </Group>
            <Text fz={28} fw={800} lh={1.2} c={overview.lateCount ? 'red.8' : undefined}>
              {overview.lateCount}
            </Text>
          </Paper>
        </UnstyledButton>
      </SimpleGrid>
      {total > 0 && (
        <Progress.Root size={14} aria-label={t('ppic.dashboard.stateMix')}>
          {MO_STATES.map((state) => (
            <Progress.Section
              key={state}
              value={(count(state) / total) * 100}
              color={MO_STATE_COLORS[state]}
              aria-label={`${t(`ppic.state.${state}`)}: ${count(state)}`}
            />
          ))}
        </Progress.Root>
      )}
    </Stack>
  );
}
