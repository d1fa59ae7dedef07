import { unwrap, type Schemas } from '@kapok/api-client';
import type { SalesOrderAction } from '@kapok/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { useCommand, type DocumentCommand } from '../../../lib/commands';
import { api } from '../../../lib/session';
import { salesKeys, type SalesOrderFilters } from './keys';

export { salesKeys, type SalesOrderFilters } from './keys';
export type SalesOrder = Schemas['SalesOrderResponse'];
export type SalesOrderSummary = Schemas['SalesOrderSummary'];
export type SalesOrderLine = Schemas['SalesOrderLineResponse'];
export type SalesOrderBody = Schemas['CreateSalesOrderRequest'];
export type Customer = Schemas['PartnerResponse'];
export type Article = Schemas['ProductResponse'];

export const salesQueries = {
  list: (filters: SalesOrderFilters) =>
    queryOptions({
      queryKey: salesKeys.list(filters),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/sales/orders', { params: { query: filters }, signal })),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: salesKeys.order(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/sales/orders/{id}', { params: { path: { id } }, signal })),
    }),
  customers: () =>
    queryOptions({
      queryKey: salesKeys.customers(),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/partners', {
            params: { query: { type: 'CUSTOMER', active: true, skip: 0, limit: 200 } },
            signal,
          }),
        ).items,
      staleTime: 60_000,
    }),
  /** The finished goods a customer can order (a factory has a few hundred articles). */
  articles: () =>
    queryOptions({
      queryKey: salesKeys.articles(),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/warehouse/products', {
            params: { query: { type: 'FINISHED_GOOD', active: true, skip: 0, limit: 500 } },
            signal,
          }),
        ).items,
      staleTime: 60_000,
    }),
};

export function useSaveSalesOrder() {
  return useCommand(
    async ({
      id,
      version,
      body,
      idempotencyKey,
    }: { id?: string; version?: number; body: SalesOrderBody } & DocumentCommand) =>
      id
        ? unwrap(
            await api.PUT('/api/v1/sales/orders/{id}', {
              params: { path: { id } },
              body: { ...body, version: version ?? 0 },
            }),
          )
        : unwrap(
            await api.POST('/api/v1/sales/orders', {
              params: { header: { 'Idempotency-Key': idempotencyKey } },
              body,
            }),
          ),
    salesKeys.orders(),
  );
}

const TRANSITION_PATHS = {
  confirm: '/api/v1/sales/orders/{id}/confirm',
  cancel: '/api/v1/sales/orders/{id}/cancel',
  close: '/api/v1/sales/orders/{id}/close',
} as const;

export function useSalesOrderTransition() {
  return useCommand(
    async ({ id, action, idempotencyKey }: { id: string; action: SalesOrderAction } & DocumentCommand) =>
      unwrap(
        await api.POST(TRANSITION_PATHS[action], {
          params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
          body: {},
        }),
      ),
    salesKeys.orders(),
  );
}
