import { unwrap, type Schemas } from '@kapok/api-client';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { useCommand, type DocumentCommand } from '../../lib/commands';
import { api } from '../../lib/session';
import { subconKeys, type GatePassFilters } from './keys';

export type GatePass = Schemas['GatePassResponse'];
export type GatePassLine = Schemas['GatePassLineResponse'];
export type SubconWorkOrder = Schemas['SubconWorkOrderResponse'];
export type CreateGatePass = Schemas['CreateGatePassRequest'];
export type SubconAlert = Schemas['SubconAlertResponse'];

export { subconKeys, type GatePassFilters } from './keys';

export const subconQueries = {
  list: (filters: GatePassFilters) =>
    queryOptions({
      queryKey: subconKeys.list(filters),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/subcon/gate-passes', { params: { query: filters }, signal })),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: subconKeys.pass(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/subcon/gate-passes/{id}', { params: { path: { id } }, signal })),
    }),
  /** SUBCON work orders of running orders: what a new pass may carry, and what is out at the subcontractor. */
  workOrders: () =>
    queryOptions({
      queryKey: subconKeys.workOrders(),
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/subcon/work-orders', { signal })).items,
    }),
  /** Passes whose pieces stayed at the subcontractor past the agreed days (live: `subcon_alert.*`). */
  alerts: (status: 'OPEN' | 'RESOLVED' = 'OPEN') =>
    queryOptions({
      queryKey: subconKeys.alerts(status),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/subcon/alerts', { params: { query: { status } }, signal })).items,
    }),
};

const header = (idempotencyKey: string) => ({ 'Idempotency-Key': idempotencyKey });

export function useCreateGatePass() {
  return useCommand(
    async ({ body, idempotencyKey }: { body: CreateGatePass } & DocumentCommand) =>
      unwrap(await api.POST('/api/v1/subcon/gate-passes', { headers: header(idempotencyKey), body })),
    subconKeys.all,
  );
}

export function useCountGatePass() {
  return useCommand(
    async ({
      id,
      body,
      idempotencyKey,
    }: { id: string; body: Schemas['CountGatePassRequest'] } & DocumentCommand) =>
      unwrap(
        await api.POST('/api/v1/subcon/gate-passes/{id}/count', {
          params: { path: { id } },
          headers: header(idempotencyKey),
          body,
        }),
      ),
    subconKeys.all,
  );
}

export function useCancelGatePass() {
  return useCommand(
    async ({ id, reason, idempotencyKey }: { id: string; reason: string } & DocumentCommand) =>
      unwrap(
        await api.POST('/api/v1/subcon/gate-passes/{id}/cancel', {
          params: { path: { id } },
          headers: header(idempotencyKey),
          body: { reason },
        }),
      ),
    subconKeys.all,
  );
}

export function useGatePassToLine() {
  return useCommand(
    async ({ id, idempotencyKey }: { id: string } & DocumentCommand) =>
      unwrap(
        await api.POST('/api/v1/subcon/gate-passes/{id}/to-line', {
          params: { path: { id } },
          headers: header(idempotencyKey),
        }),
      ),
    subconKeys.all,
  );
}

/** Fetches the printed gate pass with the session's token and opens it in a new tab. */
export async function openGatePassPdf(id: string): Promise<void> {
  const target = window.open('', '_blank');
  const { data, error, response } = await api.GET('/api/v1/subcon/gate-passes/{id}/gate-pass.pdf', {
    params: { path: { id } },
    parseAs: 'blob',
  });
  if (error !== undefined || !response.ok || !data) {
    target?.close();
    throw new Error(`${response.status}`);
  }
  const url = URL.createObjectURL(data as Blob);
  if (target) target.location.href = url;
  else window.location.href = url;
}
