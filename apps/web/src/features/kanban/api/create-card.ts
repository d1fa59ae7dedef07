import { unwrap, type Schemas } from '@kapok/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { storeCard } from './board';
import { kanbanKeys } from './keys';

export type CreateCardBody = Schemas['CreateCardRequest'];

/** Requests material for the signed-in user's department. */
export function useCreateCard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: CreateCardBody; idempotencyKey: string }) =>
      unwrap(
        await api.POST('/api/v1/ppic/kanban/cards', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: (card) => storeCard(queryClient, card),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: kanbanKeys.boards() }),
  });
}
