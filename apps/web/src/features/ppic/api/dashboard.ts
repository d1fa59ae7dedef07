import { unwrap, type Schemas } from '@kapok/api-client';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { ppicKeys, type Period } from './keys';

export type Overview = Schemas['OverviewResponse'];
export type Performance = Schemas['PerformanceResponse'];
export type Bottlenecks = Schemas['BottlenecksResponse'];
export type DepartmentLoad = Schemas['DepartmentLoad'];
export type DailyThroughput = Schemas['DailyThroughput'];

export const dashboardQueries = {
  overview: () =>
    queryOptions({
      queryKey: ppicKeys.overview(),
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/ppic/dashboard/overview', { signal })),
    }),
  performance: (period: Period) =>
    queryOptions({
      queryKey: ppicKeys.performance(period),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/ppic/dashboard/performance', { params: { query: period }, signal })),
      placeholderData: keepPreviousData,
    }),
  bottlenecks: (period: Period) =>
    queryOptions({
      queryKey: ppicKeys.bottlenecks(period),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/ppic/dashboard/bottlenecks', { params: { query: period }, signal })),
      placeholderData: keepPreviousData,
    }),
};
