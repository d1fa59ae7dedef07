import { useRoutes } from 'react-router';
import { BomCreatePage } from './BomCreatePage';
import { BomDetailPage } from './BomDetailPage';
import { BomListPage } from './BomListPage';

/** The BOM module: the list, a new BOM, and one page per BOM (structure, history, explosion). */
export function BomPage() {
  return useRoutes([
    { index: true, element: <BomListPage /> },
    { path: 'new', element: <BomCreatePage /> },
    { path: ':id/*', element: <BomDetailPage /> },
  ]);
}
