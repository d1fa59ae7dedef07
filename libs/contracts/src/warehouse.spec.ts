import { describe, expect, it } from 'vitest';
import { alertLevel, defaultCriticalQty, isWorse } from './alerts.js';
import { convertibleUnits, toStockUnits, unitFactor } from './units.js';

describe('unit conversion', () => {
  it('converts yards to metres and back with fixed factors', () => {
    expect(toStockUnits(10, 'YARD', 'METER')).toBe('9.1440');
    expect(toStockUnits('9.144', 'METER', 'YARD')).toBe('10.0000');
    expect(toStockUnits(250, 'GRAM', 'KG')).toBe('0.2500');
    expect(toStockUnits(150, 'CM', 'METER')).toBe('1.5000');
  });

  it('converts cartons to pieces with the product factor and refuses unknown pairs', () => {
    expect(toStockUnits(3, 'CARTON', 'PCS', [{ uom: 'CARTON', factor: 60 }])).toBe('180.0000');
    expect(toStockUnits(3, 'CARTON', 'PCS')).toBeNull();
    expect(unitFactor('KG', 'METER')).toBeNull();
    expect(convertibleUnits('METER', [{ uom: 'CONE', factor: 5000 }]).sort()).toEqual([
      'CM',
      'CONE',
      'METER',
      'YARD',
    ]);
  });

  it('rounds once to 4 decimals without float drift', () => {
    expect(toStockUnits('0.1005', 'YARD', 'METER')).toBe('0.0919');
    expect(toStockUnits('0.1', 'YARD', 'METER')).toBe('0.0914');
  });
});

describe('alert level', () => {
  it('follows OUT ≤ 0 < CRITICAL ≤ critical < LOW ≤ min < OK', () => {
    expect(alertLevel(0, 100)).toBe('OUT');
    expect(alertLevel(-1, 100)).toBe('OUT');
    expect(alertLevel(15, 100)).toBe('CRITICAL');
    expect(alertLevel('15.0001', 100)).toBe('LOW');
    expect(alertLevel(100, 100)).toBe('LOW');
    expect(alertLevel('100.0001', 100)).toBe('OK');
    expect(alertLevel(30, 100, 40)).toBe('CRITICAL');
    expect(defaultCriticalQty(100)).toBe('15.0000');
  });

  it('orders severities', () => {
    expect(isWorse('OUT', 'CRITICAL')).toBe(true);
    expect(isWorse('LOW', 'CRITICAL')).toBe(false);
  });
});
