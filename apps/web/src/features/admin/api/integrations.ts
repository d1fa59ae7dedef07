import { unwrap, type Schemas } from '@kapok/api-client';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { adminKeys } from './keys';

export type ApiKey = Schemas['ApiKeyResponse'];
export type CreateApiKeyBody = Schemas['CreateApiKeyRequest'];
export type Webhook = Schemas['WebhookResponse'];
export type CreateWebhookBody = Schemas['CreateWebhookRequest'];
export type WebhookDelivery = Schemas['WebhookDeliveryResponse'];

export const integrationQueries = {
  apiKeys: () =>
    queryOptions({
      queryKey: adminKeys.apiKeys(),
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/admin/api-keys', { signal })).items,
    }),
  webhooks: () =>
    queryOptions({
      queryKey: adminKeys.webhookList(),
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/admin/webhooks', { signal })).items,
    }),
  deliveries: (id: string, skip: number, limit: number) =>
    queryOptions({
      queryKey: adminKeys.deliveries(id, skip, limit),
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/admin/webhooks/{id}/deliveries', {
            params: { path: { id }, query: { skip, limit } },
            signal,
          }),
        ),
    }),
};

function useInvalidate() {
  const client = useQueryClient();
  return (...keys: readonly (readonly unknown[])[]) => {
    for (const queryKey of keys) void client.invalidateQueries({ queryKey });
  };
}

export function useCreateApiKey() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (body: CreateApiKeyBody) => unwrap(await api.POST('/api/v1/admin/api-keys', { body })),
    onSuccess: () => invalidate(adminKeys.apiKeys(), adminKeys.audit()),
  });
}

export function useRevokeApiKey() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/api/v1/admin/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => invalidate(adminKeys.apiKeys(), adminKeys.audit()),
  });
}

export function useCreateWebhook() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (body: CreateWebhookBody) => unwrap(await api.POST('/api/v1/admin/webhooks', { body })),
    onSuccess: () => invalidate(adminKeys.webhooks(), adminKeys.audit()),
  });
}

export function useUpdateWebhook() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, ...body }: Schemas['UpdateWebhookRequest'] & { id: string }) =>
      unwrap(await api.PUT('/api/v1/admin/webhooks/{id}', { params: { path: { id } }, body })),
    onSuccess: () => invalidate(adminKeys.webhooks(), adminKeys.audit()),
  });
}

export function useDeleteWebhook() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/api/v1/admin/webhooks/{id}', { params: { path: { id } } })),
    onSuccess: () => invalidate(adminKeys.webhooks(), adminKeys.audit()),
  });
}

export function usePingWebhook() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/v1/admin/webhooks/{id}/test', { params: { path: { id } } })),
    onSuccess: () => invalidate(adminKeys.webhooks()),
  });
}

export function useRedeliver() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, deliveryId }: { id: string; deliveryId: string }) =>
      unwrap(
        await api.POST('/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver', {
          params: { path: { id, deliveryId } },
        }),
      ),
    onSuccess: () => invalidate(adminKeys.webhooks()),
  });
}
