import { unwrap, type Schemas } from '@kapok/api-client';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/session';

export type Company = Schemas['CompanyResponse'];
export type CompanyBody = Schemas['CompanyRequest'];

const companyKey = ['admin', 'company'] as const;

export const companyQueries = {
  detail: () =>
    queryOptions({
      queryKey: companyKey,
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/admin/company', { signal })),
    }),
};

export function useSaveCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: CompanyBody) => unwrap(await api.PUT('/api/v1/admin/company', { body })),
    onSuccess: (company) => client.setQueryData(companyKey, company),
  });
}
