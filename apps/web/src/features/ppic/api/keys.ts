import type { MoState, Route } from '@kapok/contracts';

export interface MoFilters {
  state?: MoState;
  route?: Route;
  search?: string;
  late?: boolean;
  skip: number;
  limit: number;
}

/** A dashboard period: factory days (YYYY-MM-DD), both inclusive. */
export interface Period {
  from: string;
  to: string;
}

/** Every PPIC query key is made here; invalidating a root refreshes everything under it. */
export const ppicKeys = {
  all: ['ppic'] as const,
  orders: () => [...ppicKeys.all, 'orders'] as const,
  orderList: (filters: MoFilters) => [...ppicKeys.orders(), 'list', filters] as const,
  order: (id: string) => [...ppicKeys.orders(), 'detail', id] as const,
  dashboard: () => [...ppicKeys.all, 'dashboard'] as const,
  overview: () => [...ppicKeys.dashboard(), 'overview'] as const,
  performance: (period: Period) => [...ppicKeys.dashboard(), 'performance', period] as const,
  bottlenecks: (period: Period) => [...ppicKeys.dashboard(), 'bottlenecks', period] as const,
  /** What the create form reads: products that can be made, their active BOM, its explosion. */
  planning: () => [...ppicKeys.all, 'planning'] as const,
  product: (id: string) => [...ppicKeys.planning(), 'product', id] as const,
  activeBom: (productId: string) => [...ppicKeys.planning(), 'bom', productId] as const,
  explosion: (bomId: string, quantity: number) =>
    [...ppicKeys.planning(), 'explosion', bomId, quantity] as const,
};
