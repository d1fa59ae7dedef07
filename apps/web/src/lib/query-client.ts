import { ApiError } from '@kapok/api-client';
import { QueryClient } from '@tanstack/react-query';

/** Client errors (4xx) are answers, not glitches: only network failures and 5xx are retried. */
const shouldRetry = (failureCount: number, error: unknown) =>
  failureCount < 2 && !(error instanceof ApiError && error.status < 500);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Live events invalidate what changed, so data stays fresh without polling or focus refetches.
      queries: { staleTime: 60_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
