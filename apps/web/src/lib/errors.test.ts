import { ApiError } from '@kapok/api-client';
import { ERROR_CODES } from '@kapok/contracts';
import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { describeError, isApiError } from './errors';
import { setLanguage } from './i18n';
import { en } from './locales/en';
import { id } from './locales/id';

const apiError = (code: string, message: string, details?: unknown) =>
  new ApiError(409, { statusCode: 409, code: code as never, message, details, requestId: 'req-1' });

describe('error texts', () => {
  afterEach(() => setLanguage('en', false));

  it('has a text for every code of the catalogue in both languages', () => {
    const missing = ERROR_CODES.flatMap((code) =>
      [
        ['en', (en.errors.codes as Record<string, string>)[code]],
        ['id', (id.errors.codes as Record<string, string>)[code]],
      ]
        .filter(([, text]) => !text?.trim())
        .map(([language]) => `${language}: ${code}`),
    );
    expect(missing).toEqual([]);
    expect(Object.keys(en.errors.codes).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('keeps the specific server message in English and translates the code in Indonesian', async () => {
    const error = apiError('INSUFFICIENT_STOCK', 'Not enough stock: FAB-01 is short by 3 m');
    expect(describeError(error, i18n.t)).toEqual({
      message: 'Not enough stock: FAB-01 is short by 3 m',
      code: 'INSUFFICIENT_STOCK',
      requestId: 'req-1',
    });
    await setLanguage('id', false);
    expect(describeError(error, i18n.t).message).toBe(id.errors.codes.INSUFFICIENT_STOCK);
  });

  it('shows the web text for codes whose text says all, with its values', () => {
    const error = apiError('TOO_MANY_ATTEMPTS', 'Too many attempts', { retryAfterSeconds: 300 });
    expect(describeError(error, i18n.t).message).toBe(
      'Too many failed sign-in attempts. Wait 5 minutes and try again.',
    );
  });

  it('passes a code outside the catalogue through as no code, with the server message', () => {
    const view = describeError(apiError('HTTP_ERROR', 'Bad Gateway'), i18n.t);
    expect(view).toMatchObject({ message: 'Bad Gateway', code: null });
    expect(isApiError(apiError('NO_SUPPLIER', 'x'), 'NO_SUPPLIER')).toBe(true);
    expect(isApiError(apiError('NO_SUPPLIER', 'x'), 'OVER_RECEIPT')).toBe(false);
  });
});
