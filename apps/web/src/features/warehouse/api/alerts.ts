import { unwrap, type Schemas } from '@kapok/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { warehouseKeys, type AlertFilters } from './keys';

export type StockAlert = Schemas['AlertResponse'];
export type Threshold = Schemas['ThresholdResponse'];
export type ThresholdBody = Schemas['SetThresholdRequest'];

export const alertQueries = {
  list: (filters: AlertFilters) =>
    queryOptions({
      queryKey: warehouseKeys.alertList(filters),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/warehouse/alerts', { params: { query: filters }, signal })),
      placeholderData: keepPreviousData,
    }),
  /** How many alerts wait for someone: the navigation badge and the Open tab. */
  openCount: () =>
    queryOptions({
      queryKey: warehouseKeys.openAlertCount(),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/warehouse/alerts', {
            params: { query: { status: 'OPEN', limit: 1 } },
            signal,
          }),
        ).total,
    }),
};

export const thresholdQueries = {
  forProduct: (productId: string) =>
    queryOptions({
      queryKey: warehouseKeys.productThresholds(productId),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/warehouse/alerts/thresholds', {
            params: { query: { productId, limit: 500 } },
            signal,
          }),
        ).items,
    }),
};

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, note }: { id: string; note?: string }) =>
      unwrap(
        await api.POST('/api/v1/warehouse/alerts/{id}/acknowledge', {
          params: { path: { id } },
          body: note ? { note } : {},
        }),
      ),
    // An alert that is no longer open (409) was changed by someone else: show the current list either way.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: warehouseKeys.alerts() }),
  });
}

/** Setting a threshold re-evaluates the product's alerts at once. */
const afterThresholdChange = (queryClient: ReturnType<typeof useQueryClient>) => {
  void queryClient.invalidateQueries({ queryKey: warehouseKeys.thresholds() });
  void queryClient.invalidateQueries({ queryKey: warehouseKeys.alerts() });
  void queryClient.invalidateQueries({ queryKey: warehouseKeys.summary() });
};

export function useSetThreshold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ThresholdBody) =>
      unwrap(await api.POST('/api/v1/warehouse/alerts/thresholds', { body })),
    onSuccess: () => afterThresholdChange(queryClient),
  });
}

export function useDeleteThreshold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/api/v1/warehouse/alerts/thresholds/{id}', { params: { path: { id } } })),
    onSuccess: () => afterThresholdChange(queryClient),
  });
}
