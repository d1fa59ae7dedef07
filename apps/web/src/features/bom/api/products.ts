import { unwrap, type Schemas } from '@kapok/api-client';
import type { ProductType } from '@kapok/contracts';
import { queryOptions } from '@tanstack/react-query';
import { productSearchQuery } from '../../../lib/products';
import { api } from '../../../lib/session';
import { bomKeys } from './keys';

export type Product = Schemas['ProductResponse'];

export const productQueries = {
  /** Active products whose code or name contains `search`, of the given types (all when empty). */
  search: (search: string, types: readonly ProductType[] = []) => productSearchQuery(search, types),
  /** One product, for its unit conversions (a BOM line carries only the stock unit). */
  detail: (id: string) =>
    queryOptions({
      queryKey: bomKeys.product(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/warehouse/products/{id}', { params: { path: { id } }, signal })),
      staleTime: 5 * 60_000,
    }),
};
