import type { BomResponse } from './dto/bom.dto.js';

/** Keys of snapshots saved before the quantity rename (revisions are append-only, so they are read as saved). */
const RENAMED: Record<string, string> = { qtyOutput: 'outputQuantity', qtyNeeded: 'neededQuantity' };

function rename(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rename);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [RENAMED[k] ?? k, rename(v)]));
}

/** A stored revision snapshot in today's field names. */
export const upgradeSnapshot = (snapshot: BomResponse): BomResponse => rename(snapshot) as BomResponse;
