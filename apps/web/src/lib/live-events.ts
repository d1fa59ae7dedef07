import { fetchEventSource } from '@microsoft/fetch-event-source';
import type { KapokEvent } from '@kapok/contracts';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { session as appSession, type SessionManager } from './session';

/** Which query-key roots an event type invalidates: `prefix` matches the type or its dotted start. */
export interface EventRoute {
  prefix: string;
  keys: readonly QueryKey[];
}

export const matchesPrefix = (type: string, prefix: string) =>
  type === prefix || type.startsWith(`${prefix}.`);

/** The query-key roots to invalidate for one event (deduplicated by their JSON form). */
export function keysForEvent(type: string, routes: readonly EventRoute[]): QueryKey[] {
  const keys = new Map<string, QueryKey>();
  for (const route of routes) {
    if (!matchesPrefix(type, route.prefix)) continue;
    for (const key of route.keys) keys.set(JSON.stringify(key), key);
  }
  return [...keys.values()];
}

class FatalStreamError extends Error {}
class RetriableStreamError extends Error {}

const MAX_BACKOFF_MS = 30_000;
export const backoffDelay = (attempt: number) =>
  Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt) * (0.75 + Math.random() * 0.5);

/**
 * Listens to GET /api/v1/events (authenticated by the Authorization header, hence fetch rather than
 * EventSource) and invalidates the queries each event touches. Reconnects with exponential backoff,
 * always with the session's current access token, and after a reconnect refreshes every routed query
 * because events may have been missed. Mount it once, in the signed-in shell.
 */
export function useLiveEvents(
  routes: readonly EventRoute[],
  onEvent?: (event: KapokEvent) => void,
  manager: SessionManager = appSession,
): void {
  const queryClient = useQueryClient();

  const handle = useEffectEvent((event: KapokEvent) => {
    for (const queryKey of keysForEvent(event.type, routes)) void queryClient.invalidateQueries({ queryKey });
    onEvent?.(event);
  });
  const resync = useEffectEvent(() => {
    for (const route of routes)
      for (const queryKey of route.keys) void queryClient.invalidateQueries({ queryKey });
  });

  useEffect(() => {
    const controller = new AbortController();
    let attempt = 0;
    let opened = false;

    void fetchEventSource('/api/v1/events', {
      signal: controller.signal,
      openWhenHidden: true,
      fetch: async (input, init) => {
        const token = await manager.freshToken();
        if (!token) throw new FatalStreamError('signed out');
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${token}`);
        return globalThis.fetch(input, { ...init, headers });
      },
      async onopen(response) {
        if (response.ok && response.headers.get('content-type')?.startsWith('text/event-stream')) {
          if (opened) resync();
          opened = true;
          attempt = 0;
          return;
        }
        if (response.status === 401) {
          await manager.refresh();
          throw new RetriableStreamError('unauthorized');
        }
        if (response.status === 403) throw new FatalStreamError('forbidden');
        throw new RetriableStreamError(`events answered ${response.status}`);
      },
      onmessage(message) {
        if (!message.data) return;
        try {
          handle(JSON.parse(message.data) as KapokEvent);
        } catch {
          // A malformed notice is skipped; the next one still arrives.
        }
      },
      onclose() {
        // The server ended the stream (restart, expired token): reconnect.
        throw new RetriableStreamError('closed');
      },
      onerror(error) {
        if (error instanceof FatalStreamError || controller.signal.aborted) throw error;
        return backoffDelay(attempt++);
      },
    }).catch(() => undefined);

    return () => controller.abort();
  }, [manager]);
}
