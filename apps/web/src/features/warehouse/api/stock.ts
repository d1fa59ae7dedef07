import { unwrap, type Schemas } from '@kapok/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { warehouseKeys, type MoveFilters, type StockSummaryFilters } from './keys';

export type StockSummaryItem = Schemas['StockSummaryItem'];
export type ProductStock = Schemas['ProductStockResponse'];
export type Balance = Schemas['BalanceResponse'];
export type StockMove = Schemas['MoveResponse'];
export type ReceiptBody = Schemas['ReceiptRequest'];
export type IssueBody = Schemas['IssueRequest'];
export type TransferBody = Schemas['TransferRequest'];
export type AdjustmentBody = Schemas['AdjustmentRequest'];

export const stockQueries = {
  summary: (filters: StockSummaryFilters) =>
    queryOptions({
      queryKey: warehouseKeys.summaryList(filters),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/warehouse/stock/summary', { params: { query: filters }, signal })),
      placeholderData: keepPreviousData,
    }),
  product: (productId: string) =>
    queryOptions({
      queryKey: warehouseKeys.productStock(productId),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/warehouse/stock/{productId}', { params: { path: { productId } }, signal }),
        ),
    }),
  moves: (filters: MoveFilters) =>
    queryOptions({
      queryKey: warehouseKeys.moves(filters),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/warehouse/stock/moves', { params: { query: filters }, signal })),
      placeholderData: keepPreviousData,
    }),
};

/** The four warehouse documents; each posts once per Idempotency-Key. */
export type Posting =
  | { kind: 'receive'; body: ReceiptBody }
  | { kind: 'issue'; body: IssueBody }
  | { kind: 'transfer'; body: TransferBody }
  | { kind: 'adjust'; body: AdjustmentBody };
export type PostingKind = Posting['kind'];

async function post(posting: Posting, idempotencyKey: string) {
  const params = { header: { 'Idempotency-Key': idempotencyKey } };
  switch (posting.kind) {
    case 'receive':
      return unwrap(await api.POST('/api/v1/warehouse/stock/receipts', { params, body: posting.body }));
    case 'issue':
      return unwrap(await api.POST('/api/v1/warehouse/stock/issues', { params, body: posting.body }));
    case 'transfer':
      return unwrap(await api.POST('/api/v1/warehouse/stock/transfers', { params, body: posting.body }));
    case 'adjust':
      return unwrap(await api.POST('/api/v1/warehouse/stock/adjustments', { params, body: posting.body }));
  }
}

export function usePostStock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ posting, idempotencyKey }: { posting: Posting; idempotencyKey: string }) =>
      post(posting, idempotencyKey),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: warehouseKeys.stock() });
      void queryClient.invalidateQueries({ queryKey: warehouseKeys.alerts() });
    },
  });
}
