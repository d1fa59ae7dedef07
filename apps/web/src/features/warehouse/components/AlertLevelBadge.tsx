import { Badge, type BadgeProps } from '@mantine/core';
import type { AlertLevel } from '@kapok/contracts';
import { useTranslation } from 'react-i18next';
import { ALERT_LEVEL_COLORS } from './format';

/** A stock alert level in its colour: green OK, yellow low, orange critical, red out of stock. */
export function AlertLevelBadge({ level, ...props }: { level: AlertLevel } & Omit<BadgeProps, 'color'>) {
  const { t } = useTranslation();
  return (
    <Badge
      color={ALERT_LEVEL_COLORS[level]}
      variant={level === 'OUT' ? 'filled' : 'light'}
      radius="sm"
      tt="none"
      data-level={level}
      {...props}
    >
      {t(`warehouse.levels.${level}`)}
    </Badge>
  );
}
