import type { GatePassDirection, GatePassState } from '@kapok/contracts';

export interface GatePassFilters {
  direction?: GatePassDirection;
  state?: GatePassState;
  search?: string;
  skip: number;
  limit: number;
}

/** Every subcontract query key is made here; invalidating the root refreshes everything under it. */
export const subconKeys = {
  all: ['subcon'] as const,
  passes: () => [...subconKeys.all, 'gate-passes'] as const,
  list: (filters: GatePassFilters) => [...subconKeys.passes(), 'list', filters] as const,
  pass: (id: string) => [...subconKeys.passes(), id] as const,
  workOrders: () => [...subconKeys.all, 'work-orders'] as const,
  alerts: (status: 'OPEN' | 'RESOLVED') => [...subconKeys.all, 'alerts', status] as const,
};
