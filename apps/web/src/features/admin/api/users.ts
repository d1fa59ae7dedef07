import { unwrap, type Schemas } from '@kapok/api-client';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { adminKeys, type UserFilters } from './keys';

export type User = Schemas['UserResponse'];
export type CreateUserBody = Schemas['CreateUserRequest'];
export type UpdateUserBody = Schemas['UpdateUserRequest'];

export const usersQueries = {
  list: (filters: UserFilters) =>
    queryOptions({
      queryKey: adminKeys.userList(filters),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/admin/users', { params: { query: filters }, signal })),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: adminKeys.user(id),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/admin/users/{id}', { params: { path: { id } }, signal })),
      // The edit form needs the current version, not a cached one.
      staleTime: 0,
    }),
};

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateUserBody) => unwrap(await api.POST('/api/v1/admin/users', { body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.users() });
      void queryClient.invalidateQueries({ queryKey: adminKeys.roles() });
      void queryClient.invalidateQueries({ queryKey: adminKeys.audit() });
    },
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateUserBody }) =>
      unwrap(await api.PUT('/api/v1/admin/users/{id}', { params: { path: { id } }, body })),
    onSuccess: (user) => {
      queryClient.setQueryData(adminKeys.user(user.id), user);
      void queryClient.invalidateQueries({ queryKey: adminKeys.users() });
      void queryClient.invalidateQueries({ queryKey: adminKeys.roles() });
      void queryClient.invalidateQueries({ queryKey: adminKeys.audit() });
    },
  });
}
