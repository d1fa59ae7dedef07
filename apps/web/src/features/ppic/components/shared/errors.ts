import { ApiError } from '@kapok/api-client';
import type { TFunction } from 'i18next';
import { describeError, type ErrorView } from '../../../../lib/errors';

export interface Shortage {
  productCode: string;
  requested: number;
  available: number;
  missing: number;
  uom: string;
}

/** The materials a start could not reserve (409 INSUFFICIENT_STOCK), or none. */
export function shortagesOf(error: unknown): Shortage[] {
  if (!(error instanceof ApiError) || error.code !== 'INSUFFICIENT_STOCK') return [];
  const details = (error.body.details ?? {}) as { shortages?: Shortage[] };
  return Array.isArray(details.shortages) ? details.shortages : [];
}

/**
 * Why the API refused a PPIC command, in the user's language: the state the order is really in, the
 * self-approval rule, a BOM that does not fit the route. Anything else as the app describes errors.
 */
export function describePpicError(error: unknown, t: TFunction, batchNumber = ''): ErrorView {
  const view = describeError(error, t);
  if (!(error instanceof ApiError)) return view;
  const details = (error.body.details ?? {}) as { currentState?: string; departments?: string[] };
  switch (error.code) {
    case 'INVALID_STATE':
      return details.currentState
        ? {
            ...view,
            message: t('ppic.errors.invalidState', {
              number: batchNumber,
              state: t(`ppic.state.${details.currentState}`, { defaultValue: details.currentState }),
            }),
          }
        : view;
    case 'SELF_APPROVAL':
      return { ...view, message: t('ppic.errors.selfApproval') };
    case 'NO_ACTIVE_BOM':
      return { ...view, message: t('ppic.errors.noActiveBom') };
    case 'BOM_ROUTE_MISMATCH':
      return {
        ...view,
        message: t('ppic.errors.routeMismatch', {
          departments: (details.departments ?? []).map((d) => t(`departments.${d}`)).join(', '),
        }),
      };
    case 'INSUFFICIENT_STOCK':
      return { ...view, message: t('ppic.errors.insufficientStock') };
    default:
      return view;
  }
}

/** Worth trying again with the same Idempotency-Key: the answer never arrived, or the server failed. */
export const isRetriable = (error: unknown) =>
  !(error instanceof ApiError) || error.status >= 500 || error.code === 'IDEMPOTENCY_IN_PROGRESS';
