import type { ShipmentState } from '@kapok/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STATE_COLOR: Record<ShipmentState, string> = {
  DRAFT: 'gray',
  PICKED: 'blue',
  SHIPPED: 'green',
  CANCELLED: 'red',
};

export function ShipmentStateBadge({ state }: { state: ShipmentState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" miw="max-content" data-testid="shipment-state">
      {t(`shipping.state.${state}`)}
    </Badge>
  );
}
