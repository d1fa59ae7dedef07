import { unwrap, type Schemas } from '@kapok/api-client';
import type { Permission } from '@kapok/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { adminKeys } from './keys';

export type Role = Schemas['RoleResponse'];

export const rolesQueries = {
  list: () =>
    queryOptions({
      queryKey: adminKeys.roles(),
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/admin/roles', { signal })).items,
    }),
};

export function useUpdateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      code,
      version,
      permissions,
    }: {
      code: string;
      version: number;
      permissions: Permission[];
    }) =>
      unwrap(
        await api.PUT('/api/v1/admin/roles/{code}', {
          params: { path: { code } },
          body: { version, permissions },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.roles() });
      void queryClient.invalidateQueries({ queryKey: adminKeys.audit() });
    },
  });
}

export type CreateRoleBody = Schemas['CreateRoleRequest'];

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateRoleBody) => unwrap(await api.POST('/api/v1/admin/roles', { body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.roles() });
      void queryClient.invalidateQueries({ queryKey: adminKeys.audit() });
    },
  });
}
