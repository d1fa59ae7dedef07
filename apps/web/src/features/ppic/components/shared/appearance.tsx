import { Badge, Text, type BadgeProps } from '@mantine/core';
import type { MoAction, MoState, Route } from '@kapok/contracts';
import { routeDepartments } from '@kapok/contracts';
import {
  IconArrowBackUp,
  IconBan,
  IconCheck,
  IconPlayerPlay,
  IconSquareCheck,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export const MO_STATE_COLORS: Record<MoState, string> = {
  DRAFT: 'gray',
  APPROVED: 'blue',
  IN_PROGRESS: 'orange',
  COMPLETED: 'green',
  CANCELLED: 'red',
};

export const ACTION_APPEARANCE: Record<MoAction, { color: string; icon: Icon }> = {
  approve: { color: 'blue', icon: IconCheck },
  start: { color: 'orange', icon: IconPlayerPlay },
  complete: { color: 'green', icon: IconSquareCheck },
  cancel: { color: 'red', icon: IconBan },
  return: { color: 'yellow', icon: IconArrowBackUp },
};

/** The order of the buttons wherever actions are offered: forwards first, back and cancel last. */
export const ACTION_ORDER: readonly MoAction[] = ['approve', 'start', 'complete', 'return', 'cancel'];

export function MoStateBadge({ state, ...props }: { state: MoState } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={MO_STATE_COLORS[state]} variant="light" tt="none" {...props}>
      {t(`ppic.state.${state}`)}
    </Badge>
  );
}

export function LateBadge({ days }: { days?: number }) {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" tt="none" size="sm">
      {days === undefined ? t('ppic.late') : t('ppic.daysLate', { count: days })}
    </Badge>
  );
}

/** "Cutting → Sewing → Finishing → Packing" */
export function RouteChain({ route, size = 'sm' }: { route: Route; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <Text size={size} c="dimmed" component="span">
      {routeDepartments(route)
        .map((d) => t(`departments.${d}`))
        .join(' → ')}
    </Text>
  );
}
