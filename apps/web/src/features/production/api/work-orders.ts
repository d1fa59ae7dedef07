import { unwrap, type Schemas } from '@kapok/api-client';
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { productionKeys, type HandoverFilters, type WorkOrderFilters } from './keys';

export type WorkOrder = Schemas['WorkOrderResponse'];
export type Handover = Schemas['HandoverResponse'];
export type OutputBody = Schemas['OutputRequest'];

export const workOrderQueries = {
  list: (filters: WorkOrderFilters) =>
    queryOptions({
      queryKey: productionKeys.workOrderList(filters),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/production/work-orders', { params: { query: filters }, signal })).items,
    }),
};

export const handoverQueries = {
  list: (filters: HandoverFilters) =>
    queryOptions({
      queryKey: productionKeys.handoverList(filters),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/production/handovers', { params: { query: filters }, signal })).items,
    }),
};

// A work order's change moves stock and the handovers between departments: refresh all of production.
const refresh = (queryClient: QueryClient) =>
  void queryClient.invalidateQueries({ queryKey: productionKeys.all });

const header = (idempotencyKey: string) => ({ 'Idempotency-Key': idempotencyKey });

export function useStartWorkOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, idempotencyKey }: { id: string; idempotencyKey: string }) =>
      unwrap(
        await api.POST('/api/v1/production/work-orders/{id}/start', {
          params: { path: { id }, header: header(idempotencyKey) },
        }),
      ),
    onSettled: () => refresh(queryClient),
  });
}

export function useRecordOutput() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      body,
      idempotencyKey,
    }: {
      id: string;
      body: OutputBody;
      idempotencyKey: string;
    }) =>
      unwrap(
        await api.POST('/api/v1/production/work-orders/{id}/output', {
          params: { path: { id }, header: header(idempotencyKey) },
          body,
        }),
      ),
    onSettled: () => refresh(queryClient),
  });
}

export function useHandOver() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      quantity,
      idempotencyKey,
    }: {
      id: string;
      quantity: number;
      idempotencyKey: string;
    }) =>
      unwrap(
        await api.POST('/api/v1/production/work-orders/{id}/handover', {
          params: { path: { id }, header: header(idempotencyKey) },
          body: { quantity },
        }),
      ),
    onSettled: () => refresh(queryClient),
  });
}

export function useAcceptHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      receivedQuantity,
      idempotencyKey,
    }: {
      id: string;
      receivedQuantity: number;
      idempotencyKey: string;
    }) =>
      unwrap(
        await api.POST('/api/v1/production/handovers/{id}/accept', {
          params: { path: { id }, header: header(idempotencyKey) },
          body: { receivedQuantity },
        }),
      ),
    onSettled: () => refresh(queryClient),
  });
}
