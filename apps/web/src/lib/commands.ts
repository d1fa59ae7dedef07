import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

/** A command (save, state transition) after whose success the queries under `stale` are read again. */
export function useCommand<V, R>(run: (variables: V) => Promise<R>, stale: QueryKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stale }),
  });
}

/** What a document's save and transitions carry: the Idempotency-Key of one user action. */
export interface DocumentCommand {
  idempotencyKey: string;
}
