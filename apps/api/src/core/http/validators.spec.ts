import { decimalPlaces } from './validators.js';

describe('decimalPlaces', () => {
  it('counts plain and exponent notation', () => {
    expect(decimalPlaces(12)).toBe(0);
    expect(decimalPlaces(0.1005)).toBe(4);
    expect(decimalPlaces(4e-323)).toBe(323);
    expect(decimalPlaces(1.5e-7)).toBe(8);
    expect(decimalPlaces(1e21)).toBe(0);
  });
});
