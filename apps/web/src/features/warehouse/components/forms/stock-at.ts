import type { Balance } from '../../api';

/** On hand and available of one product per location, summed over its lots. */
export function stockByLocation(balances: readonly Balance[] = []) {
  const totals = new Map<string, { onHand: number; available: number }>();
  for (const b of balances) {
    const total = totals.get(b.locationId) ?? { onHand: 0, available: 0 };
    // Four decimals at most: rounding the sum keeps float noise out of what is shown.
    total.onHand = Math.round((total.onHand + b.onHand) * 1e4) / 1e4;
    total.available = Math.round((total.available + b.available) * 1e4) / 1e4;
    totals.set(b.locationId, total);
  }
  return totals;
}
