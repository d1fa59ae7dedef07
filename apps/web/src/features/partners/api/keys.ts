import type { PartnerType } from '@kapok/contracts';

export interface PartnerFilters {
  type?: PartnerType;
  search?: string;
  skip: number;
  limit: number;
}

/** Every partner query key is made here; a partner or supplier-item event refreshes everything under `all`. */
export const partnerKeys = {
  all: ['partners'] as const,
  lists: () => [...partnerKeys.all, 'list'] as const,
  list: (filters: PartnerFilters) => [...partnerKeys.lists(), filters] as const,
  detail: (id: string) => [...partnerKeys.all, 'detail', id] as const,
  supplierItems: () => [...partnerKeys.all, 'supplier-items'] as const,
  itemsOf: (supplierId: string) => [...partnerKeys.supplierItems(), supplierId] as const,
};
