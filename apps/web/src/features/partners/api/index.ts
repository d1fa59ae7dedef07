import { unwrap, type Schemas } from '@kapok/api-client';
import type { PartnerType } from '@kapok/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { useCommand } from '../../../lib/commands';
import { useProductSearch } from '../../../lib/products';
import { api } from '../../../lib/session';
import { partnerKeys, type PartnerFilters } from './keys';

export { partnerKeys, type PartnerFilters } from './keys';
export type Partner = Schemas['PartnerResponse'];
export type PartnerBody = Schemas['CreatePartnerRequest'];
export type SupplierItem = Schemas['SupplierItemResponse'];
export type SupplierItemBody = Schemas['CreateSupplierItemRequest'];
export type PurchasedProduct = Schemas['ProductResponse'];

/** What a supplier can sell: materials and accessories. */
const PURCHASED = ['ACCESSORY', 'RAW_MATERIAL'] as const;

export const partnerQueries = {
  list: (filters: PartnerFilters) =>
    queryOptions({
      queryKey: partnerKeys.list(filters),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/partners', { params: { query: filters }, signal })),
      placeholderData: keepPreviousData,
    }),
  /** Active partners of one kind, for pickers (a factory has tens of them). */
  options: (type: PartnerType) =>
    queryOptions({
      queryKey: partnerKeys.list({ type, skip: 0, limit: 200 }),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/partners', {
            params: { query: { type, active: true, skip: 0, limit: 200 } },
            signal,
          }),
        ).items,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: partnerKeys.detail(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/partners/{id}', { params: { path: { id } }, signal })),
    }),
  supplierItems: (supplierId: string) =>
    queryOptions({
      queryKey: partnerKeys.itemsOf(supplierId),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/purchasing/supplier-items', {
            params: { query: { supplierId, skip: 0, limit: 500 } },
            signal,
          }),
        ).items,
    }),
};

/** Materials and accessories matching a search: what a supplier can sell. */
export function usePurchasedProducts(search: string) {
  return useProductSearch(search, PURCHASED);
}

export function useSavePartner() {
  return useCommand(async ({ id, body }: { id?: string; body: PartnerBody & { version?: number } }) => {
    if (!id) return unwrap(await api.POST('/api/v1/partners', { body }));
    const { code: _code, version, ...fields } = body;
    return unwrap(
      await api.PUT('/api/v1/partners/{id}', {
        params: { path: { id } },
        body: { ...fields, version: version ?? 0 },
      }),
    );
  }, partnerKeys.all);
}

export function useSaveSupplierItem() {
  return useCommand(async ({ id, body }: { id?: string; body: SupplierItemBody & { version?: number } }) => {
    if (!id) return unwrap(await api.POST('/api/v1/purchasing/supplier-items', { body }));
    const { supplierId: _s, productId: _p, version, ...fields } = body;
    return unwrap(
      await api.PUT('/api/v1/purchasing/supplier-items/{id}', {
        params: { path: { id } },
        body: { ...fields, version: version ?? 0 },
      }),
    );
  }, partnerKeys.supplierItems());
}

export function useDeleteSupplierItem() {
  return useCommand(
    async (id: string) =>
      unwrap(await api.DELETE('/api/v1/purchasing/supplier-items/{id}', { params: { path: { id } } })),
    partnerKeys.supplierItems(),
  );
}
