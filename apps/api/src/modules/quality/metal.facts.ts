import type { EntityManager } from 'typeorm';
import { AppError } from '../../core/errors/app-error.js';
import { metalDetected } from './quality.sql.js';

/**
 * The metal detector caps output (quality-shipping.md): once a finishing work order's pieces go through
 * the detector, its good output never exceeds the pieces that passed. Production calls this before it
 * records output, in its transaction.
 */
export async function refuseOutputBeyondDetection(
  m: EntityManager,
  wo: { id: string; department: string; batch_number: string; good_qty: string },
  good: number,
): Promise<void> {
  if (wo.department !== 'FINISHING' || good <= 0) return;
  const { passed, failed } = await metalDetected(m, wo.id);
  if (passed + failed === 0) return;
  const after = Number(wo.good_qty) + good;
  if (after > passed)
    throw new AppError(
      409,
      'NOT_METAL_DETECTED',
      `Only ${passed} pieces of ${wo.batch_number} passed the metal detector; ${after} good pieces would be more`,
      { passed, goodQuantity: Number(wo.good_qty) },
    );
}
