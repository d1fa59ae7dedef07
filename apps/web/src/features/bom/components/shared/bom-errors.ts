import { ApiError } from '@kapok/api-client';
import type { TFunction } from 'i18next';
import { describeError } from '../../../../lib/errors';

/** A BOM error in the user's language: the module's own codes first, then the app's. */
export function describeBomError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const own = t(`bom.errors.${error.code}`, { defaultValue: '' });
    if (own) return own;
  }
  return describeError(error, t).message;
}
