import { FACTORY_TIME_LABEL, FACTORY_TIME_ZONE } from '../../../lib/time';

const LOCALES: Record<string, string> = { en: 'en-GB', id: 'id-ID' };
const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${lang}:${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang] ?? lang, { ...options, timeZone: FACTORY_TIME_ZONE });
    cache.set(key, f);
  }
  return f;
}

/** YYYY-MM-DD of the factory day (Asia/Jakarta) an instant falls on. */
export const factoryDay = (value: string | number | Date) =>
  dateFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(value));

/** "14:05" (en) or "14.05" (id), factory time. */
export const factoryTime = (value: string | number | Date, lang: string) =>
  dateFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(value));

/** "28 Nov" in factory time. */
export const factoryShortDate = (value: string | number | Date, lang: string) =>
  dateFormat(lang, { day: 'numeric', month: 'short' }).format(new Date(value));

/** Which factory day `value` is, seen from `now`: for "today 14:00" rather than a full date. */
export function relativeDay(
  value: string | number | Date,
  now: number,
): 'today' | 'tomorrow' | 'yesterday' | null {
  const day = factoryDay(value);
  if (day === factoryDay(now)) return 'today';
  if (day === factoryDay(now + 86_400_000)) return 'tomorrow';
  if (day === factoryDay(now - 86_400_000)) return 'yesterday';
  return null;
}

/** The value of a datetime-local input ("2025-11-26T14:00"), read as factory time, as a UTC instant. */
export const fromFactoryLocal = (value: string) => new Date(`${value}:00+07:00`).toISOString();

/** An instant as a datetime-local value in factory time. */
export function toFactoryLocal(value: string | number | Date): string {
  return `${factoryDay(value)}T${dateFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(value))}`;
}

export { FACTORY_TIME_LABEL };
