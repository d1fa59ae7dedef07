import { unwrap, type Schemas } from '@kapok/api-client';
import type { ProductType } from '@kapok/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './session';

export type SearchedProduct = Schemas['ProductResponse'];

/** Per product type asked for: a picker shows the first matches, not a catalogue. */
const LIMIT = 20;

/**
 * The one key of every product search in the app: the same search of the same types is one cache
 * entry whichever page asks, and a product event refreshes them all (`productKeys.all`).
 */
export const productKeys = {
  all: ['products'] as const,
  search: (search: string, types: readonly ProductType[]) =>
    [...productKeys.all, 'search', search, [...types].sort()] as const,
};

/** Active products whose code or name contains `search`, of the given types (all when none), by code. */
export const productSearchQuery = (search: string, types: readonly ProductType[] = []) =>
  queryOptions({
    queryKey: productKeys.search(search, types),
    queryFn: async ({ signal }): Promise<SearchedProduct[]> => {
      // The list route filters one type at a time.
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
  });

/** The search as a hook, for `ProductSearchSelect`'s `useResults`. */
export const useProductSearch = (search: string, types: readonly ProductType[] = []) =>
  useQuery(productSearchQuery(search, types));
