import { Group, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../api';
import { DateField } from '../../../../components/DateField';
import { addDays, factoryToday } from '../shared/format';

export const PRESETS = ['7', '30', '90'] as const;
export type PeriodChoice = (typeof PRESETS)[number] | 'custom';

/** The last `days` factory days, today included. */
export const lastDays = (days: number, today = factoryToday()): Period => ({
  from: addDays(today, -(days - 1)),
  to: today,
});

/** The last 7, 30 or 90 days, or two dates of the planner's choosing. */
export function PeriodPicker({
  choice,
  period,
  onChange,
}: {
  choice: PeriodChoice;
  period: Period;
  onChange: (choice: PeriodChoice, period: Period) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label={t('ppic.dashboard.period')}
        value={choice}
        onChange={(v) => {
          const next = v as PeriodChoice;
          onChange(next, next === 'custom' ? period : lastDays(Number(next)));
        }}
        data={[
          ...PRESETS.map((days) => ({
            value: days,
            label: t('ppic.dashboard.lastDays', { count: Number(days) }),
          })),
          { value: 'custom', label: t('ppic.dashboard.custom') },
        ]}
      />
      {choice === 'custom' && (
        <>
          <DateField
            size="xs"
            w={150}
            label={t('ppic.dashboard.from')}
            value={period.from}
            max={period.to}
            onChange={(from) => from && onChange('custom', { ...period, from })}
          />
          <DateField
            size="xs"
            w={150}
            label={t('ppic.dashboard.to')}
            value={period.to}
            min={period.from}
            max={factoryToday()}
            onChange={(to) => to && onChange('custom', { ...period, to })}
          />
        </>
      )}
    </Group>
  );
}
