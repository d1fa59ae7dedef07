import { unwrap, type Schemas } from '@kapok/api-client';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { warehouseKeys } from './keys';

export type Product = Schemas['ProductResponse'];

const SEARCH_LIMIT = 20;

export const productQueries = {
  /** Active products whose code or name contains `search`, for pickers. */
  search: (search: string) =>
    queryOptions({
      queryKey: warehouseKeys.productSearch(search),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/warehouse/products', {
            params: { query: { search: search || undefined, active: true, limit: SEARCH_LIMIT } },
            signal,
          }),
        ).items,
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: warehouseKeys.product(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/warehouse/products/{id}', { params: { path: { id } }, signal })),
    }),
};
