const numberLocales: Record<string, string> = { en: 'en-GB', id: 'id-ID' };
const cache = new Map<string, Intl.NumberFormat>();

/** A quantity as people read it: up to 4 decimals (the stored scale), grouped, in the user's language. */
export function formatQuantity(value: number, lang = 'en', maximumFractionDigits = 4): string {
  const key = `${lang}:${maximumFractionDigits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(numberLocales[lang] ?? lang, { maximumFractionDigits });
    cache.set(key, f);
  }
  return f.format(value);
}
