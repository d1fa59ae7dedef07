import { useRoutes } from 'react-router';
import { NotFoundPage } from '../../../components/AccessPages';
import { SalesOrderDetailPage } from './SalesOrderDetailPage';
import { SalesOrderFormPage } from './SalesOrderFormPage';
import { SalesOrderListPage } from './SalesOrderListPage';

/** The sales module: the buyer's orders (list, new, one page per order, edit of a draft). */
export function SalesPage() {
  return useRoutes([
    { index: true, element: <SalesOrderListPage /> },
    { path: 'orders/new', element: <SalesOrderFormPage /> },
    { path: 'orders/:id', element: <SalesOrderDetailPage /> },
    { path: 'orders/:id/edit', element: <SalesOrderFormPage /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
}
