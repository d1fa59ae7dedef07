import { Badge, type BadgeProps } from '@mantine/core';
import type { SalesOrderState } from '@kapok/contracts';
import { useTranslation } from 'react-i18next';

const COLORS: Record<SalesOrderState, string> = {
  DRAFT: 'gray',
  CONFIRMED: 'blue',
  PARTIALLY_SHIPPED: 'cyan',
  SHIPPED: 'teal',
  CLOSED: 'dark',
  CANCELLED: 'red',
};

export function SalesOrderStateBadge({ state, ...props }: { state: SalesOrderState } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge miw="max-content" color={COLORS[state]} variant="light" {...props}>
      {t(`sales.state.${state}`)}
    </Badge>
  );
}
