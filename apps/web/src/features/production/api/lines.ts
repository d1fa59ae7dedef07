import { unwrap, type Schemas } from '@kapok/api-client';
import type { LineDepartment } from '@kapok/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { productionKeys } from './keys';

export type HandoverCheck = Schemas['HandoverCheckResponse'];
export type Line = Schemas['LineResponse'];
export type LineBatch = Schemas['LineBatchResponse'];
export type LineBlock = Schemas['LineBlockResponse'];
export type SegregationAlarm = Schemas['SegregationAlarmResponse'];
export type LineEscalation = Schemas['EscalationResponse'];

/** Shop-floor control: what a handover would meet on the receiving line, before it is sent. */
export const lineQueries = {
  /** Every department line: what is on it, blocks and alarms (the line board). */
  lines: () =>
    queryOptions({
      queryKey: productionKeys.lines(),
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/production/lines', { signal })).items,
    }),
  /** Open blocks and alarms on every line and the escalations that fired (the line alerts page). */
  alerts: () =>
    queryOptions({
      queryKey: productionKeys.lineAlerts(),
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/production/line-alerts', { signal })),
    }),
  handoverCheck: (workOrderId: string) =>
    queryOptions({
      queryKey: productionKeys.handoverCheck(workOrderId),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/production/work-orders/{id}/handover-check', {
            params: { path: { id: workOrderId } },
            signal,
          }),
        ),
    }),
};

export function useAcknowledgeAlarm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: Schemas['AcknowledgeAlarmRequest'] }) =>
      unwrap(
        await api.POST('/api/v1/production/segregation-alarms/{id}/acknowledge', {
          params: { path: { id } },
          body,
        }),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: productionKeys.all }),
  });
}

const header = (idempotencyKey: string) => ({ 'Idempotency-Key': idempotencyKey });

/** Scraps an order's WIP on a line (to LOSS, with a reason): the line clears for the next batch. */
export function useScrapLineWip() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      department,
      idempotencyKey,
      body,
    }: {
      department: LineDepartment;
      idempotencyKey: string;
      body: Schemas['ScrapLineWipRequest'];
    }) =>
      unwrap(
        await api.POST('/api/v1/production/lines/{department}/scrap', {
          params: { path: { department }, header: header(idempotencyKey) },
          body,
        }),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: productionKeys.all }),
  });
}

/** A supervisor lets a refused handover onto the line despite the block (reason, audited). */
export function useOverrideBlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      idempotencyKey,
      body,
    }: {
      id: string;
      idempotencyKey: string;
      body: Schemas['OverrideBlockRequest'];
    }) =>
      unwrap(
        await api.POST('/api/v1/production/line-blocks/{id}/override', {
          params: { path: { id }, header: header(idempotencyKey) },
          body,
        }),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: productionKeys.all }),
  });
}
