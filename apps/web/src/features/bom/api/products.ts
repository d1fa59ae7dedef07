import { unwrap, type Schemas } from '@kapok/api-client';
import type { ProductType } from '@kapok/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { bomKeys } from './keys';

export type Product = Schemas['ProductResponse'];

const LIMIT = 20;

export const productQueries = {
  /** Active products whose code or name contains `search`, of the given types (all when empty). */
  search: (search: string, types: readonly ProductType[] = []) =>
    queryOptions({
      queryKey: bomKeys.productSearch(search, types),
      queryFn: async ({ signal }) => {
        const ask = async (type?: ProductType) =>
          unwrap(
            await api.GET('/api/v1/warehouse/products', {
              params: { query: { search: search || undefined, type, active: true, limit: LIMIT } },
              signal,
            }),
          ).items;
        const pages = types.length ? await Promise.all(types.map(ask)) : [await ask()];
        return pages.flat().sort((a, b) => a.code.localeCompare(b.code));
      },
      placeholderData: keepPreviousData,
      staleTime: 60_000,
    }),
  /** One product, for its unit conversions (a BOM line carries only the stock unit). */
  detail: (id: string) =>
    queryOptions({
      queryKey: bomKeys.product(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/warehouse/products/{id}', { params: { path: { id } }, signal })),
      staleTime: 5 * 60_000,
    }),
};
