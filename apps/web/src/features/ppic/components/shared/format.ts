import { FACTORY_TIME_ZONE } from '../../../../lib/time';

const LOCALES: Record<string, string> = { en: 'en-GB', id: 'id-ID' };
const numberFormats = new Map<string, Intl.NumberFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang] ?? lang, options);
    numberFormats.set(key, format);
  }
  return format;
}

// One quantity formatter for the whole app.
export { formatNumber, formatQuantity } from '../../../../lib/quantity';

/** A fraction 0..1 as a percentage: "99.0%" / "99,0%". */
export const formatFraction = (value: number, lang = 'en', digits = 1) =>
  numberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);

/** A signed percentage from a fraction: "+5.0%", "−12.5%", "0.0%". */
export const formatSignedFraction = (value: number, lang = 'en') =>
  numberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(value);

/** Hours with one decimal at most; the unit word comes from i18n. */
export const formatHours = (hours: number, lang = 'en') =>
  numberFormat(lang, { maximumFractionDigits: 1 }).format(hours);

/** "15 Dec 2026" for a factory day (YYYY-MM-DD). */
export function formatDay(day: string, lang = 'en'): string {
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
  return format.format(new Date(`${day}T12:00:00+07:00`));
}

/** "15 Dec" for chart axes. */
export function formatShortDay(day: string, lang = 'en'): string {
  return new Intl.DateTimeFormat(LOCALES[lang] ?? lang, {
    day: 'numeric',
    month: 'short',
    timeZone: FACTORY_TIME_ZONE,
  }).format(new Date(`${day}T12:00:00+07:00`));
}

/** Today in the factory (YYYY-MM-DD, WIB). */
export const factoryToday = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: FACTORY_TIME_ZONE }).format(now);

/** The factory day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The ISO week of a day as the factory writes production weeks: "05-2026". */
export function productionWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = d.getUTCDay() || 7;
  // The Thursday of this week decides the ISO year.
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${String(week).padStart(2, '0')}-${d.getUTCFullYear()}`;
}

/** The Monday of a production week ("05-2026" → "2026-01-26"). */
export function weekMonday(week: string): string {
  const [ww, yyyy] = week.split('-').map(Number) as [number, number];
  const jan4 = new Date(Date.UTC(yyyy, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (ww - 1) * 7);
  return monday.toISOString().slice(0, 10);
}
