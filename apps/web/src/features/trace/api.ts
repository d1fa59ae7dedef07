import { unwrap, type Schemas } from '@kapok/api-client';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/session';

export type TraceResponse = Schemas['TraceResponse'];
export type TraceNode = Schemas['TraceNode'];
export type TraceDirection = TraceResponse['direction'];
export type LotPassport = Schemas['PassportIssueResponse'];

export const traceKeys = {
  all: ['trace'] as const,
  lots: (search: string) => ['trace', 'lots', search] as const,
  trace: (lotId: string, direction: TraceDirection) => ['trace', 'tree', lotId, direction] as const,
  passport: (lotId: string) => ['trace', 'passport', lotId] as const,
};

export const traceQueries = {
  /** Lots whose number contains `search` (a typed or scanned lot number). */
  lots: (search: string) =>
    queryOptions({
      queryKey: traceKeys.lots(search),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/warehouse/lots', { params: { query: { search, limit: 20 } }, signal }))
          .items,
      enabled: search.length > 0,
    }),
  trace: (lotId: string, direction: TraceDirection) =>
    queryOptions({
      queryKey: traceKeys.trace(lotId, direction),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/quality/trace/{lotId}', {
            params: { path: { lotId }, query: { direction } },
            signal,
          }),
        ),
    }),
  /** The lot's passport, or null before one is issued. */
  passport: (lotId: string) =>
    queryOptions({
      queryKey: traceKeys.passport(lotId),
      queryFn: async ({ signal }) => {
        const res = await api.GET('/api/v1/quality/lots/{lotId}/passport', {
          params: { path: { lotId } },
          signal,
        });
        if (res.response.status === 404) return null;
        return unwrap(res);
      },
    }),
};

export function useIssuePassport(lotId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/quality/lots/{lotId}/passport', { params: { path: { lotId } } })),
    onSuccess: (passport) => client.setQueryData(traceKeys.passport(lotId), passport),
  });
}
