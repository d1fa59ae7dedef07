import { isWholeUnit, type Unit } from '@kapok/contracts';
import { Decimal } from 'decimal.js';

const SCALE = 4;

/**
 * What one output consumes of a material, so that nothing is ever a fraction of a whole unit and the
 * outputs add up to exactly the order's requirement. Consumption is cumulative: after `share` of the
 * work (processed ÷ target, or actual ÷ planned on completion) the material has been consumed up to
 * `share × required` — rounded UP to a whole number for whole units (the carton is opened by the
 * output that first needs it), to the stored 4 decimals for others — and this output takes the
 * difference to what was consumed before. At share 1 the total is the requirement itself (whole for
 * whole units since the explosion rounds them up per order), whatever the number of outputs.
 */
export function consumptionStep(
  required: Decimal.Value,
  share: Decimal.Value,
  consumed: Decimal.Value,
  uom: Unit | string,
): Decimal {
  const due = new Decimal(required).times(share).toDecimalPlaces(SCALE, Decimal.ROUND_HALF_UP);
  const upTo = isWholeUnit(uom) ? due.toDecimalPlaces(0, Decimal.ROUND_CEIL) : due;
  const step = upTo.minus(consumed);
  if (step.lte(0)) return new Decimal(0);
  // An order frozen before whole units were rounded may have consumed a fraction: never add another.
  return isWholeUnit(uom) ? step.toDecimalPlaces(0, Decimal.ROUND_CEIL) : step;
}
