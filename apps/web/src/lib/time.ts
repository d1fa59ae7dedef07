/** The factory's clock: every time on screen is Asia/Jakarta (WIB, UTC+7, no daylight saving). */
export const FACTORY_TIME_ZONE = 'Asia/Jakarta';
export const FACTORY_TIME_LABEL = 'WIB';

const locales: Record<string, string> = { en: 'en-GB', id: 'id-ID' };
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locales[lang] ?? lang, { ...options, timeZone: FACTORY_TIME_ZONE });
    cache.set(key, f);
  }
  return f;
}

const toDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));

/** "26 Nov 2025, 14:05 WIB" (en) or "26 Nov 2025, 14.05 WIB" (id). */
export function formatDateTime(value: string | number | Date, lang = 'en'): string {
  const f = formatter(lang, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${f.format(toDate(value))} ${FACTORY_TIME_LABEL}`;
}

/** "26 Dec 2025" (en) or "26 Des 2025" (id): a factory day (YYYY-MM-DD) as the reader writes it. */
export function formatFactoryDay(day: string, lang = 'en'): string {
  // A day alone is read as UTC midnight: 07:00 in Jakarta, the same day.
  return formatter(lang, { day: 'numeric', month: 'short', year: 'numeric' }).format(toDate(day));
}

/** "Wednesday, 26 November 2025" in the factory's time zone. */
export function formatLongDate(value: string | number | Date, lang = 'en'): string {
  return formatter(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    toDate(value),
  );
}

/** The hour of the day (0–23) in the factory's time zone. */
export function factoryHour(value: string | number | Date = new Date()): number {
  return Number(formatter('en', { hour: '2-digit', hourCycle: 'h23' }).format(toDate(value)));
}

/** The instant a factory day (YYYY-MM-DD) begins, as a UTC ISO string. */
export function factoryDayStart(day: string): string {
  return new Date(`${day}T00:00:00+07:00`).toISOString();
}

/** The instant the factory day after `day` begins: an exclusive upper bound for "up to and including day". */
export function factoryDayEnd(day: string): string {
  return new Date(new Date(`${day}T00:00:00+07:00`).getTime() + 86_400_000).toISOString();
}
