import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '@kapok/api-client';
import { fieldErrors } from '../../../lib/errors';

/** Puts a 422's field messages on the matching inputs; answers whether any field matched. */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): boolean {
  let matched = false;
  for (const [field, message] of Object.entries(fieldErrors(error))) {
    if (!(fields as readonly string[]).includes(field)) continue;
    setError(field as Path<T>, { type: 'server', message });
    matched = true;
  }
  return matched;
}

/**
 * The error to show above the form: none when the form already shows it inline (a 422 naming its
 * fields, or one of `inlineCodes`).
 */
export function bannerError(
  error: unknown,
  fields: readonly string[],
  inlineCodes: readonly string[] = [],
): unknown {
  if (!error) return null;
  if (error instanceof ApiError && inlineCodes.includes(error.code)) return null;
  if (Object.keys(fieldErrors(error)).some((f) => fields.includes(f))) return null;
  return error;
}
