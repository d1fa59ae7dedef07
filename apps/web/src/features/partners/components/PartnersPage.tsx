import { useRoutes } from 'react-router';
import { NotFoundPage } from '../../../components/AccessPages';
import { PartnerDetailPage } from './PartnerDetailPage';
import { PartnerListPage } from './PartnerListPage';

/** The partners module: customers, suppliers and subcontractors, one page per partner. */
export function PartnersPage() {
  return useRoutes([
    { index: true, element: <PartnerListPage /> },
    { path: ':id', element: <PartnerDetailPage /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
}
