import { describe, expect, it } from 'vitest';
import {
  factoryDayEnd,
  factoryDayStart,
  factoryHour,
  formatDateTime,
  formatFactoryDay,
  formatLongDate,
} from './time';

describe('factory time (Asia/Jakarta)', () => {
  it("shows a factory day in the reader's language, never as an ISO date", () => {
    expect(formatFactoryDay('2025-12-26', 'en')).toBe('26 Dec 2025');
    expect(formatFactoryDay('2025-12-26', 'id')).toBe('26 Des 2025');
    expect(formatFactoryDay('2026-01-01', 'id')).toBe('1 Jan 2026');
  });

  it('shows UTC instants in WIB, seven hours ahead', () => {
    expect(formatDateTime('2025-11-26T07:05:00Z', 'en')).toBe('26 Nov 2025, 14:05 WIB');
  });

  it('moves to the next day after 17:00 UTC', () => {
    expect(formatDateTime('2025-12-31T17:30:00Z', 'en')).toBe('1 Jan 2026, 00:30 WIB');
  });

  it('formats in Indonesian', () => {
    expect(formatDateTime('2025-08-17T03:00:00Z', 'id')).toMatch(/^17 Agu 2025,? 10[.:]00 WIB$/);
    expect(formatLongDate('2025-08-17T03:00:00Z', 'id')).toBe('Minggu, 17 Agustus 2025');
  });

  it('knows the factory hour', () => {
    expect(factoryHour('2025-11-26T23:00:00Z')).toBe(6);
  });

  it('turns a factory day into UTC bounds', () => {
    expect(factoryDayStart('2025-11-26')).toBe('2025-11-25T17:00:00.000Z');
    expect(factoryDayEnd('2025-11-26')).toBe('2025-11-26T17:00:00.000Z');
  });
});
