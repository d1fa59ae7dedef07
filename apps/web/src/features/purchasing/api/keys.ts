import type { PurchaseOrderState } from '@kapok/contracts';

export interface PurchaseOrderFilters {
  state?: PurchaseOrderState;
  supplierId?: string;
  open?: boolean;
  search?: string;
  skip: number;
  limit: number;
}

/** Every purchasing query key is made here; a purchase-order or receipt event refreshes everything under `all`. */
export const purchasingKeys = {
  all: ['purchasing'] as const,
  orders: () => [...purchasingKeys.all, 'orders'] as const,
  list: (filters: PurchaseOrderFilters) => [...purchasingKeys.orders(), 'list', filters] as const,
  order: (id: string) => [...purchasingKeys.orders(), 'detail', id] as const,
  suppliers: () => [...purchasingKeys.all, 'suppliers'] as const,
  itemsOf: (supplierId: string) => [...purchasingKeys.all, 'supplier-items', supplierId] as const,
};
