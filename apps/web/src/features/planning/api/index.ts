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

/** A fallback when live events are not reaching the page. */
const RUNNING_POLL_MS = 3000;

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
  /** One run; while it is RUNNING it is read again every few seconds besides its progress events. */
  run: (id: string) =>
    queryOptions({
      queryKey: planningKeys.run(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/planning/mrp/runs/{id}', { params: { path: { id } }, signal })),
      refetchInterval: (query) => (query.state.data?.state === 'RUNNING' ? RUNNING_POLL_MS : false),
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

/** Starts a run: the finished run (201), or the RUNNING one (202) that `planningQueries.run` follows. */
export function useRunMrp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/planning/mrp/runs', { body: {} })),
    onSuccess: (run) => {
      queryClient.setQueryData(planningKeys.run(run.id), run);
      if (run.state !== 'RUNNING') return queryClient.invalidateQueries({ queryKey: planningKeys.all });
    },
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
