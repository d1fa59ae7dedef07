import { unwrap, type Schemas } from '@kapok/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { ppicKeys, type MoFilters } from './keys';

export type Mo = Schemas['MoResponse'];
export type MoDetail = Schemas['MoDetailResponse'];
export type MoWorkOrder = Schemas['WorkOrderResponse'];
export type MoMaterial = Schemas['MoMaterialResponse'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type CreateMoBody = Schemas['CreateMoRequest'];
export type UpdateMoBody = Schemas['UpdateMoRequest'];

export const moQueries = {
  list: (filters: MoFilters) =>
    queryOptions({
      queryKey: ppicKeys.orderList(filters),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/ppic/tasks', { params: { query: filters }, signal })),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: ppicKeys.order(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/ppic/tasks/{id}', { params: { path: { id } }, signal })),
    }),
};

export function useCreateMo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: CreateMoBody; idempotencyKey: string }) =>
      unwrap(
        await api.POST('/api/v1/ppic/tasks', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ppicKeys.orders() });
      void queryClient.invalidateQueries({ queryKey: ppicKeys.dashboard() });
    },
  });
}

/** Rewrites a draft at the version it was read (409 STALE_VERSION when someone else saved first). */
export function useUpdateMo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateMoBody }) =>
      unwrap(await api.PUT('/api/v1/ppic/tasks/{id}', { params: { path: { id } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ppicKeys.orders() });
      void queryClient.invalidateQueries({ queryKey: ppicKeys.dashboard() });
    },
  });
}
