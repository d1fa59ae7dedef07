import { describe, expect, it } from 'vitest';
import { addDays, formatSignedFraction, productionWeek, weekMonday } from './format';

describe('production weeks', () => {
  it('numbers weeks the ISO way, the year decided by the Thursday', () => {
    expect(productionWeek('2026-11-26')).toBe('48-2026');
    expect(productionWeek('2027-01-01')).toBe('53-2026');
    expect(productionWeek('2026-01-01')).toBe('01-2026');
    expect(weekMonday('48-2026')).toBe('2026-11-23');
    expect(weekMonday('01-2026')).toBe('2025-12-29');
  });

  it('counts days across month ends', () => {
    expect(addDays('2026-11-26', 7)).toBe('2026-12-03');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('signs a variance', () => {
    expect(formatSignedFraction(0.125)).toBe('+12.5%');
    expect(formatSignedFraction(-0.05)).toBe('-5.0%');
    expect(formatSignedFraction(0)).toBe('0.0%');
  });
});
