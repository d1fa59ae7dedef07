import { unwrap, type Schemas } from '@kapok/api-client';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { adminKeys, type AuditFilters } from './keys';

export type AuditEntry = Schemas['AuditEntryResponse'];

export const auditQueries = {
  list: (filters: AuditFilters) =>
    queryOptions({
      queryKey: adminKeys.auditList(filters),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/admin/audit', { params: { query: filters }, signal })),
      placeholderData: keepPreviousData,
    }),
};
