import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { DEPARTMENTS, LINE_BLOCK_STATES, type Department, type LineBlockState } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';

/**
 * A handover refused because the receiving line still held another article's WIP (SOP QT-09 checks 1–2).
 * The refused command changed nothing; this row is written after it, in a short transaction of its own.
 * One OPEN block per sending work order: a second refusal counts an attempt.
 */
@Entity('line_blocks')
@Index('line_blocks_one_open', ['fromWorkOrderId'], { unique: true, where: `state = 'OPEN'` })
@Index('line_blocks_department_idx', ['department', 'state'])
@Index('line_blocks_mo_idx', ['moId'])
export class LineBlockEntity extends BaseEntity {
  /** The receiving line. */
  @Column({ type: 'enum', enum: DEPARTMENTS, enumName: 'department' })
  department: Department;

  @Column({ type: 'enum', enum: DEPARTMENTS, enumName: 'department' })
  fromDepartment: Department;

  @Column({ type: 'uuid' })
  fromWorkOrderId: string;

  @Column({ type: 'uuid' })
  moId: string;

  @Column({ type: 'varchar', length: 40 })
  batchNumber: string;

  /** What the sender wanted to hand over, in the WIP's stock unit. */
  @Column({ type: 'numeric', precision: 18, scale: 4 })
  quantity: string;

  /** The orders whose WIP blocked the line. */
  @Column({ type: 'uuid', array: true })
  blockingMoIds: string[];

  /** What was on the line when it was refused (batches, articles, quantities), as the sender saw it. */
  @Column({ type: 'jsonb' })
  onLine: unknown;

  @Column({ type: 'enum', enum: LINE_BLOCK_STATES, enumName: 'line_block_state', default: 'OPEN' })
  state: LineBlockState;

  @Column({ type: 'int', default: 1 })
  attempts: number;

  @Column({ type: 'uuid', nullable: true })
  sentById: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastAttemptAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedById: string | null;

  /** Why a supervisor let the handover through despite the block. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  overrideReason: string | null;

  /** The handover that went through once the line was cleared or the block overridden. */
  @Column({ type: 'uuid', nullable: true })
  handoverId: string | null;

  @VersionColumn({ default: 1 })
  version: number;
}
