import type { EntityManager } from 'typeorm';
import { AppError } from '../../../core/errors/app-error.js';
import { MRP_LOCK_KEY, saveRun } from '../planning.sql.js';
import { factoryToday } from './calendar.js';
import { planMrp } from './engine.js';
import type { MrpResult } from './engine.types.js';
import { readSnapshot, type PlanningSources } from './snapshot.js';

/**
 * One MRP run inside the caller's REPEATABLE READ transaction: takes the run lock (409 `MRP_RUNNING`
 * when another run holds it), reads the snapshot, plans in memory and stores the result.
 */
export async function planAndSave(
  m: EntityManager,
  horizonWeeks: number,
  userId: string | null,
  sources: PlanningSources,
): Promise<{ runId: string; today: string; result: MrpResult }> {
  const [{ locked }] = (await m.query('select pg_try_advisory_xact_lock($1) as locked', [
    MRP_LOCK_KEY,
  ])) as Array<{
    locked: boolean;
  }>;
  if (!locked) throw new AppError(409, 'MRP_RUNNING', 'An MRP run is in progress; wait for it to finish');
  const startedAt = new Date();
  const today = factoryToday(startedAt);
  const snapshot = await readSnapshot(m, today, horizonWeeks, sources);
  const result = planMrp(snapshot);
  const runId = await saveRun(
    m,
    { startedAt, today, horizonWeeks, createdById: userId, productCount: result.grid.length },
    snapshot,
    result,
  );
  return { runId, today, result };
}
