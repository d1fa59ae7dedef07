import { ApiError } from '@kapok/api-client';
import type { TFunction } from 'i18next';

export interface ErrorView {
  message: string;
  code: string | null;
  requestId: string | null;
}

interface FieldError {
  field: string;
  messages: string[];
}

const isFieldErrors = (details: unknown): details is FieldError[] =>
  Array.isArray(details) &&
  details.every((d) => d && typeof d === 'object' && 'field' in d && 'messages' in d);

/**
 * A user-facing message for any error: a translated text for the codes the web knows, otherwise the
 * server's own message (it is written for people), and the request id support can look up.
 */
export function describeError(error: unknown, t: TFunction): ErrorView {
  if (error instanceof ApiError) {
    const key = `errors.codes.${error.code}`;
    const details = (error.body.details ?? {}) as { retryAfterSeconds?: number };
    const minutes = Math.max(1, Math.ceil((details.retryAfterSeconds ?? 900) / 60));
    const known = t(key, { minutes, defaultValue: '' });
    return {
      message: known || error.message || t('errors.unknown'),
      code: error.code,
      requestId: error.body.requestId || null,
    };
  }
  if (error instanceof TypeError) return { message: t('errors.network'), code: null, requestId: null };
  return {
    message: error instanceof Error && error.message ? error.message : t('errors.unknown'),
    code: null,
    requestId: null,
  };
}

/** The 422 `details` as field → first message, for inline form errors. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 422 || !isFieldErrors(error.body.details)) return {};
  return Object.fromEntries(error.body.details.map((d) => [d.field, d.messages.join('; ')]));
}

export const isApiError = (error: unknown, code: string): error is ApiError =>
  error instanceof ApiError && error.code === code;
