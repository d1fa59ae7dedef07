import { Decimal } from 'decimal.js';
import type { AlertLevel } from './enums.js';

const SEVERITY: Record<AlertLevel, number> = { OK: 0, LOW: 1, CRITICAL: 2, OUT: 3 };

/** criticalQty defaults to 15% of minQty. */
export const defaultCriticalQty = (minQty: number | string): string =>
  new Decimal(minQty).times('0.15').toDecimalPlaces(4).toFixed(4);

/** OUT ≤ 0 < CRITICAL ≤ criticalQty < LOW ≤ minQty < OK (domain.md). */
export function alertLevel(
  available: number | string,
  minQty: number | string,
  criticalQty?: number | string | null,
): AlertLevel {
  const a = new Decimal(available);
  const critical = new Decimal(criticalQty ?? defaultCriticalQty(minQty));
  if (a.lte(0)) return 'OUT';
  if (a.lte(critical)) return 'CRITICAL';
  if (a.lte(minQty)) return 'LOW';
  return 'OK';
}

export const isWorse = (a: AlertLevel, b: AlertLevel): boolean => SEVERITY[a] > SEVERITY[b];
export const alertSeverity = (level: AlertLevel): number => SEVERITY[level];
