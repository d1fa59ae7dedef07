import { newIdempotencyKey } from '@kapok/api-client';
import type { WorkOrderState } from '@kapok/contracts';
import { useCallback, useRef } from 'react';

/** The departments that run work orders, in route order (one list, in contracts). */
export { isLineDepartment, LINE_DEPARTMENTS, type LineDepartment } from '@kapok/contracts';

export const WORK_ORDER_COLORS: Record<WorkOrderState, string> = {
  PENDING: 'gray',
  READY: 'blue',
  IN_PROGRESS: 'orange',
  DONE: 'green',
  CANCELLED: 'red',
};

/** Work orders count pieces: the line records whole pieces of its output. */
export const PIECES = 'PCS';

/**
 * One Idempotency-Key per user action: the same request asked again (a retry after a lost answer) gets
 * the same key, so the server applies it once; a changed request gets a new key.
 */
export function useActionKey(): (request: unknown) => string {
  const attempt = useRef<{ request: string; key: string } | null>(null);
  return useCallback((request: unknown) => {
    const json = JSON.stringify(request);
    if (attempt.current?.request !== json) attempt.current = { request: json, key: newIdempotencyKey() };
    return attempt.current.key;
  }, []);
}
