import { newIdempotencyKey } from '@kapok/api-client';
import type { WorkOrderState } from '@kapok/contracts';
import { useCallback, useRef } from 'react';

/** The departments that run work orders, in route order. */
export const LINE_DEPARTMENTS = [
  'CUTTING',
  'EMBROIDERY',
  'SUBCON',
  'SEWING',
  'FINISHING',
  'PACKING',
] as const;
export type LineDepartment = (typeof LINE_DEPARTMENTS)[number];
export const isLineDepartment = (d: string | null | undefined): d is LineDepartment =>
  LINE_DEPARTMENTS.includes(d as LineDepartment);

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
