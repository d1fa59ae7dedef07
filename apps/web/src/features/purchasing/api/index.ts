import { unwrap, type Schemas } from '@kapok/api-client';
import type { PurchaseOrderAction } from '@kapok/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { useCommand, type DocumentCommand } from '../../../lib/commands';
import { api } from '../../../lib/session';
import { purchasingKeys, type PurchaseOrderFilters } from './keys';

export { purchasingKeys, type PurchaseOrderFilters } from './keys';
export type PurchaseOrder = Schemas['PurchaseOrderResponse'];
export type PurchaseOrderSummary = Schemas['PurchaseOrderSummary'];
export type PurchaseOrderBody = Schemas['CreatePurchaseOrderRequest'];
export type GoodsReceipt = Schemas['GoodsReceiptResponse'];
export type Supplier = Schemas['PartnerResponse'];
export type SupplierItem = Schemas['SupplierItemResponse'];
type PersonAction = Extract<PurchaseOrderAction, 'approve' | 'cancel' | 'close'>;

export const purchasingQueries = {
  list: (filters: PurchaseOrderFilters) =>
    queryOptions({
      queryKey: purchasingKeys.list(filters),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/purchasing/orders', { params: { query: filters }, signal })),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: purchasingKeys.order(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/purchasing/orders/{id}', { params: { path: { id } }, signal })),
    }),
  /** Suppliers and subcontractors: whoever a purchase order may go to. */
  suppliers: () =>
    queryOptions({
      queryKey: purchasingKeys.suppliers(),
      queryFn: async ({ signal }) => {
        const [suppliers, subcontractors] = await Promise.all(
          (['SUPPLIER', 'SUBCONTRACTOR'] as const).map(async (type) =>
            unwrap(
              await api.GET('/api/v1/partners', {
                params: { query: { type, active: true, skip: 0, limit: 200 } },
                signal,
              }),
            ),
          ),
        );
        return [...suppliers!.items, ...subcontractors!.items];
      },
      staleTime: 60_000,
    }),
  supplierItems: (supplierId: string) =>
    queryOptions({
      queryKey: purchasingKeys.itemsOf(supplierId),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/purchasing/supplier-items', {
            params: { query: { supplierId, skip: 0, limit: 500 } },
            signal,
          }),
        ).items,
    }),
};

export function useSavePurchaseOrder() {
  return useCommand(
    async ({
      id,
      version,
      body,
      idempotencyKey,
    }: { id?: string; version?: number; body: PurchaseOrderBody } & DocumentCommand) =>
      id
        ? unwrap(
            await api.PUT('/api/v1/purchasing/orders/{id}', {
              params: { path: { id } },
              body: { ...body, version: version ?? 0 },
            }),
          )
        : unwrap(
            await api.POST('/api/v1/purchasing/orders', {
              params: { header: { 'Idempotency-Key': idempotencyKey } },
              body,
            }),
          ),
    purchasingKeys.orders(),
  );
}

const TRANSITION_PATHS = {
  approve: '/api/v1/purchasing/orders/{id}/approve',
  cancel: '/api/v1/purchasing/orders/{id}/cancel',
  close: '/api/v1/purchasing/orders/{id}/close',
} as const;

export function usePurchaseOrderTransition() {
  return useCommand(
    async ({ id, action, idempotencyKey }: { id: string; action: PersonAction } & DocumentCommand) =>
      unwrap(
        await api.POST(TRANSITION_PATHS[action], {
          params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
          body: {},
        }),
      ),
    purchasingKeys.orders(),
  );
}
