import { unwrap, type Schemas } from '@kapok/api-client';
import { queryOptions } from '@tanstack/react-query';
import { productSearchQuery } from '../../../lib/products';
import { api } from '../../../lib/session';
import { warehouseKeys } from './keys';

export type Product = Schemas['ProductResponse'];

export const productQueries = {
  /** Active products whose code or name contains `search`, for pickers. */
  search: (search: string) => productSearchQuery(search),
  detail: (id: string) =>
    queryOptions({
      queryKey: warehouseKeys.product(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/warehouse/products/{id}', { params: { path: { id } }, signal })),
    }),
};
