import type { PurchaseOrderState } from '@kapok/contracts';
import { stateBadge } from '../../../components/StateBadge';

export const PurchaseOrderStateBadge = stateBadge<PurchaseOrderState>('purchasing.state', {
  DRAFT: 'gray',
  APPROVED: 'blue',
  PARTIALLY_RECEIVED: 'cyan',
  RECEIVED: 'teal',
  CLOSED: 'dark',
  CANCELLED: 'red',
});
