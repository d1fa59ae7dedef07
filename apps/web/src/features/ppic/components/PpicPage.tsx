import { Tabs } from '@mantine/core';
import { IconChartBar, IconClipboardList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useRoutes } from 'react-router';
import { NotFoundPage } from '../../../components/AccessPages';
import { DashboardPage } from './dashboard/DashboardPage';
import { MoDetailPage } from './detail/MoDetailPage';
import { MoListPage } from './orders/MoListPage';

/** The PPIC module: manufacturing orders (list and one page per order) and the MO dashboard. */
export function PpicPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const page = useRoutes([
    { index: true, element: <MoListPage /> },
    { path: 'orders/:id', element: <MoDetailPage /> },
    { path: 'dashboard', element: <DashboardPage /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
  const tab = pathname.startsWith('/ppic/dashboard') ? 'dashboard' : 'orders';

  return (
    <>
      <Tabs
        value={tab}
        onChange={(v) => v && void navigate(v === 'dashboard' ? '/ppic/dashboard' : '/ppic')}
        mb="lg"
      >
        <Tabs.List>
          <Tabs.Tab value="orders" leftSection={<IconClipboardList size={16} />}>
            {t('ppic.tabs.orders')}
          </Tabs.Tab>
          <Tabs.Tab value="dashboard" leftSection={<IconChartBar size={16} />}>
            {t('ppic.tabs.dashboard')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {page}
    </>
  );
}
