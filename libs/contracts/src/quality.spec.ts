import { describe, expect, it } from 'vitest';
import {
  AQL_VALUES,
  CODE_LETTERS,
  codeLetterOf,
  labTestPasses,
  SAMPLE_SIZES,
  samplingPlan,
  SINGLE_NORMAL_TABLE,
  weightSummary,
} from './quality.js';

describe('ISO 2859-1 single sampling, normal inspection, level II', () => {
  // Table I, general inspection level II, and Table II-A's sample sizes: [first lot size, last, letter, sample].
  const letters: Array<[number, number, string, number]> = [
    [2, 8, 'A', 2],
    [9, 15, 'B', 3],
    [16, 25, 'C', 5],
    [26, 50, 'D', 8],
    [51, 90, 'E', 13],
    [91, 150, 'F', 20],
    [151, 280, 'G', 32],
    [281, 500, 'H', 50],
    [501, 1200, 'J', 80],
    [1201, 3200, 'K', 125],
    [3201, 10000, 'L', 200],
    [10001, 35000, 'M', 315],
    [35001, 150000, 'N', 500],
    [150001, 500000, 'P', 800],
    [500001, 5000000, 'Q', 1250],
  ];
  it.each(letters)('lots of %i to %i are letter %s with a sample of %i', (first, last, letter, sample) => {
    expect(codeLetterOf(first)).toBe(letter);
    expect(codeLetterOf(last)).toBe(letter);
    expect(SAMPLE_SIZES[letter as keyof typeof SAMPLE_SIZES]).toBe(sample);
    if (first > 2) expect(codeLetterOf(first - 1)).not.toBe(letter);
  });

  // The standard's Ac/Re at letters H, J, K, L for AQL 1.0, 2.5 and 4.0.
  const standard: Array<[number, number, string, number, number, number]> = [
    [500, 1.0, 'H', 50, 1, 2],
    [500, 2.5, 'H', 50, 3, 4],
    [500, 4.0, 'H', 50, 5, 6],
    [1200, 1.0, 'J', 80, 2, 3],
    [1200, 2.5, 'J', 80, 5, 6],
    [1200, 4.0, 'J', 80, 7, 8],
    [3200, 1.0, 'K', 125, 3, 4],
    [3200, 2.5, 'K', 125, 7, 8],
    [3200, 4.0, 'K', 125, 10, 11],
    [10000, 1.0, 'L', 200, 5, 6],
    [10000, 2.5, 'L', 200, 10, 11],
    [10000, 4.0, 'L', 200, 14, 15],
  ];
  it.each(standard)(
    'a lot of %i at AQL %f is %s: sample %i, accept %i, reject %i',
    (lot, aql, letter, n, ac, re) => {
      expect(samplingPlan(lot, aql)).toEqual({
        lotSize: lot,
        aql,
        codeLetter: letter,
        planLetter: letter,
        sampleSize: n,
        accept: ac,
        reject: re,
        inspectAll: false,
      });
    },
  );

  it('follows the arrows: ↑ to the plan above, ↓ to the plan below with its larger sample', () => {
    expect(SINGLE_NORMAL_TABLE.J[AQL_VALUES.indexOf(0.25)]).toBe('↑');
    expect(samplingPlan(1000, 0.25)).toMatchObject({
      codeLetter: 'J',
      planLetter: 'H',
      sampleSize: 50,
      accept: 0,
      reject: 1,
    });
    expect(SINGLE_NORMAL_TABLE.J[AQL_VALUES.indexOf(0.4)]).toBe('↓');
    expect(samplingPlan(1000, 0.4)).toMatchObject({
      codeLetter: 'J',
      planLetter: 'K',
      sampleSize: 125,
      accept: 1,
      reject: 2,
    });
    // Several arrows in a row: F at AQL 0.25 goes down to H's 0/1.
    expect(samplingPlan(120, 0.25)).toMatchObject({
      codeLetter: 'F',
      planLetter: 'H',
      sampleSize: 50,
      accept: 0,
      reject: 1,
    });
  });

  it('inspects the whole lot when the plan’s sample is not smaller than the lot', () => {
    expect(samplingPlan(6, 2.5)).toMatchObject({ planLetter: 'C', sampleSize: 5, inspectAll: false });
    expect(samplingPlan(4, 2.5)).toEqual({
      lotSize: 4,
      aql: 2.5,
      codeLetter: 'A',
      planLetter: 'C',
      sampleSize: 4,
      accept: 0,
      reject: 1,
      inspectAll: true,
    });
  });

  it('reaches a plan from every cell of the table, with reject = accept + 1', () => {
    for (const letter of CODE_LETTERS) {
      for (const aql of AQL_VALUES) {
        const plan = samplingPlan(1_000_000, aql);
        expect(plan.reject).toBe(plan.accept + 1);
        const lot = letters.find(([, , l]) => l === letter)![1];
        const p = samplingPlan(lot, aql);
        expect(p.reject).toBe(p.accept + 1);
        expect(p.sampleSize).toBeLessThanOrEqual(lot);
      }
    }
  });

  it('refuses what is not a lot size or an offered AQL', () => {
    expect(() => samplingPlan(0, 2.5)).toThrow(RangeError);
    expect(() => samplingPlan(10.5, 2.5)).toThrow(RangeError);
    expect(() => samplingPlan(100, 3)).toThrow(RangeError);
  });
});

describe('weights and lab limits', () => {
  it('summarises stuffing weights against standard ± tolerance', () => {
    expect(weightSummary([250, 252, 247, 261], 250, 10)).toEqual({
      count: 4,
      meanGrams: 252.5,
      minGrams: 247,
      maxGrams: 261,
      outOfTolerance: 1,
      passed: false,
    });
    expect(weightSummary([245, 255], 250, 5).passed).toBe(true);
  });

  it('judges a lab value by its limit', () => {
    expect(labTestPasses(90, 'MIN', 90)).toBe(true);
    expect(labTestPasses(89.9, 'MIN', 90)).toBe(false);
    expect(labTestPasses(0.2, 'MAX', 0.1)).toBe(false);
  });
});
