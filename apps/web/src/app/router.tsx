import { lazy } from 'react';
import { Navigate, useRoutes, type RouteObject } from 'react-router';
import { NotFoundPage } from '../components/AccessPages';
import { RequirePermission } from '../components/RequirePermission';
import { LoginPage } from '../features/auth/components/LoginPage';
import { HomePage } from '../features/home/components/HomePage';
import { AppLayout } from './layout/AppLayout';
import { RequireAuth } from './RequireAuth';

// Module and admin pages load on demand, so the login page and the shell stay small.
const WarehousePage = lazy(() =>
  import('../features/warehouse/components/WarehousePage').then((m) => ({ default: m.WarehousePage })),
);
const BomPage = lazy(() =>
  import('../features/bom/components/BomPage').then((m) => ({ default: m.BomPage })),
);
const PpicPage = lazy(() =>
  import('../features/ppic/components/PpicPage').then((m) => ({ default: m.PpicPage })),
);
const ProductionPage = lazy(() =>
  import('../features/production/components/ProductionPage').then((m) => ({ default: m.ProductionPage })),
);
const KanbanPage = lazy(() =>
  import('../features/kanban/components/KanbanPage').then((m) => ({ default: m.KanbanPage })),
);
const AdminLayout = lazy(() =>
  import('../features/admin/components/AdminLayout').then((m) => ({ default: m.AdminLayout })),
);
const UsersPage = lazy(() =>
  import('../features/admin/components/UsersPage').then((m) => ({ default: m.UsersPage })),
);
const RolesPage = lazy(() =>
  import('../features/admin/components/RolesPage').then((m) => ({ default: m.RolesPage })),
);
const AuditPage = lazy(() =>
  import('../features/admin/components/AuditPage').then((m) => ({ default: m.AuditPage })),
);

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
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
        path: 'production/*',
        element: (
          <RequirePermission permission="production.view">
            <ProductionPage />
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
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * The route tree, rendered inside a BrowserRouter. Declarative mode: Kapok loads data with TanStack
 * Query, so the data router's loaders and actions would only add weight to the first page.
 */
export function AppRoutes() {
  return useRoutes(routes);
}
