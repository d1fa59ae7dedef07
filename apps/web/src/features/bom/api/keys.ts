import type { BomType } from '@kapok/contracts';

export interface BomFilters {
  search?: string;
  bomType?: BomType;
  activeOnly?: boolean;
  /** Where used: BOMs with a line or variant using this product. */
  componentId?: string;
  productId?: string;
  skip: number;
  limit: number;
}

/** Every BOM query key is made here; invalidating a root refreshes everything under it. */
export const bomKeys = {
  all: ['bom'] as const,
  lists: () => [...bomKeys.all, 'list'] as const,
  list: (filters: BomFilters) => [...bomKeys.lists(), filters] as const,
  details: () => [...bomKeys.all, 'detail'] as const,
  detail: (id: string) => [...bomKeys.details(), id] as const,
  revisions: (id: string) => [...bomKeys.all, 'revisions', id] as const,
  explosions: () => [...bomKeys.all, 'explode'] as const,
  explosion: (id: string, quantity: number) => [...bomKeys.explosions(), id, quantity] as const,
  /** Products for the pickers; product events refresh them too. */
  products: () => [...bomKeys.all, 'products'] as const,
  product: (id: string) => [...bomKeys.products(), 'detail', id] as const,
};
