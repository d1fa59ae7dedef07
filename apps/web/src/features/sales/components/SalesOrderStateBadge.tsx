import type { SalesOrderState } from '@kapok/contracts';
import { stateBadge } from '../../../components/StateBadge';

export const SalesOrderStateBadge = stateBadge<SalesOrderState>('sales.state', {
  DRAFT: 'gray',
  CONFIRMED: 'blue',
  PARTIALLY_SHIPPED: 'cyan',
  SHIPPED: 'teal',
  CLOSED: 'dark',
  CANCELLED: 'red',
});
