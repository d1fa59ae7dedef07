import { unwrap, type Schemas } from '@kapok/api-client';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/session';

export type MyWork = Schemas['MyWorkResponse'];
export type WorkSection = Schemas['WorkSection'];
export type WorkItem = Schemas['WorkItem'];

/** Every home query key is made here; live events invalidate the root. */
export const homeKeys = {
  all: ['home'] as const,
  work: () => [...homeKeys.all, 'work'] as const,
};

/** What waits for the signed-in user, in one request. */
export const myWorkQuery = () =>
  queryOptions({
    queryKey: homeKeys.work(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/me/work', { signal })),
  });
