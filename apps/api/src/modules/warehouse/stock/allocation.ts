import { Decimal } from 'decimal.js';

/** Where a quantity sits: the location and lot, with what FIFO orders lots by. */
export interface StockSlot {
  locationId: string;
  lotId: string | null;
  lotReceivedAt: Date | null;
  lotNumber: string | null;
}

/** A balance that may be drawn from: `free` is on hand minus reserved. */
export interface FreeStock<B> extends StockSlot {
  balance: B;
  free: Decimal;
}

/** What the document itself holds: one of its open reservations. */
export interface HeldStock<R> {
  reservation: R;
  locationId: string;
  lotId: string | null;
  open: Decimal;
}

export interface AllocationRequest<B, R> {
  quantity: Decimal;
  /** The locations that may be drawn from, in the order ties are broken. */
  sources: readonly string[];
  /** Only this lot (undefined or null: any lot). */
  lotId?: string | null;
  /** The document's open reservations of the product, consumed first and in this order. */
  held?: readonly HeldStock<R>[];
  free: readonly FreeStock<B>[];
}

export type AllocationPlan<B, R> =
  | {
      ok: true;
      fromHeld: Array<{ reservation: R; quantity: Decimal }>;
      fromFree: Array<{ balance: B; quantity: Decimal }>;
    }
  | { ok: false; requested: Decimal; available: Decimal };

/**
 * FIFO: oldest received lot first; stock without a lot after every lot; ties in the order the caller
 * listed the locations (racks by code), so the same request draws the same way on every database.
 */
export function fifoOrder(sources: readonly string[]): (a: StockSlot, b: StockSlot) => number {
  const rank = (locationId: string) => sources.indexOf(locationId);
  return (a, b) => {
    if (a.lotReceivedAt && b.lotReceivedAt) {
      const diff = a.lotReceivedAt.getTime() - b.lotReceivedAt.getTime();
      if (diff !== 0) return diff;
      const byLot = (a.lotNumber ?? '').localeCompare(b.lotNumber ?? '');
      return byLot !== 0 ? byLot : rank(a.locationId) - rank(b.locationId);
    }
    if (a.lotReceivedAt) return -1;
    if (b.lotReceivedAt) return 1;
    return rank(a.locationId) - rank(b.locationId);
  };
}

/**
 * Plans where a quantity comes from, without touching anything: first what the document holds, then free
 * stock oldest lot first. All or nothing: when the sources do not cover the quantity, the plan is the
 * shortage (what was asked, what there is) and no allocation at all.
 */
export function planAllocation<B, R>(request: AllocationRequest<B, R>): AllocationPlan<B, R> {
  const { quantity, sources, lotId } = request;
  const eligible = (s: { locationId: string; lotId: string | null }) =>
    sources.includes(s.locationId) && (lotId === undefined || lotId === null || s.lotId === lotId);

  let remaining = quantity;
  const fromHeld: Array<{ reservation: R; quantity: Decimal }> = [];
  for (const h of request.held ?? []) {
    if (remaining.lte(0)) break;
    if (!eligible(h) || h.open.lte(0)) continue;
    const take = Decimal.min(remaining, h.open);
    fromHeld.push({ reservation: h.reservation, quantity: take });
    remaining = remaining.minus(take);
  }

  const fromFree: Array<{ balance: B; quantity: Decimal }> = [];
  if (remaining.gt(0)) {
    const candidates = request.free.filter(eligible).sort(fifoOrder(sources));
    const free = candidates.reduce((sum, c) => sum.plus(Decimal.max(c.free, 0)), new Decimal(0));
    if (free.lt(remaining))
      return { ok: false, requested: quantity, available: free.plus(quantity.minus(remaining)) };
    for (const c of candidates) {
      if (remaining.lte(0)) break;
      const take = Decimal.min(remaining, c.free);
      if (take.lte(0)) continue;
      fromFree.push({ balance: c.balance, quantity: take });
      remaining = remaining.minus(take);
    }
  }
  return { ok: true, fromHeld, fromFree };
}
