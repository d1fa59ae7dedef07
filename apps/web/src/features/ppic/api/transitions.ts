import { unwrap, type Schemas } from '@kapok/api-client';
import type { MoAction } from '@kapok/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { ppicKeys } from './keys';

export type BatchResult = Schemas['BatchItemResult'];

/** What one transition sends besides the order: cancel needs a reason, complete the pieces made. */
export type TransitionRequest =
  | { action: 'approve'; notes?: string }
  | { action: 'start'; notes?: string }
  | { action: 'complete'; actualQuantity: number; qualityNotes?: string }
  | { action: 'cancel'; reason: string }
  | { action: 'return'; reason: string };

/** One user action: the same key is sent again when the user retries it, so it is applied once. */
export type TransitionVariables = TransitionRequest & { id: string; idempotencyKey: string };

async function postTransition(v: TransitionVariables) {
  const params = { path: { id: v.id }, header: { 'Idempotency-Key': v.idempotencyKey } };
  switch (v.action) {
    case 'approve':
      return unwrap(
        await api.POST('/api/v1/ppic/tasks/{id}/approve', {
          params,
          body: v.notes ? { notes: v.notes } : {},
        }),
      );
    case 'start':
      return unwrap(
        await api.POST('/api/v1/ppic/tasks/{id}/start', { params, body: v.notes ? { notes: v.notes } : {} }),
      );
    case 'complete':
      return unwrap(
        await api.POST('/api/v1/ppic/tasks/{id}/complete', {
          params,
          body: {
            actualQuantity: v.actualQuantity,
            ...(v.qualityNotes ? { qualityNotes: v.qualityNotes } : {}),
          },
        }),
      );
    case 'cancel':
      return unwrap(await api.POST('/api/v1/ppic/tasks/{id}/cancel', { params, body: { reason: v.reason } }));
    case 'return':
      return unwrap(await api.POST('/api/v1/ppic/tasks/{id}/return', { params, body: { reason: v.reason } }));
  }
}

const refreshOrders = (queryClient: QueryClient) => {
  void queryClient.invalidateQueries({ queryKey: ppicKeys.orders() });
  void queryClient.invalidateQueries({ queryKey: ppicKeys.dashboard() });
};

/** Moves one order through the state machine. */
export function useMoTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postTransition,
    onSettled: () => refreshOrders(queryClient),
  });
}

/** Actions a batch applies (a return needs a reason per order, so it is not one of them). */
export type BatchAction = Exclude<MoAction, 'return'>;

export interface BatchVariables {
  action: BatchAction;
  ids: string[];
  /** All or nothing (the default), or a result per order. */
  atomic: boolean;
  notes?: string;
  reason?: string;
  qualityNotes?: string;
  idempotencyKey: string;
}

const BATCH_PATHS = {
  approve: '/api/v1/ppic/tasks/batch/approve',
  start: '/api/v1/ppic/tasks/batch/start',
  complete: '/api/v1/ppic/tasks/batch/complete',
  cancel: '/api/v1/ppic/tasks/batch/cancel',
} as const;

/** Applies one action to many orders; complete makes each order at its plan. */
export function useMoBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, idempotencyKey, ...body }: BatchVariables) =>
      unwrap(
        await api.POST(BATCH_PATHS[action], {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ).results,
    onSettled: () => refreshOrders(queryClient),
  });
}
