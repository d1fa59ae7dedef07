import { MRP_RUN_STATES, type MrpRunState } from '@kapok/contracts';
import { Check, Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity.js';

/**
 * One MRP run: its horizon, snapshot time and counts. Only the latest finished run keeps its details.
 * A run answered with 202 is RUNNING until its transaction commits (FINISHED) or fails (FAILED).
 */
@Entity('mrp_runs')
@Check('mrp_runs_horizon_range', `horizon_weeks BETWEEN 1 AND 52`)
@Index('mrp_runs_finished_idx', ['finishedAt'])
export class MrpRunEntity extends BaseEntity {
  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'enum', enum: MRP_RUN_STATES, enumName: 'mrp_run_state', default: 'FINISHED' })
  state: MrpRunState;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** Why a FAILED run stopped: the error code and message it ended with. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  errorCode: string | null;

  @Column({ type: 'text', nullable: true })
  errorMessage: string | null;

  /** The factory day (Asia/Jakarta) the plan was made for. */
  @Column({ type: 'date' })
  today: string;

  @Column({ type: 'integer' })
  horizonWeeks: number;

  /** The ISO weeks of the buckets, in order. */
  @Column({ type: 'jsonb' })
  weeks: string[];

  @Column({ type: 'integer' })
  makeCount: number;

  @Column({ type: 'integer' })
  buyCount: number;

  @Column({ type: 'integer' })
  exceptionCount: number;

  @Column({ type: 'integer' })
  productCount: number;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /** Set when a later run replaced this one (its details are gone; releasing from it is STALE_RUN). */
  @Column({ type: 'timestamptz', nullable: true })
  supersededAt: Date | null;
}
