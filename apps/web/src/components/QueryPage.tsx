import { ApiError } from '@kapok/api-client';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NotFoundPage } from './AccessPages';
import { ErrorState } from './ErrorState';
import { PageLoader } from './LoadingState';

/**
 * The page of one record read by `query`: a loader while it loads, "not found" for an id that names
 * nothing (404, or 400 for a malformed id), the error with a retry otherwise, then `children(data)`.
 */
export function QueryPage<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (query.error instanceof ApiError && [400, 404].includes(query.error.status)) return <NotFoundPage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return children(query.data);
}
