import { ApiError } from '@kapok/api-client';
import { type ErrorCode, isErrorCode } from '@kapok/contracts';
import type { TFunction } from 'i18next';
import { currentLanguage } from './i18n';

export interface ErrorView {
  message: string;
  code: ErrorCode | null;
  requestId: string | null;
}

interface FieldError {
  field: string;
  messages: string[];
}

const isFieldErrors = (details: unknown): details is FieldError[] =>
  Array.isArray(details) &&
  details.every((d) => d && typeof d === 'object' && 'field' in d && 'messages' in d);

/** Codes whose text in the web says all there is: it replaces the server's message in every language. */
const WEB_TEXT_FIRST = new Set<ErrorCode>([
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'USERNAME_TAKEN',
  'STALE_VERSION',
  'ROLE_PROTECTED',
  'FORBIDDEN',
  'WRONG_PASSWORD',
  'LAST_SUPERADMIN',
  'SELF_APPROVAL',
]);

/**
 * A user-facing message for any error, and the request id support can look up. Every code has a text in
 * each language; in English the server's own message is kept when it is more specific (it names the
 * product, the quantity, the state), other languages show the translated text of the code. A feature's
 * own `<scope>.errors.<code>` comes first, where one code means something else there (SELF_APPROVAL
 * of a purchase order, not of a kanban card).
 */
export function describeError(error: unknown, t: TFunction, scope?: string): ErrorView {
  if (error instanceof ApiError) {
    const code = isErrorCode(error.code) ? error.code : null;
    const details = (error.body.details ?? {}) as { retryAfterSeconds?: number };
    const minutes = Math.max(1, Math.ceil((details.retryAfterSeconds ?? 900) / 60));
    const scoped = scope ? t(`${scope}.errors.${error.code}`, { minutes, defaultValue: '' }) : '';
    const translated = code ? t(`errors.codes.${code}`, { minutes, defaultValue: '' }) : '';
    const serverFirst = !code || (currentLanguage() === 'en' && !WEB_TEXT_FIRST.has(code));
    return {
      message: scoped || (serverFirst && error.message) || translated || error.message || t('errors.unknown'),
      code,
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

export const isApiError = (error: unknown, code: ErrorCode): error is ApiError =>
  error instanceof ApiError && error.code === code;
