import type { SalesOrderState } from '@kapok/contracts';

export interface SalesOrderFilters {
  state?: SalesOrderState;
  customerId?: string;
  week?: string;
  search?: string;
  skip: number;
  limit: number;
}

/** Every sales query key is made here; any sales-order event refreshes everything under `all`. */
export const salesKeys = {
  all: ['sales'] as const,
  orders: () => [...salesKeys.all, 'orders'] as const,
  list: (filters: SalesOrderFilters) => [...salesKeys.orders(), 'list', filters] as const,
  order: (id: string) => [...salesKeys.orders(), 'detail', id] as const,
  customers: () => [...salesKeys.all, 'customers'] as const,
  articles: () => [...salesKeys.all, 'articles'] as const,
};
