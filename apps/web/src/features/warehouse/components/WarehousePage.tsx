import { Badge, Tabs } from '@mantine/core';
import { IconAlertTriangle, IconStack2, IconTruck, IconTruckDelivery } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useRoutes } from 'react-router';
import { NotFoundPage } from '../../../components/AccessPages';
import { GatePassesPage } from '../../subcon/GatePassesPage';
import { alertQueries } from '../api';
import { AlertsPage } from './AlertsPage';
import { ProductStockPage } from './ProductStockPage';
import { ReceivePage } from './ReceivePage';
import { StockOverviewPage } from './StockOverviewPage';

/** The warehouse module: stock (overview and one page per product) and stock alerts, under two tabs. */
export function WarehousePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const openAlerts = useQuery(alertQueries.openCount());
  const page = useRoutes([
    { index: true, element: <StockOverviewPage /> },
    { path: 'products/:productId', element: <ProductStockPage /> },
    { path: 'alerts', element: <AlertsPage /> },
    { path: 'receive', element: <ReceivePage /> },
    { path: 'gate-passes/*', element: <GatePassesPage /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
  const tab = pathname.startsWith('/warehouse/alerts')
    ? 'alerts'
    : pathname.startsWith('/warehouse/receive')
      ? 'receive'
      : pathname.startsWith('/warehouse/gate-passes')
        ? 'gate-passes'
        : 'stock';

  return (
    <>
      <Tabs
        value={tab}
        onChange={(v) => v && void navigate(v === 'stock' ? '/warehouse' : `/warehouse/${v}`)}
        mb="lg"
      >
        <Tabs.List>
          <Tabs.Tab value="stock" leftSection={<IconStack2 size={16} />}>
            {t('warehouse.tabs.stock')}
          </Tabs.Tab>
          <Tabs.Tab
            value="alerts"
            leftSection={<IconAlertTriangle size={16} />}
            rightSection={
              openAlerts.data ? (
                <Badge size="sm" color="red" variant="light">
                  {openAlerts.data}
                </Badge>
              ) : undefined
            }
          >
            {t('warehouse.tabs.alerts')}
          </Tabs.Tab>
          <Tabs.Tab value="receive" leftSection={<IconTruckDelivery size={16} />}>
            {t('receive.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="gate-passes" leftSection={<IconTruck size={16} />}>
            {t('subcon.tab')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {page}
    </>
  );
}
