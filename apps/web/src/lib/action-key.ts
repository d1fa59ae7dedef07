import { newIdempotencyKey } from '@kapok/api-client';
import { useCallback, useRef } from 'react';

/**
 * One Idempotency-Key per user action: asking again for the same request (a retry after a lost answer)
 * gives the same key, so the server applies it once; a changed request gets a new key.
 */
export function useActionKey(): { keyFor: (request: unknown) => string; forget: () => void } {
  const attempt = useRef<{ request: string; key: string } | null>(null);
  const keyFor = useCallback((request: unknown) => {
    const json = JSON.stringify(request);
    if (attempt.current?.request !== json) attempt.current = { request: json, key: newIdempotencyKey() };
    return attempt.current.key;
  }, []);
  const forget = useCallback(() => {
    attempt.current = null;
  }, []);
  return { keyFor, forget };
}
