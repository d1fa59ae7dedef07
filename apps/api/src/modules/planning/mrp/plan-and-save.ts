import { MRP_PHASE_START, type MrpRunPhase } from '@kapok/contracts';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../../core/errors/app-error.js';
import { MRP_LOCK_KEY, saveRun } from '../planning.sql.js';
import { factoryToday } from './calendar.js';
import { planMrp, planMrpSteps } from './engine.js';
import type { MrpResult, MrpSnapshot } from './engine.types.js';
import { readSnapshot, type PlanningSources } from './snapshot.js';

/** Told where a run is (0–100 overall); awaited, so it may publish. */
export type ProgressReporter = (phase: MrpRunPhase, percent: number) => Promise<void>;

export interface PlanOptions {
  /**
   * The run's RUNNING row, inserted and committed by the caller, who also holds the run lock; without
   * it the run takes the lock here (409 `MRP_RUNNING`) and inserts its row.
   */
  run?: { id: string; startedAt: Date };
  progress?: ProgressReporter;
}

/** Longest stretch of netting between two turns of the event loop when progress is reported. */
const SLICE_MS = 50;

/**
 * One MRP run inside the caller's REPEATABLE READ transaction: takes the run lock (409 `MRP_RUNNING`
 * when another run holds it), reads the snapshot, plans in memory and stores the result.
 */
export async function planAndSave(
  m: EntityManager,
  horizonWeeks: number,
  userId: string | null,
  sources: PlanningSources,
  options: PlanOptions = {},
): Promise<{ runId: string; today: string; result: MrpResult }> {
  if (!options.run) {
    const [{ locked }] = (await m.query('select pg_try_advisory_xact_lock($1) as locked', [
      MRP_LOCK_KEY,
    ])) as Array<{
      locked: boolean;
    }>;
    if (!locked) throw new AppError(409, 'MRP_RUNNING', 'An MRP run is in progress; wait for it to finish');
  }
  const startedAt = options.run?.startedAt ?? new Date();
  const today = factoryToday(startedAt);
  const progress = options.progress;
  await progress?.('snapshot', MRP_PHASE_START.snapshot);
  const snapshot = await readSnapshot(m, today, horizonWeeks, sources);
  await progress?.('netting', MRP_PHASE_START.netting);
  const result = progress ? await planInSlices(snapshot, progress) : planMrp(snapshot);
  await progress?.('saving', MRP_PHASE_START.saving);
  const runId = await saveRun(
    m,
    {
      id: options.run?.id,
      startedAt,
      today,
      horizonWeeks,
      createdById: userId,
      productCount: result.grid.length,
    },
    snapshot,
    result,
  );
  return { runId, today, result };
}

/**
 * Nets in slices of at most SLICE_MS, giving the event loop a turn between them: the API keeps
 * answering (and the run's progress events go out) while a large factory is planned.
 */
async function planInSlices(snapshot: MrpSnapshot, progress: ProgressReporter): Promise<MrpResult> {
  const steps = planMrpSteps(snapshot);
  const span = MRP_PHASE_START.saving - MRP_PHASE_START.netting;
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < SLICE_MS) continue;
    await progress('netting', Math.floor(MRP_PHASE_START.netting + step.value * span));
    await nextTurn();
    sliceStart = performance.now();
  }
}
