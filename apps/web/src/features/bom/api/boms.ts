import { unwrap, type Schemas } from '@kapok/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { bomKeys, type BomFilters } from './keys';

export type Bom = Schemas['BomResponse'];
export type BomLine = Schemas['BomLineResponse'];
export type BomVariant = Schemas['BomVariantResponse'];
export type BomSummary = Schemas['BomSummary'];
export type BomRevision = Schemas['BomRevisionResponse'];
export type Explosion = Schemas['ExplosionResponse'];
export type ExplosionNode = Schemas['ExplosionNode'];
export type Requirement = Schemas['RequirementItem'];
export type CreateBomBody = Schemas['CreateBomRequest'];
export type UpdateBomBody = Schemas['UpdateBomRequest'];

export const bomQueries = {
  list: (filters: BomFilters) =>
    queryOptions({
      queryKey: bomKeys.list(filters),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/warehouse/bom', { params: { query: filters }, signal })),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: bomKeys.detail(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/warehouse/bom/{id}', { params: { path: { id } }, signal })),
    }),
  revisions: (id: string) =>
    queryOptions({
      queryKey: bomKeys.revisions(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/warehouse/bom/{id}/revisions', { params: { path: { id } }, signal }))
          .items,
    }),
  explosion: (id: string, quantity: number) =>
    queryOptions({
      queryKey: bomKeys.explosion(id, quantity),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/warehouse/bom/{id}/explode', {
            params: { path: { id }, query: { quantity } },
            signal,
          }),
        ),
      placeholderData: keepPreviousData,
    }),
};

/** The BOM just saved is the one on screen: store it, and refresh lists, history and explosions. */
function useStoreBom() {
  const queryClient = useQueryClient();
  return (bom: Bom) => {
    queryClient.setQueryData(bomKeys.detail(bom.id), bom);
    void queryClient.invalidateQueries({ queryKey: bomKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: bomKeys.revisions(bom.id) });
    void queryClient.invalidateQueries({ queryKey: bomKeys.explosions() });
  };
}

export function useCreateBom() {
  const store = useStoreBom();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: CreateBomBody; idempotencyKey: string }) =>
      unwrap(
        await api.POST('/api/v1/warehouse/bom', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: store,
  });
}

/** Saves a new revision. The API guards it with `version` (409 STALE_VERSION), not an Idempotency-Key. */
export function useUpdateBom() {
  const store = useStoreBom();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateBomBody }) =>
      unwrap(await api.PUT('/api/v1/warehouse/bom/{id}', { params: { path: { id } }, body })),
    onSuccess: store,
  });
}

export function useDeleteBom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/api/v1/warehouse/bom/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: bomKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: bomKeys.lists() });
    },
  });
}
