import { useRoutes } from 'react-router';
import { NotFoundPage } from '../../../components/AccessPages';
import { PurchaseOrderDetailPage } from './PurchaseOrderDetailPage';
import { PurchaseOrderFormPage } from './PurchaseOrderFormPage';
import { PurchaseOrderListPage } from './PurchaseOrderListPage';

/** The purchasing module: purchase orders (list, new, one page per order with its receipts, edit of a draft). */
export function PurchasingPage() {
  return useRoutes([
    { index: true, element: <PurchaseOrderListPage /> },
    { path: 'orders/new', element: <PurchaseOrderFormPage /> },
    { path: 'orders/:id', element: <PurchaseOrderDetailPage /> },
    { path: 'orders/:id/edit', element: <PurchaseOrderFormPage /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
}
