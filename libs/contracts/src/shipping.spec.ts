import { describe, expect, it } from 'vitest';
import { cartonBarcode, planPacking, type PackingInput } from './shipping.js';

const aftonsparv = (over: Partial<PackingInput> = {}): PackingInput => ({
  key: 'line-1',
  productId: 'p-1',
  articleCode: '40551542',
  destination: 'EU',
  week: '2026-W05',
  quantity: 450,
  piecesPerCarton: 60,
  cartonsPerPallet: 8,
  ...over,
});

describe('packing plan', () => {
  it('packs 450 pcs at 60/carton, 8 cartons/pallet into 7 full cartons, a partial one of 30, on 1 pallet', () => {
    const plan = planPacking([aftonsparv()]);
    expect(plan.cartons.map((c) => c.quantity)).toEqual([60, 60, 60, 60, 60, 60, 60, 30]);
    expect(plan.cartons.map((c) => c.partial)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(plan.cartons.map((c) => c.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(plan.pallets).toEqual([
      {
        no: 1,
        productId: 'p-1',
        articleCode: '40551542',
        destination: 'EU',
        week: '2026-W05',
        cartons: 8,
        quantity: 450,
      },
    ]);
    expect(plan.cartons.every((c) => c.palletNo === 1)).toBe(true);
  });

  it('starts a second pallet after 8 cartons: 540 pcs → 9 cartons, pallets of 8 and 1', () => {
    const plan = planPacking([aftonsparv({ quantity: 540 })]);
    expect(plan.cartons).toHaveLength(9);
    expect(plan.cartons.some((c) => c.partial)).toBe(false);
    expect(plan.pallets.map((p) => [p.cartons, p.quantity])).toEqual([
      [8, 480],
      [1, 60],
    ]);
  });

  it('never puts two destinations on one pallet, even when both fit', () => {
    const plan = planPacking([
      aftonsparv({ key: 'us', destination: 'US', quantity: 120 }),
      aftonsparv({ key: 'eu', destination: 'EU', quantity: 100 }),
    ]);
    // EU sorts first: cartons 1–2 (60 + 40 partial) on pallet 1, US cartons 3–4 on pallet 2.
    expect(plan.cartons.map((c) => [c.no, c.destination, c.quantity, c.partial, c.palletNo])).toEqual([
      [1, 'EU', 60, false, 1],
      [2, 'EU', 40, true, 1],
      [3, 'US', 60, false, 2],
      [4, 'US', 60, false, 2],
    ]);
    expect(plan.pallets.map((p) => [p.destination, p.cartons, p.quantity])).toEqual([
      ['EU', 2, 100],
      ['US', 2, 120],
    ]);
  });

  it('keeps weeks and articles apart, and shares a pallet between two lines of the same article × destination × week', () => {
    const plan = planPacking([
      aftonsparv({ key: 'a', quantity: 60 }),
      aftonsparv({ key: 'b', week: '2026-W06', quantity: 60 }),
      aftonsparv({ key: 'c', quantity: 30 }),
      aftonsparv({ key: 'd', articleCode: '40551543', productId: 'p-2', quantity: 60 }),
    ]);
    expect(plan.cartons.map((c) => [c.key, c.palletNo])).toEqual([
      ['a', 1],
      ['c', 1],
      ['d', 2],
      ['b', 3],
    ]);
    expect(new Set(plan.pallets.map((p) => `${p.articleCode}|${p.destination}|${p.week}`)).size).toBe(3);
  });

  it('refuses what it cannot pack rather than rounding it', () => {
    expect(() => planPacking([aftonsparv({ quantity: 10.5 })])).toThrow(RangeError);
    expect(() => planPacking([aftonsparv({ piecesPerCarton: 0 })])).toThrow(RangeError);
    expect(() => planPacking([aftonsparv({ cartonsPerPallet: 0 })])).toThrow(RangeError);
  });

  it('writes the original barcode: destination, week, article, six-digit carton number', () => {
    expect(cartonBarcode('EU', '2026-W05', '40551542', 1)).toBe('EU0540551542000001');
    expect(planPacking([aftonsparv()]).cartons[7].barcode).toBe('EU0540551542000008');
  });
});
