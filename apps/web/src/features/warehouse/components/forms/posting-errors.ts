import { ApiError } from '@kapok/api-client';
import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { describeError, fieldErrors, isApiError } from '../../../../lib/errors';

/** One line of a 409 INSUFFICIENT_STOCK answer. */
export interface Shortage {
  productCode?: string;
  locationCode?: string | null;
  requested: number;
  available: number;
  missing: number;
  uom?: string;
}

export function shortagesOf(error: unknown): Shortage[] | null {
  if (!isApiError(error, 'INSUFFICIENT_STOCK')) return null;
  const shortages = (error.body.details as { shortages?: Shortage[] } | undefined)?.shortages;
  return Array.isArray(shortages) ? shortages : [];
}

/** The warehouse's own wording for its error codes, else the shared one. */
export function postingErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const own = t(`warehouse.errors.${error.code}`, { defaultValue: '' });
    if (own) return own;
  }
  return describeError(error, t).message;
}

/**
 * Puts what the server said about single fields next to them: a 422's field messages, and the unit
 * that cannot be converted. Answers whether anything was placed, so the form shows no banner for it.
 */
export function placeFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  t: TFunction,
): boolean {
  if (isApiError(error, 'UNIT_NOT_CONVERTIBLE') && (fields as readonly string[]).includes('uom')) {
    setError('uom' as Path<T>, { type: 'server', message: postingErrorMessage(error, t) });
    return true;
  }
  let placed = false;
  for (const [field, message] of Object.entries(fieldErrors(error))) {
    if (!(fields as readonly string[]).includes(field)) continue;
    setError(field as Path<T>, { type: 'server', message });
    placed = true;
  }
  return placed;
}

/**
 * Whether the server gave a definite answer it will replay for the same Idempotency-Key. After one,
 * the next submission is a new attempt with a new key; after a network failure or a 5xx the outcome
 * is unknown, so a retry reuses the key and cannot post twice.
 */
export const isDefiniteAnswer = (error: unknown) =>
  error instanceof ApiError && error.status < 500 && error.code !== 'IDEMPOTENCY_IN_PROGRESS';
