import { unwrap, type Schemas } from '@kapok/api-client';
import type { Destination, ShipmentAction } from '@kapok/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { useCommand, type DocumentCommand } from '../../lib/commands';
import { api } from '../../lib/session';
import { shippingKeys, type ShipmentFilters } from './keys';

export type Shipment = Schemas['ShipmentResponse'];
export type ShipmentSummary = Schemas['ShipmentSummary'];
export type OpenLine = Schemas['OpenSalesOrderLineResponse'];

export { shippingKeys, type ShipmentFilters } from './keys';

export const shippingQueries = {
  list: (filters: ShipmentFilters) =>
    queryOptions({
      queryKey: shippingKeys.list(filters),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/shipping/shipments', { params: { query: filters }, signal })),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: shippingKeys.shipment(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/shipping/shipments/{id}', { params: { path: { id } }, signal })),
    }),
  openLines: (customerId: string, week?: string, destination?: Destination) =>
    queryOptions({
      queryKey: shippingKeys.openLines(customerId, week, destination),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/shipping/open-lines', {
            params: { query: { customerId, week, destination } },
            signal,
          }),
        ),
      enabled: customerId !== '',
    }),
};

export function useCreateShipment() {
  return useCommand(
    async ({ body, idempotencyKey }: { body: Schemas['CreateShipmentRequest'] } & DocumentCommand) =>
      unwrap(
        await api.POST('/api/v1/shipping/shipments', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    shippingKeys.all,
  );
}

const TRANSITION_PATHS = {
  pick: '/api/v1/shipping/shipments/{id}/pick',
  ship: '/api/v1/shipping/shipments/{id}/ship',
  cancel: '/api/v1/shipping/shipments/{id}/cancel',
} as const;

export function useShipmentTransition() {
  return useCommand(
    async ({ id, action, idempotencyKey }: { id: string; action: ShipmentAction } & DocumentCommand) =>
      unwrap(
        await api.POST(TRANSITION_PATHS[action], {
          params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
          body: {},
        }),
      ),
    shippingKeys.all,
  );
}

export const DOCUMENTS = {
  deliveryNote: '/api/v1/shipping/shipments/{id}/delivery-note.pdf',
  cartonLabels: '/api/v1/shipping/shipments/{id}/carton-labels.pdf',
  palletLabels: '/api/v1/shipping/shipments/{id}/pallet-labels.pdf',
} as const;
export type ShipmentDocument = keyof typeof DOCUMENTS;

/** Fetches a document with the session's token and opens it in a new tab. */
export async function openDocument(id: string, document: ShipmentDocument): Promise<void> {
  const target = window.open('', '_blank');
  const { data, error, response } = await api.GET(DOCUMENTS[document], {
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
