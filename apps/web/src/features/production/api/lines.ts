import { unwrap, type Schemas } from '@kapok/api-client';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { productionKeys } from './keys';

export type HandoverCheck = Schemas['HandoverCheckResponse'];

/** Shop-floor control: what a handover would meet on the receiving line, before it is sent. */
export const lineQueries = {
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
