import { describe, expect, it } from 'vitest';
import { exFactoryDate, factoryToday, isIsoWeek, isoWeekMonday, isoWeekOf, isoWeeksInYear } from './sales.js';
import { receivableQuantity } from './purchasing.js';

describe('ISO weeks', () => {
  it('knows the long years (53 weeks) and refuses weeks that do not exist', () => {
    expect(isoWeeksInYear(2026)).toBe(53); // starts on a Thursday
    expect(isoWeeksInYear(2027)).toBe(52);
    expect(isoWeeksInYear(2020)).toBe(53); // leap year starting on a Wednesday
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2027-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-W1')).toBe(false);
    expect(isIsoWeek('2026W01')).toBe(false);
  });

  it('finds the Monday of a week across a year boundary, and the week of a date', () => {
    expect(isoWeekMonday('2026-W01')).toBe('2025-12-29');
    expect(isoWeekMonday('2026-W22')).toBe('2026-05-25');
    expect(isoWeekMonday('2027-W01')).toBe('2027-01-04');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
    expect(isoWeekOf('2026-12-04')).toBe('2026-W49');
    expect(() => isoWeekMonday('2027-W53')).toThrow(RangeError);
  });

  it('takes today in Asia/Jakarta (UTC+7): late evening UTC is already tomorrow', () => {
    expect(factoryToday(new Date('2026-12-04T16:59:59Z'))).toBe('2026-12-04');
    expect(factoryToday(new Date('2026-12-04T17:00:00Z'))).toBe('2026-12-05');
  });
});

describe('ex-factory date', () => {
  it('is the Monday of the delivery week minus the transit days', () => {
    expect(exFactoryDate('2026-W22', 0)).toBe('2026-05-25');
    expect(exFactoryDate('2026-W22', 28)).toBe('2026-04-27');
    // across the year boundary and a leap day
    expect(exFactoryDate('2027-W02', 10)).toBe('2027-01-01');
    expect(exFactoryDate('2028-W10', 7)).toBe('2028-02-28');
  });

  it('refuses a negative or fractional transit time and a week that does not exist', () => {
    expect(() => exFactoryDate('2026-W22', -1)).toThrow(RangeError);
    expect(() => exFactoryDate('2026-W22', 1.5)).toThrow(RangeError);
    expect(() => exFactoryDate('2027-W53', 0)).toThrow(RangeError);
  });
});

describe('receivable quantity', () => {
  it('is the open quantity plus 5 %, never below zero', () => {
    expect(receivableQuantity(100, 0).toString()).toBe('105');
    expect(receivableQuantity('100', '40').toString()).toBe('63');
    expect(receivableQuantity(100, 104).toString()).toBe('0');
  });
});
