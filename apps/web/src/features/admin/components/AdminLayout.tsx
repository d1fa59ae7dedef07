import { Tabs } from '@mantine/core';
import {
  IconBuildingFactory,
  IconHistory,
  IconKey,
  IconShieldLock,
  IconUsers,
  IconWebhook,
} from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { PageLoader } from '../../../components/LoadingState';

const TABS = [
  { value: 'users', icon: IconUsers, label: 'nav.users' },
  { value: 'roles', icon: IconShieldLock, label: 'nav.roles' },
  { value: 'audit', icon: IconHistory, label: 'nav.audit' },
  { value: 'company', icon: IconBuildingFactory, label: 'nav.company' },
  { value: 'api-keys', icon: IconKey, label: 'nav.apiKeys' },
  { value: 'webhooks', icon: IconWebhook, label: 'nav.webhooks' },
] as const;

/** Users, roles and the audit log under one set of tabs; each tab is its own route. */
export function AdminLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = TABS.find((tab) => pathname.startsWith(`/admin/${tab.value}`))?.value ?? 'users';
  return (
    <>
      <Tabs value={current} onChange={(v) => v && void navigate(`/admin/${v}`)} mb="lg">
        <Tabs.List>
          {TABS.map(({ value, icon: Icon, label }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />}>
              {t(label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Suspense fallback={<PageLoader />}>
        <Outlet />
      </Suspense>
    </>
  );
}
