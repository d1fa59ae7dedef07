import { unwrap, type Schemas } from '@kapok/api-client';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { warehouseKeys } from './keys';

export type Location = Schemas['LocationResponse'];

export const locationQueries = {
  /** Every location: a factory has tens of them, so pickers filter in the page. */
  all: () =>
    queryOptions({
      queryKey: warehouseKeys.locations(),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/warehouse/locations', { params: { query: { limit: 500 } }, signal }))
          .items,
      staleTime: 5 * 60_000,
    }),
};
