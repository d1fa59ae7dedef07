import { Decimal } from 'decimal.js';
import type { Unit } from './enums.js';
import { isWholeUnit, QUANTITY_SCALE } from './whole-units.js';

/** Factors that hold for every product: 1 `from` = factor `to`. */
const FIXED: Array<[Unit, Unit, string]> = [
  ['YARD', 'METER', '0.9144'],
  ['CM', 'METER', '0.01'],
  ['YARD', 'CM', '91.44'],
  ['GRAM', 'KG', '0.001'],
];

/** A per-product factor: 1 `uom` = `factor` units of the product's stock unit (e.g. CARTON = 60 PCS). */
export interface UnitConversion {
  uom: Unit;
  factor: number | string;
}

/** The factor between two units that holds for every product, or null. */
export function fixedFactor(from: Unit, to: Unit): Decimal | null {
  if (from === to) return new Decimal(1);
  for (const [a, b, f] of FIXED) {
    if (a === from && b === to) return new Decimal(f);
    if (b === from && a === to) return new Decimal(1).div(f);
  }
  return null;
}

/** How many stock units one `from` is, or null when the units are not convertible for this product. */
export function unitFactor(
  from: Unit,
  stockUnit: Unit,
  conversions: readonly UnitConversion[] = [],
): Decimal | null {
  const fixed = fixedFactor(from, stockUnit);
  if (fixed) return fixed;
  const own = conversions.find((c) => c.uom === from);
  return own ? new Decimal(own.factor) : null;
}

/** Converts a quantity entered in `from` into the product's stock unit, rounded once to 4 decimals. */
export function toStockUnits(
  quantity: number | string,
  from: Unit,
  stockUnit: Unit,
  conversions: readonly UnitConversion[] = [],
): string | null {
  const factor = unitFactor(from, stockUnit, conversions);
  if (!factor) return null;
  return new Decimal(quantity)
    .times(factor)
    .toDecimalPlaces(QUANTITY_SCALE, Decimal.ROUND_HALF_UP)
    .toFixed(QUANTITY_SCALE);
}

/** Units a quantity of this product may be entered in. */
export function convertibleUnits(stockUnit: Unit, conversions: readonly UnitConversion[] = []): Unit[] {
  const units = new Set<Unit>([stockUnit]);
  for (const [a, b] of FIXED) {
    if (a === stockUnit) units.add(b);
    if (b === stockUnit) units.add(a);
  }
  for (const c of conversions) units.add(c.uom);
  return [...units];
}

/**
 * What will actually be used of a requirement: whole units are rounded up once per order (8.65
 * cartons means 9 cartons are opened), other units stay as computed (to the stored 4 decimals).
 */
export function wholeUnitsToUse(quantity: number | string, uom: string): number {
  // The stored scale first, so float noise (3.0000000000000004) does not open one more carton.
  const value = new Decimal(quantity).toDecimalPlaces(QUANTITY_SCALE, Decimal.ROUND_HALF_UP);
  return (isWholeUnit(uom) ? value.toDecimalPlaces(0, Decimal.ROUND_CEIL) : value).toNumber();
}
