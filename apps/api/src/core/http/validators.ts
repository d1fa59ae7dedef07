import { ValidateBy, type ValidationOptions } from 'class-validator';

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
