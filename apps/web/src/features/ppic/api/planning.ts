import { unwrap, type Schemas } from '@kapok/api-client';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { productSearchQuery } from '../../../lib/products';
import { api } from '../../../lib/session';
import { ppicKeys } from './keys';

export type PlannableProduct = Schemas['ProductResponse'];
export type ActiveBom = Schemas['BomSummary'];
export type Explosion = Schemas['ExplosionResponse'];
export type Requirement = Schemas['RequirementItem'];

/** Only finished goods and WIP are manufactured. */
const MADE = ['FINISHED_GOOD', 'WIP'] as const;
export const planningQueries = {
  products: (search: string) => productSearchQuery(search, MADE),
  /** One product (an edited draft's). */
  product: (id: string) =>
    queryOptions({
      queryKey: ppicKeys.product(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/warehouse/products/{id}', { params: { path: { id } }, signal })),
      staleTime: 5 * 60_000,
    }),
  /** The product's active BOM, or null when it has none (an order cannot be created then). */
  activeBom: (productId: string) =>
    queryOptions({
      queryKey: ppicKeys.activeBom(productId),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/warehouse/bom', {
            params: { query: { productId, activeOnly: true, limit: 1 } },
            signal,
          }),
        ).items[0] ?? null,
    }),
  explosion: (bomId: string, quantity: number) =>
    queryOptions({
      queryKey: ppicKeys.explosion(bomId, quantity),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/warehouse/bom/{id}/explode', {
            params: { path: { id: bomId }, query: { quantity } },
            signal,
          }),
        ),
      placeholderData: keepPreviousData,
    }),
};
