import { unwrap, type Schemas } from '@kapok/api-client';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { kanbanKeys } from './keys';

export type RequestableProduct = Schemas['ProductResponse'];

/** Lines request accessories and raw materials; finished goods and WIP are made, not requested. */
const REQUESTABLE = ['ACCESSORY', 'RAW_MATERIAL'] as const;
const LIMIT = 15;

export const productQueries = {
  search: (search: string) =>
    queryOptions({
      queryKey: kanbanKeys.products(search),
      queryFn: async ({ signal }) => {
        const pages = await Promise.all(
          REQUESTABLE.map(async (type) =>
            unwrap(
              await api.GET('/api/v1/warehouse/products', {
                params: { query: { search: search || undefined, type, active: true, limit: LIMIT } },
                signal,
              }),
            ),
          ),
        );
        return pages.flatMap((p) => p.items).sort((a, b) => a.code.localeCompare(b.code));
      },
      placeholderData: keepPreviousData,
      staleTime: 5 * 60_000,
    }),
};
