import { ApiError } from '@kapok/api-client';
import type { TFunction } from 'i18next';
import { describeError, type ErrorView } from '../../../lib/errors';
import { formatNumber } from '../../../lib/quantity';

interface Shortage {
  productCode?: string;
  missing: number;
  uom?: string;
  locationCode?: string | null;
}

const RULES = ['receive', 'ship', 'cancel'];

/**
 * Why the API refused a kanban command, in the user's language: the state the card is really in, the stock
 * that is missing, or the row rule that applies. Anything else as the app describes errors everywhere.
 */
export function describeKanbanError(error: unknown, t: TFunction, lang: string, number = ''): ErrorView {
  const view = describeError(error, t);
  if (!(error instanceof ApiError)) return view;
  const details = (error.body.details ?? {}) as {
    currentState?: string;
    shortages?: Shortage[];
    rule?: string;
  };
  if (error.code === 'INVALID_STATE' && details.currentState)
    return {
      ...view,
      message: t('kanban.errors.invalidState', {
        number,
        status: t(`kanban.status.${details.currentState}`),
      }),
    };
  if (error.code === 'INSUFFICIENT_STOCK' && details.shortages?.length) {
    const s = details.shortages[0]!;
    return {
      ...view,
      message: t('kanban.errors.insufficientStock', {
        code: s.productCode ?? '',
        missing: formatNumber(s.missing, lang),
        uom: s.uom ?? '',
        location: s.locationCode ?? t('kanban.errors.anyRack'),
      }),
    };
  }
  if (error.status === 403 && details.rule && RULES.includes(details.rule))
    return { ...view, message: t(`kanban.errors.rule.${details.rule}`) };
  if (error.code === 'NO_DEPARTMENT') return { ...view, message: t('kanban.errors.noDepartment') };
  return view;
}

/** Worth trying again with the same Idempotency-Key: the answer never arrived, or the server failed. */
export const isRetriable = (error: unknown) =>
  !(error instanceof ApiError) || error.status >= 500 || error.code === 'IDEMPOTENCY_IN_PROGRESS';
