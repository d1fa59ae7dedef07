import type { ApiErrorCode } from '@kapok/api-client';
import { MantineProvider } from '@mantine/core';
import { PERMISSIONS, type Permission } from '@kapok/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { theme } from '../app/theme';
import { SessionContext } from '../lib/auth';
import { createQueryClient } from '../lib/query-client';
import { SessionManager, type SessionUser } from '../lib/session';

export const testUser = (
  permissions: readonly Permission[] = PERMISSIONS,
  role = 'superadmin',
): SessionUser => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: 'tester',
  fullName: 'Tina Tester',
  role,
  department: null,
  permissions: [...permissions],
});

/** Renders `ui` with the app's providers, a memory data router at `path` (any path renders `ui`), and the given signed-in user (or none). */
export function renderWithApp(
  ui: ReactElement,
  { user = testUser(), path = '/' }: { user?: SessionUser | null; path?: string } = {},
) {
  const manager = new SessionManager();
  const queryClient = createQueryClient();
  const session = {
    manager,
    status: user ? ('signed-in' as const) : ('signed-out' as const),
    user,
    reason: null,
  };
  return {
    manager,
    queryClient,
    ...render(
      <MantineProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <SessionContext value={session}>
            <RouterProvider
              router={createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [path] })}
            />
          </SessionContext>
        </QueryClientProvider>
      </MantineProvider>,
    ),
  };
}

/** A fetch stub answering with `body` and `status`, recording each Request it receives. */
export function stubFetch(answer: (request: Request) => { status: number; body?: unknown }) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request.clone());
    const { status, body } = answer(request);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, requests };
}

export const errorBody = (statusCode: number, code: ApiErrorCode, message: string, details?: unknown) => ({
  statusCode,
  code,
  message,
  requestId: 'req-test-1',
  ...(details === undefined ? {} : { details }),
});
