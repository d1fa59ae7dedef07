import { SHIPMENT_STATES } from '@kapok/contracts';
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DataColumn } from '../../../components/data-table';
import { formatQuantity } from '../../../lib/quantity';
import { formatDateTime } from '../../../lib/time';
import type { ShipmentSummary } from '../api';
import { ShipmentStateBadge } from './ShipmentStateBadge';

/** The columns of a shipments list (the shipments page; a sales order's shipments take some of them). */
export function useShipmentColumns(): DataColumn<ShipmentSummary>[] {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return [
    {
      id: 'number',
      header: t('shipping.fields.number'),
      alwaysVisible: true,
      sortValue: (s) => s.number,
      cell: (s) => (
        <Anchor component={Link} to={`/shipping/shipments/${s.id}`} ff="monospace" fw={600} size="sm">
          {s.number}
        </Anchor>
      ),
    },
    {
      id: 'customer',
      header: t('shipping.fields.customer'),
      sortValue: (s) => s.customer.name,
      cell: (s) => s.customer.name,
    },
    {
      id: 'quantity',
      header: t('shipping.fields.quantity'),
      align: 'right',
      sortValue: (s) => s.totalQuantity,
      cell: (s) => (
        <>
          {formatQuantity(s.totalQuantity, 'PCS', lang)}
          <Text size="xs" c="dimmed">
            {t('shipping.lineCount', { count: s.lineCount })}
          </Text>
        </>
      ),
    },
    {
      id: 'cartons',
      header: t('shipping.fields.cartons'),
      align: 'right',
      sortValue: (s) => s.cartonCount,
      cell: (s) => (s.cartonCount > 0 ? s.cartonCount : '—'),
    },
    {
      id: 'pallets',
      header: t('shipping.fields.pallets'),
      hiddenByDefault: true,
      align: 'right',
      sortValue: (s) => s.palletCount,
      cell: (s) => (s.palletCount > 0 ? s.palletCount : '—'),
    },
    {
      id: 'created',
      header: t('shipping.fields.created'),
      hiddenByDefault: true,
      sortValue: (s) => s.createdAt,
      cell: (s) => formatDateTime(s.createdAt, lang),
    },
    {
      id: 'shipped',
      header: t('shipping.fields.shipped'),
      sortValue: (s) => s.shippedAt,
      cell: (s) => (s.shippedAt ? formatDateTime(s.shippedAt, lang) : '—'),
    },
    {
      id: 'state',
      minWidth: 130,
      sticky: true,
      header: t('shipping.fields.state'),
      sortValue: (s) => SHIPMENT_STATES.indexOf(s.state),
      csv: (s) => t(`shipping.state.${s.state}`),
      cell: (s) => <ShipmentStateBadge state={s.state} />,
    },
  ];
}
