import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { type FreeStock, type HeldStock, fifoOrder, planAllocation } from './allocation.js';

const q = (n: number | string) => new Decimal(n);
const day = (d: number) => new Date(Date.UTC(2026, 0, 1 + d));
const slot = (
  name: string,
  locationId: string,
  free: number,
  receivedDay: number | null,
): FreeStock<string> => ({
  balance: name,
  locationId,
  lotId: receivedDay === null ? null : `lot-${name}`,
  lotReceivedAt: receivedDay === null ? null : day(receivedDay),
  lotNumber: receivedDay === null ? null : `L-${name}`,
  free: q(free),
});
const drawn = (plan: ReturnType<typeof planAllocation<string, string>>) =>
  plan.ok ? plan.fromFree.map((a) => `${a.balance}:${a.quantity.toString()}`) : plan;

describe('planAllocation', () => {
  it('draws the oldest lot first, stock without a lot last, ties by the order of the locations', () => {
    const free = [
      slot('no-lot-A', 'A', 5, null),
      slot('new-B', 'B', 5, 9),
      slot('old-A', 'A', 2, 1),
      slot('no-lot-B', 'B', 5, null),
    ];
    expect(drawn(planAllocation({ quantity: q(8), sources: ['B', 'A'], free }))).toEqual([
      'old-A:2',
      'new-B:5',
      'no-lot-B:1',
    ]);
  });

  it('consumes what the document holds before free stock, in the order of its reservations', () => {
    const held: HeldStock<string>[] = [
      { reservation: 'r1', locationId: 'A', lotId: null, open: q(2) },
      { reservation: 'elsewhere', locationId: 'Z', lotId: null, open: q(9) },
      { reservation: 'r2', locationId: 'A', lotId: null, open: q(3) },
    ];
    const plan = planAllocation({ quantity: q(6), sources: ['A'], held, free: [slot('a', 'A', 4, 1)] });
    expect(plan).toEqual({
      ok: true,
      fromHeld: [
        { reservation: 'r1', quantity: q(2) },
        { reservation: 'r2', quantity: q(3) },
      ],
      fromFree: [{ balance: 'a', quantity: q(1) }],
    });
  });

  it('answers the shortage with everything the sources hold, and allocates nothing', () => {
    const held: HeldStock<string>[] = [{ reservation: 'r1', locationId: 'A', lotId: null, open: q(2) }];
    const free = [slot('a', 'A', 3, 1), slot('b', 'B', 100, 1)];
    expect(planAllocation({ quantity: q('5.5'), sources: ['A'], held, free })).toEqual({
      ok: false,
      requested: q('5.5'),
      available: q(5),
    });
  });

  it('draws only the named lot', () => {
    const free = [slot('a', 'A', 3, 1), slot('b', 'A', 3, 2)];
    expect(drawn(planAllocation({ quantity: q(2), sources: ['A'], lotId: 'lot-b', free }))).toEqual(['b:2']);
  });
});

/** Random stock: up to 8 balances over 3 locations, lots received on one of 4 days or no lot. */
const stock = fc
  .array(
    fc.record({
      locationId: fc.constantFrom('A', 'B', 'C'),
      receivedDay: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      free: fc.integer({ min: 0, max: 50_000 }).map((n) => q(n).div(10_000)),
    }),
    { maxLength: 8 },
  )
  .map((rows) =>
    rows.map((r, i): FreeStock<number> => ({
      balance: i,
      locationId: r.locationId,
      lotId: r.receivedDay === null ? null : `lot-${i}`,
      lotReceivedAt: r.receivedDay === null ? null : day(r.receivedDay),
      lotNumber: r.receivedDay === null ? null : `L-${String(i).padStart(2, '0')}`,
      free: r.free,
    })),
  );
const heldStock = fc.array(
  fc.record({
    reservation: fc.nat(),
    locationId: fc.constantFrom('A', 'B', 'C'),
    lotId: fc.constant(null),
    open: fc.integer({ min: 0, max: 30_000 }).map((n) => q(n).div(10_000)),
  }),
  { maxLength: 4 },
);
const request = fc.record({
  quantity: fc.integer({ min: 1, max: 200_000 }).map((n) => q(n).div(10_000)),
  sources: fc.shuffledSubarray(['A', 'B', 'C'], { minLength: 1 }),
  held: heldStock,
  free: stock,
});
const sum = (xs: Decimal[]) => xs.reduce((a, b) => a.plus(b), q(0));

describe('planAllocation properties', () => {
  it('never allocates more than asked, nor more than a balance or reservation has', () => {
    fc.assert(
      fc.property(request, (r) => {
        const plan = planAllocation(r);
        if (!plan.ok) return;
        const all = [...plan.fromHeld, ...plan.fromFree].map((a) => a.quantity);
        expect(all.every((x) => x.gt(0))).toBe(true);
        expect(sum(all).eq(r.quantity)).toBe(true);
        for (const a of plan.fromFree)
          expect(a.quantity.lte(r.free.find((f) => f.balance === a.balance)!.free)).toBe(true);
        plan.fromHeld.forEach((a, i) => {
          const h = r.held.filter((x) => r.sources.includes(x.locationId) && x.open.gt(0))[i];
          expect(h.reservation).toBe(a.reservation);
          expect(a.quantity.lte(h.open)).toBe(true);
        });
      }),
    );
  });

  it('is all or nothing: a shortage exactly when the sources hold less than asked', () => {
    fc.assert(
      fc.property(request, (r) => {
        const inSources = (s: { locationId: string }) => r.sources.includes(s.locationId);
        const total = sum([
          ...r.held.filter(inSources).map((h) => h.open),
          ...r.free.filter(inSources).map((f) => f.free),
        ]);
        const plan = planAllocation(r);
        expect(plan.ok).toBe(total.gte(r.quantity));
        if (!plan.ok) {
          expect(plan.available.eq(total)).toBe(true);
          expect(plan).not.toHaveProperty('fromFree');
        }
      }),
    );
  });

  it('respects FIFO: a balance is drawn only when every older one is used up, and held stock first', () => {
    fc.assert(
      fc.property(request, (r) => {
        const plan = planAllocation(r);
        if (!plan.ok || plan.fromFree.length === 0) return;
        const held = r.held.filter((h) => r.sources.includes(h.locationId));
        expect(sum(plan.fromHeld.map((a) => a.quantity)).eq(sum(held.map((h) => h.open)))).toBe(true);
        const taken = new Map(plan.fromFree.map((a) => [a.balance, a.quantity]));
        const order = fifoOrder(r.sources);
        const eligible = r.free.filter((f) => r.sources.includes(f.locationId) && f.free.gt(0));
        for (const used of eligible.filter((f) => taken.has(f.balance)))
          for (const older of eligible.filter((f) => order(f, used) < 0))
            expect(taken.get(older.balance)?.eq(older.free)).toBe(true);
      }),
    );
  });

  it('draws only from the sources and the named lot', () => {
    fc.assert(
      fc.property(request, fc.integer({ min: 0, max: 7 }), (r, lot) => {
        const plan = planAllocation({ ...r, held: [], lotId: `lot-${lot}` });
        if (!plan.ok) return;
        for (const a of plan.fromFree) {
          const f = r.free.find((x) => x.balance === a.balance)!;
          expect(r.sources).toContain(f.locationId);
          expect(f.lotId).toBe(`lot-${lot}`);
        }
      }),
    );
  });
});
