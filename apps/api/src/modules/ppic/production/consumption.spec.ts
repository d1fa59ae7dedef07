import { Decimal } from 'decimal.js';
import { consumptionStep } from './consumption.js';

/** Splits `target` pieces into random outputs and consumes along them, as the work order does. */
function consumeAlong(required: string, target: number, uom: string, seed: number): Decimal[] {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const steps: Decimal[] = [];
  let done = 0;
  let consumed = new Decimal(0);
  while (done < target) {
    done = Math.min(target, done + 1 + Math.floor(random() * Math.max(1, target / 3)));
    const step = consumptionStep(required, new Decimal(done).div(target), consumed, uom);
    steps.push(step);
    consumed = consumed.plus(step);
  }
  return steps;
}

describe('consumptionStep', () => {
  it('never consumes a fraction of a whole unit and adds up to exactly the requirement', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const target = 1 + (seed % 97) * 13;
      const required = String(1 + ((seed * 7919) % 500));
      const steps = consumeAlong(required, target, 'PCS', seed);
      expect(steps.every((s) => s.isInteger() && s.gte(0))).toBe(true);
      expect(steps.reduce((a, b) => a.plus(b), new Decimal(0)).toString()).toBe(required);
    }
  });

  it('keeps other units to 4 decimals, totals exact despite thirds', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const target = 3 + (seed % 50);
      const required = new Decimal(seed).times('1.2345').toFixed(4);
      const steps = consumeAlong(required, target, 'METER', seed);
      expect(steps.every((s) => s.decimalPlaces() <= 4 && s.gte(0))).toBe(true);
      expect(steps.reduce((a, b) => a.plus(b), new Decimal(0)).eq(required)).toBe(true);
    }
  });

  it('opens the carton with the first output that needs it, and never consumes beyond what is due', () => {
    // 4 cones for 10 pieces: after 1 piece 0.4 is due → 1 cone; after 2 pieces still 1.
    expect(consumptionStep(4, 0.1, 0, 'CONE').toNumber()).toBe(1);
    expect(consumptionStep(4, 0.2, 1, 'CONE').toNumber()).toBe(0);
    expect(consumptionStep(4, 0.3, 1, 'CONE').toNumber()).toBe(1);
    // Completing at less than planned after the work orders consumed more: nothing more, nothing back.
    expect(consumptionStep(4, 0.5, 4, 'PCS').toNumber()).toBe(0);
    // An order frozen with a fractional requirement still consumes whole pieces.
    expect(consumptionStep('143.0583', 1, 0, 'PCS').toNumber()).toBe(144);
    expect(consumptionStep('143.0583', 1, '100.0583', 'PCS').toNumber()).toBe(44);
  });
});
