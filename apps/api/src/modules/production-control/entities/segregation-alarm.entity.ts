import { Column, Entity, Index, VersionColumn } from 'typeorm';
import {
  CLEARANCE_METHODS,
  DEPARTMENTS,
  SEGREGATION_ALARM_STATES,
  type ClearanceMethod,
  type Department,
  type SegregationAlarmState,
  type SegregationReason,
} from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';

/**
 * A handover of the same article for another destination or week than the receiving line runs
 * (SOP QT-09 #380/#382): the line accepts it only after acknowledging how the batches were kept apart.
 */
@Entity('segregation_alarms')
@Index('segregation_alarms_handover_key', ['handoverId'], { unique: true })
@Index('segregation_alarms_department_idx', ['department', 'state'])
@Index('segregation_alarms_mo_idx', ['moId'])
export class SegregationAlarmEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  handoverId: string;

  @Column({ type: 'varchar', length: 20 })
  handoverNumber: string;

  /** The receiving line. */
  @Column({ type: 'enum', enum: DEPARTMENTS, enumName: 'department' })
  department: Department;

  @Column({ type: 'enum', enum: DEPARTMENTS, enumName: 'department' })
  fromDepartment: Department;

  @Column({ type: 'uuid' })
  moId: string;

  @Column({ type: 'varchar', length: 40 })
  batchNumber: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  destination: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  week: string | null;

  @Column({ type: 'varchar', length: 20, array: true })
  reasons: SegregationReason[];

  /** The batches of the same article already on the line (destination, week, quantity). */
  @Column({ type: 'jsonb' })
  onLine: unknown;

  @Column({
    type: 'enum',
    enum: SEGREGATION_ALARM_STATES,
    enumName: 'segregation_alarm_state',
    default: 'OPEN',
  })
  state: SegregationAlarmState;

  @Column({ type: 'enum', enum: CLEARANCE_METHODS, enumName: 'clearance_method', nullable: true })
  method: ClearanceMethod | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  notes: string | null;

  @Column({ type: 'uuid', nullable: true })
  raisedById: string | null;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;
}
