import { Badge, type BadgeProps } from '@mantine/core';
import type { PurchaseOrderState } from '@kapok/contracts';
import { useTranslation } from 'react-i18next';

const COLORS: Record<PurchaseOrderState, string> = {
  DRAFT: 'gray',
  APPROVED: 'blue',
  PARTIALLY_RECEIVED: 'cyan',
  RECEIVED: 'teal',
  CLOSED: 'dark',
  CANCELLED: 'red',
};

export function PurchaseOrderStateBadge({ state, ...props }: { state: PurchaseOrderState } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge miw="max-content" color={COLORS[state]} variant="light" {...props}>
      {t(`purchasing.state.${state}`)}
    </Badge>
  );
}
