import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDate, ValidateBy, type ValidationOptions } from 'class-validator';

/** Decimal places of a JS number, exponent notation included (1e-7 has 7). */
export function decimalPlaces(value: number): number {
  if (Number.isInteger(value)) return 0;
  const [mantissa, exponent] = value.toString().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/**
 * A finite number with at most `max` decimal places. class-validator's own `maxDecimalPlaces` throws
 * on numbers printed in exponent notation (4e-323), which would be a 500 instead of a 422.
 */
export const MaxDecimals = (max: number, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'maxDecimals',
      constraints: [max],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= max,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a number with at most ${max} decimal places`,
      },
    },
    options,
  );

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;
const DATE_MESSAGE = `must be a real date between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31 (ISO 8601)`;

/**
 * An ISO 8601 date or date-time naming a day that exists (2026-02-30 does not) in 1900–2100, as a
 * Date; anything else is undefined. `new Date()` alone rolls impossible days over and takes years
 * PostgreSQL cannot store.
 */
export function parseBoundedDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59))
    return undefined;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A date-time field read as a Date (see parseBoundedDate); anything else stays as sent and is a 422. */
export const BoundedDate = (options?: ValidationOptions) =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => parseBoundedDate(value) ?? value),
    IsDate({ ...options, message: (args) => `${args.property} ${DATE_MESSAGE}` }),
  );

/** A field kept as a `YYYY-MM-DD` string that must name a real day in 1900–2100. */
export const DateInRange = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'dateInRange',
      validator: {
        validate: (value: unknown) => parseBoundedDate(value) !== undefined,
        defaultMessage: (args) => `${args?.property ?? 'value'} ${DATE_MESSAGE}`,
      },
    },
    options,
  );

/**
 * A whole number in a query string: only plain digits are read as a number (`1e20`, `0x10`, ` 5`
 * stay text and are refused by @IsInt), and at most 15 of them, so the value is exact.
 */
export const QueryInteger = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value,
  );
