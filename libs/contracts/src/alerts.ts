import { Decimal } from 'decimal.js';
import type { AlertLevel } from './enums.js';

const SEVERITY: Record<AlertLevel, number> = { OK: 0, LOW: 1, CRITICAL: 2, OUT: 3 };

/** criticalQuantity defaults to 15% of minimumQuantity. */
export const defaultCriticalQty = (minimumQuantity: number | string): string =>
  new Decimal(minimumQuantity).times('0.15').toDecimalPlaces(4).toFixed(4);

/** OUT ≤ 0 < CRITICAL ≤ criticalQuantity < LOW ≤ minimumQuantity < OK (domain.md). */
export function alertLevel(
  available: number | string,
  minimumQuantity: number | string,
  criticalQuantity?: number | string | null,
): AlertLevel {
  const a = new Decimal(available);
  const critical = new Decimal(criticalQuantity ?? defaultCriticalQty(minimumQuantity));
  if (a.lte(0)) return 'OUT';
  if (a.lte(critical)) return 'CRITICAL';
  if (a.lte(minimumQuantity)) return 'LOW';
  return 'OK';
}

export const isWorse = (a: AlertLevel, b: AlertLevel): boolean => SEVERITY[a] > SEVERITY[b];
export const alertSeverity = (level: AlertLevel): number => SEVERITY[level];
