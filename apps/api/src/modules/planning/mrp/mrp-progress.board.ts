import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { MRP_RUN_PHASES, type KapokEvent, type MrpRunPhase } from '@kapok/contracts';
import { EventsHub } from '../../../core/events/events.hub.js';

export interface RunProgress {
  phase: MrpRunPhase;
  percent: number;
}

/** Runs followed at once; more would mean runs that never ended, whose progress nobody needs. */
const MAX_RUNS = 100;

/**
 * The latest progress of every running MRP run, learnt from the `planning.mrp.progress` events every
 * instance receives, so GET of a RUNNING run shows its phase whichever instance answers. A run's entry
 * goes when its finished or failed event arrives.
 */
@Injectable()
export class MrpProgressBoard implements OnModuleInit, OnModuleDestroy {
  private readonly runs = new Map<string, RunProgress>();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly hub: EventsHub) {}

  onModuleInit(): void {
    this.unsubscribe = this.hub.subscribe((event) => this.learn(event));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  get(runId: string): RunProgress | undefined {
    return this.runs.get(runId);
  }

  /** The running instance notes its own progress at once (the NOTIFY round trip follows). */
  set(runId: string, progress: RunProgress): void {
    this.runs.delete(runId);
    this.runs.set(runId, progress);
    if (this.runs.size > MAX_RUNS) this.runs.delete(this.runs.keys().next().value!);
  }

  private learn(event: KapokEvent): void {
    const [runId] = event.ids;
    if (!runId) return;
    if (event.type === 'mrp_run.finished' || event.type === 'mrp_run.failed') {
      this.runs.delete(runId);
    } else if (event.type === 'planning.mrp.progress' && event.progress) {
      const phase = event.progress.phase as MrpRunPhase;
      if (MRP_RUN_PHASES.includes(phase)) this.set(runId, { phase, percent: event.progress.percent });
    }
  }
}
