import { lazy, Suspense } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { NotFoundPage } from '../components/AccessPages';
import { RequirePermission } from '../components/RequirePermission';
import { LoginPage } from '../features/auth/components/LoginPage';
import { AppLayout } from './layout/AppLayout';
import { RequireAuth } from './RequireAuth';
import { loadModuleTexts } from '../lib/i18n';

// Module and admin pages load on demand, so the login page and the shell stay small.
// The home page (my work) loads after sign-in, so it stays out of the login + shell bundle.
const HomePage = lazy(() =>
  import('../features/home/components/HomePage').then((m) => ({ default: m.HomePage })),
);
const WarehousePage = lazy(() =>
  Promise.all([import('../features/warehouse/components/WarehousePage'), loadModuleTexts()]).then(([m]) => ({
    default: m.WarehousePage,
  })),
);
const BomPage = lazy(() =>
  Promise.all([import('../features/bom/components/BomPage'), loadModuleTexts()]).then(([m]) => ({
    default: m.BomPage,
  })),
);
const PpicPage = lazy(() =>
  Promise.all([import('../features/ppic/components/PpicPage'), loadModuleTexts()]).then(([m]) => ({
    default: m.PpicPage,
  })),
);
const PlanningPage = lazy(() =>
  Promise.all([import('../features/planning/components/PlanningPage'), loadModuleTexts()]).then(([m]) => ({
    default: m.PlanningPage,
  })),
);
const PartnersPage = lazy(() =>
  Promise.all([import('../features/partners/components/PartnersPage'), loadModuleTexts()]).then(([m]) => ({
    default: m.PartnersPage,
  })),
);
const SalesPage = lazy(() =>
  Promise.all([import('../features/sales/components/SalesPage'), loadModuleTexts()]).then(([m]) => ({
    default: m.SalesPage,
  })),
);
const PurchasingPage = lazy(() =>
  Promise.all([import('../features/purchasing/components/PurchasingPage'), loadModuleTexts()]).then(
    ([m]) => ({
      default: m.PurchasingPage,
    }),
  ),
);
const ProductionPage = lazy(() =>
  Promise.all([import('../features/production/components/ProductionPage'), loadModuleTexts()]).then(
    ([m]) => ({ default: m.ProductionPage }),
  ),
);
const QualityPage = lazy(() =>
  Promise.all([import('../features/quality/components/QualityPage'), loadModuleTexts()]).then(([m]) => ({
    default: m.QualityPage,
  })),
);
const ShippingPage = lazy(() =>
  Promise.all([import('../features/shipping/ShippingPage'), loadModuleTexts()]).then(([m]) => ({
    default: m.ShippingPage,
  })),
);
const KanbanPage = lazy(() =>
  Promise.all([import('../features/kanban/components/KanbanPage'), loadModuleTexts()]).then(([m]) => ({
    default: m.KanbanPage,
  })),
);
const AdminLayout = lazy(() =>
  Promise.all([import('../features/admin/components/AdminLayout'), loadModuleTexts()]).then(([m]) => ({
    default: m.AdminLayout,
  })),
);
const UsersPage = lazy(() =>
  Promise.all([import('../features/admin/components/UsersPage'), loadModuleTexts()]).then(([m]) => ({
    default: m.UsersPage,
  })),
);
const RolesPage = lazy(() =>
  Promise.all([import('../features/admin/components/RolesPage'), loadModuleTexts()]).then(([m]) => ({
    default: m.RolesPage,
  })),
);
const PasswordPage = lazy(() =>
  import('../features/auth/components/PasswordPage').then((m) => ({ default: m.PasswordPage })),
);
const AuditPage = lazy(() =>
  Promise.all([import('../features/admin/components/AuditPage'), loadModuleTexts()]).then(([m]) => ({
    default: m.AuditPage,
  })),
);

// The public passport: its own small chunk, outside the signed-in shell, with its own texts.
const PassportPage = lazy(() =>
  import('../features/passport/PassportPage').then((m) => ({ default: m.PassportPage })),
);
const TracePage = lazy(() =>
  Promise.all([import('../features/trace/TracePage'), loadModuleTexts()]).then(([m]) => ({
    default: m.TracePage,
  })),
);
const CompanyPage = lazy(() =>
  Promise.all([import('../features/admin/components/CompanyPage'), loadModuleTexts()]).then(([m]) => ({
    default: m.CompanyPage,
  })),
);
const ApiKeysPage = lazy(() =>
  Promise.all([import('../features/admin/components/ApiKeysPage'), loadModuleTexts()]).then(([m]) => ({
    default: m.ApiKeysPage,
  })),
);
const WebhooksPage = lazy(() =>
  Promise.all([import('../features/admin/components/WebhooksPage'), loadModuleTexts()]).then(([m]) => ({
    default: m.WebhooksPage,
  })),
);

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/passport/:code',
    element: (
      <Suspense fallback={null}>
        <PassportPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'warehouse/*',
        element: (
          <RequirePermission permission="warehouse.view">
            <WarehousePage />
          </RequirePermission>
        ),
      },
      {
        path: 'bom/*',
        element: (
          <RequirePermission permission="bom.view">
            <BomPage />
          </RequirePermission>
        ),
      },
      {
        path: 'ppic/*',
        element: (
          <RequirePermission permission="ppic.view">
            <PpicPage />
          </RequirePermission>
        ),
      },
      {
        path: 'planning',
        element: (
          <RequirePermission permission="planning.view">
            <PlanningPage />
          </RequirePermission>
        ),
      },
      {
        path: 'partners/*',
        element: (
          <RequirePermission permission="partners.view">
            <PartnersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'sales/*',
        element: (
          <RequirePermission permission="sales.view">
            <SalesPage />
          </RequirePermission>
        ),
      },
      {
        path: 'purchasing/*',
        element: (
          <RequirePermission permission="purchasing.view">
            <PurchasingPage />
          </RequirePermission>
        ),
      },
      {
        path: 'production/*',
        element: (
          <RequirePermission permission="production.view">
            <ProductionPage />
          </RequirePermission>
        ),
      },
      {
        path: 'quality/*',
        element: (
          <RequirePermission permission="quality.view">
            <QualityPage />
          </RequirePermission>
        ),
      },
      {
        path: 'shipping/*',
        element: (
          <RequirePermission permission="shipping.view">
            <ShippingPage />
          </RequirePermission>
        ),
      },
      {
        path: 'trace',
        element: (
          <RequirePermission permission="quality.view">
            <TracePage />
          </RequirePermission>
        ),
      },
      {
        path: 'kanban/*',
        element: (
          <RequirePermission permission="kanban.view">
            <KanbanPage />
          </RequirePermission>
        ),
      },
      {
        path: 'admin',
        element: (
          <RequirePermission permission="admin.view">
            <AdminLayout />
          </RequirePermission>
        ),
        children: [
          { index: true, element: <Navigate to="users" replace /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'roles', element: <RolesPage /> },
          { path: 'audit', element: <AuditPage /> },
          { path: 'company', element: <CompanyPage /> },
          { path: 'api-keys', element: <ApiKeysPage /> },
          { path: 'webhooks', element: <WebhooksPage /> },
        ],
      },
      { path: 'account/password', element: <PasswordPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
