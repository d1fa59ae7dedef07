import { isWholeUnit, QUANTITY_SCALE } from '@kapok/contracts';

/** The number conventions of each language: id-ID writes 1.234,5, en-GB 1,234.5. */
const LOCALES: Record<string, string> = { en: 'en-GB', id: 'id-ID' };
export const numberLocale = (lang: string) => LOCALES[lang] ?? lang;

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(numberLocale(lang), options);
    formats.set(key, format);
  }
  return format;
}

/** A number as people read it: up to the stored 4 decimals, grouped the language's way. */
export const formatNumber = (value: number | string, lang = 'en', maximumFractionDigits = QUANTITY_SCALE) =>
  numberFormat(lang, { maximumFractionDigits }).format(Number(value));

/**
 * The one way a quantity is written: "1.234,5 METER", "12 PCS". Unit codes stay as the factory writes
 * them on labels. A whole unit shows no decimals; a stored fraction of one (old data) is still shown
 * as it is, never rounded away.
 */
export function formatQuantity(value: number | string, uom?: string | null, lang = 'en'): string {
  const number = Number(value);
  const digits = uom && isWholeUnit(uom) && Number.isInteger(number) ? 0 : QUANTITY_SCALE;
  const text = formatNumber(number, lang, digits);
  return uom ? `${text} ${uom}` : text;
}

/** The decimal and grouping characters of a language. */
export function separators(lang: string): { decimal: string; group: string } {
  const parts = numberFormat(lang, {}).formatToParts(12345.6);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

/** A number written for an input in the language (no grouping, so editing it is plain). */
export function numberInputText(value: number, lang: string): string {
  return numberFormat(lang, { maximumFractionDigits: QUANTITY_SCALE, useGrouping: false }).format(value);
}

export interface NumberRules {
  min?: number;
  /** true: the value must be greater than `min` (a quantity of zero is no quantity). */
  minExclusive?: boolean;
  max?: number;
  /** Decimals allowed; whole units allow none. */
  decimals?: number;
  whole?: boolean;
}

/** Why a typed number is refused: an i18n key under `number.` and its values. */
export interface NumberProblem {
  key: 'notANumber' | 'whole' | 'decimals' | 'min' | 'minExclusive' | 'max';
  values: Record<string, string | number>;
}

export type ParsedNumber = { value: number | null; problem: null } | { value: null; problem: NumberProblem };

/**
 * Reads what a person typed, in their language, and says what is wrong with it rather than changing
 * it: "1.5" in Indonesian is refused (its decimal separator is the comma), a fraction of a whole
 * unit is refused, a value out of range is refused. Grouping is accepted only where it belongs
 * ("1.234,5" but not "1.23,5").
 */
export function parseNumber(text: string, lang: string, rules: NumberRules = {}): ParsedNumber {
  const trimmed = text.trim().replace(/\u2212/g, '-');
  if (trimmed === '') return { value: null, problem: null };
  const { decimal, group } = separators(lang);
  const example = numberInputText(1234.5, lang);
  const refuse = (key: NumberProblem['key'], values: NumberProblem['values'] = {}): ParsedNumber => ({
    value: null,
    problem: { key, values },
  });
  const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const d = escape(decimal);
  const g = escape(group === '\u00a0' || group === '\u202f' ? ' ' : group);
  const shape = new RegExp(`^(-?)(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?$`);
  const match = shape.exec(trimmed.replace(/[\u00a0\u202f]/g, ' '));
  if (!match) return refuse('notANumber', { example });
  const [, sign, integer, fraction = ''] = match;
  const value = Number(`${sign}${integer!.replace(new RegExp(g, 'g'), '')}.${fraction || '0'}`);
  if (!Number.isFinite(value)) return refuse('notANumber', { example });
  const fmt = (n: number) => formatNumber(n, lang);
  if (rules.whole && fraction.replace(/0+$/, '') !== '') return refuse('whole');
  const decimals = rules.decimals ?? QUANTITY_SCALE;
  if (!rules.whole && fraction.replace(/0+$/, '').length > decimals)
    return refuse('decimals', { count: decimals });
  if (rules.min !== undefined) {
    if (rules.minExclusive && value <= rules.min) return refuse('minExclusive', { min: fmt(rules.min) });
    if (value < rules.min) return refuse('min', { min: fmt(rules.min) });
  }
  if (rules.max !== undefined && value > rules.max) return refuse('max', { max: fmt(rules.max) });
  return { value, problem: null };
}
