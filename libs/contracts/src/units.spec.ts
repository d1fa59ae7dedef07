import { describe, expect, it } from 'vitest';
import { wholeUnitsToUse } from './units.js';
import { isWholeUnit, WHOLE_UNITS } from './whole-units.js';

describe('whole units', () => {
  it('knows which units are counted whole', () => {
    for (const uom of ['PCS', 'CARTON', 'PALLET', 'SET', 'PACK', 'SHEET', 'CONE', 'ROLL'])
      expect(isWholeUnit(uom)).toBe(true);
    for (const uom of ['METER', 'YARD', 'CM', 'KG', 'GRAM', '', null, undefined])
      expect(isWholeUnit(uom)).toBe(false);
    expect(WHOLE_UNITS).toHaveLength(8);
  });

  it('rounds a whole-unit requirement up once, and leaves other units as computed', () => {
    expect(wholeUnitsToUse(8.6485, 'CARTON')).toBe(9);
    expect(wholeUnitsToUse(0.9375, 'PALLET')).toBe(1);
    expect(wholeUnitsToUse(12, 'PCS')).toBe(12);
    // Float noise from the explosion must not open one more carton.
    expect(wholeUnitsToUse(0.1 * 30, 'CARTON')).toBe(3);
    expect(wholeUnitsToUse(9.14405, 'METER')).toBe(9.1441);
  });
});
