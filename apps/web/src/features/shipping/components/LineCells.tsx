import { Anchor, Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The sales-order line a shipment line ships (a link when the order is known) and the buyer's PO. */
export function OrderLineCell({
  soNumber,
  lineNo,
  customerPo,
  salesOrderId,
}: {
  soNumber: string;
  lineNo: number;
  customerPo: string;
  salesOrderId?: string;
}) {
  const { t } = useTranslation();
  const label = `${soNumber} / ${lineNo}`;
  return (
    <>
      {salesOrderId ? (
        <Anchor component={Link} to={`/sales/orders/${salesOrderId}`} size="sm" ff="monospace">
          {label}
        </Anchor>
      ) : (
        <Text size="sm" ff="monospace">
          {label}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('shipping.fields.customerPo')} {customerPo}
      </Text>
    </>
  );
}

export function DestinationBadge({ destination }: { destination: string }) {
  return (
    <Badge variant="outline" miw="max-content">
      {destination}
    </Badge>
  );
}
