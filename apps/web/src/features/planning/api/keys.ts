import type { PlannedOrderType } from '@kapok/contracts';

export interface PlannedOrderFilters {
  type?: PlannedOrderType;
  released?: boolean;
  skip: number;
  limit: number;
}

/** Every planning query key is made here; a run or a release refreshes everything under `all`. */
export const planningKeys = {
  all: ['planning'] as const,
  latest: () => [...planningKeys.all, 'latest'] as const,
  /** One run by id: a running run's state follows its progress events. */
  runs: () => [...planningKeys.all, 'runs'] as const,
  run: (id: string) => [...planningKeys.runs(), id] as const,
  plannedOrders: (runId: string, filters: PlannedOrderFilters) =>
    [...planningKeys.all, 'planned-orders', runId, filters] as const,
  grid: (runId: string, productId: string) => [...planningKeys.all, 'grid', runId, productId] as const,
};
