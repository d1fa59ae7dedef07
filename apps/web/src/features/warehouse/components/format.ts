import type { AlertLevel } from '@kapok/contracts';
import { FACTORY_TIME_ZONE } from '../../../lib/time';

// One quantity formatter for the whole app.
export { formatNumber, formatQuantity } from '../../../lib/quantity';

const LOCALES: Record<string, string> = { en: 'en-GB', id: 'id-ID' };

export const ALERT_LEVEL_COLORS: Record<AlertLevel, string> = {
  OK: 'green',
  LOW: 'yellow',
  CRITICAL: 'orange',
  OUT: 'red',
};

export const productLabel = (p: { code: string; name: string }) => `${p.code} — ${p.name}`;

export const productPath = (productId: string) => `/warehouse/products/${productId}`;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "29 Sep 2026": the factory day (WIB) of an instant. */
export function formatDay(value: string, lang = 'en'): string {
  let format = dayFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang] ?? lang, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: FACTORY_TIME_ZONE,
    });
    dayFormats.set(lang, format);
  }
  return format.format(new Date(value));
}

/** Today in the factory (YYYY-MM-DD, WIB), for date inputs. */
export const factoryToday = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: FACTORY_TIME_ZONE }).format(now);
