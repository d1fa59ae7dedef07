import { unwrap, type Schemas } from '@kapok/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { warehouseKeys } from './keys';

export type ReceivableLine = Schemas['ReceivableLineResponse'];
export type ReceiptBody = Schemas['CreateReceiptRequest'];
export type GoodsReceipt = Schemas['GoodsReceiptResponse'];

export const receivingQueries = {
  /** Open lines of approved purchase orders matching a scanned or typed reference. */
  lines: (search: string) =>
    queryOptions({
      queryKey: warehouseKeys.receivable(search),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/purchasing/receivable-lines', {
            params: { query: { search: search || undefined, skip: 0, limit: 100 } },
            signal,
          }),
        ),
      placeholderData: keepPreviousData,
    }),
};

/** Posts a goods receipt (GRN): the lines arrive on a rack as new lots; stock and the PO both change. */
export function useReceivePurchaseOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      purchaseOrderId,
      body,
      idempotencyKey,
    }: {
      purchaseOrderId: string;
      body: ReceiptBody;
      idempotencyKey: string;
    }) =>
      unwrap(
        await api.POST('/api/v1/purchasing/orders/{id}/receipts', {
          params: { path: { id: purchaseOrderId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: warehouseKeys.receiving() });
      void queryClient.invalidateQueries({ queryKey: warehouseKeys.stock() });
    },
  });
}
