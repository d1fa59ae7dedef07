import { ApiError, unwrap, type Schemas } from '@kapok/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { planningKeys, type PlannedOrderFilters } from './keys';

export { planningKeys, type PlannedOrderFilters } from './keys';
export type MrpRun = Schemas['MrpRunResponse'];
export type MrpException = Schemas['MrpExceptionResponse'];
export type PlannedOrder = Schemas['PlannedOrderResponse'];
export type MrpGrid = Schemas['MrpGridResponse'];
export type MrpGridBucket = Schemas['MrpGridBucketResponse'];
export type ReleaseResult = Schemas['ReleaseResponse'];

export const planningQueries = {
  /** The latest run, or null before the first one. */
  latest: () =>
    queryOptions({
      queryKey: planningKeys.latest(),
      queryFn: async ({ signal }) => {
        try {
          return unwrap(await api.GET('/api/v1/planning/mrp/runs/latest', { signal }));
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        }
      },
    }),
  plannedOrders: (runId: string, filters: PlannedOrderFilters) =>
    queryOptions({
      queryKey: planningKeys.plannedOrders(runId, filters),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/planning/mrp/runs/{id}/planned-orders', {
            params: { path: { id: runId }, query: filters },
            signal,
          }),
        ),
      placeholderData: keepPreviousData,
    }),
  grid: (runId: string, productId: string) =>
    queryOptions({
      queryKey: planningKeys.grid(runId, productId),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/planning/mrp/runs/{id}/grid', {
            params: { path: { id: runId }, query: { productId } },
            signal,
          }),
        ),
    }),
};

export function useRunMrp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/planning/mrp/runs', { body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planningKeys.all }),
  });
}

export function useReleasePlannedOrders() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ runId, plannedOrderIds }: { runId: string; plannedOrderIds: string[] }) =>
      unwrap(
        await api.POST('/api/v1/planning/mrp/runs/{id}/release', {
          params: { path: { id: runId } },
          body: { plannedOrderIds },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planningKeys.all }),
  });
}
