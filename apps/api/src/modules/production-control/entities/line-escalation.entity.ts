import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DEPARTMENTS, type Department } from '@kapok/contracts';

/**
 * One escalation step that fired for an open block or alarm. Unique per subject and step, so a step
 * fires once however many instances run the job.
 */
@Entity('line_escalations')
@Index('line_escalations_step_key', ['subjectType', 'subjectId', 'step'], { unique: true })
@Index('line_escalations_fired_idx', ['firedAt'])
export class LineEscalationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `line_block` or `segregation_alarm`. */
  @Column({ type: 'varchar', length: 30 })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'int' })
  step: number;

  /** LINE_SUPERVISOR, PPIC_MANAGER, FACTORY_MANAGER, PRODUCTION_MANAGER. */
  @Column({ type: 'varchar', length: 30 })
  recipient: string;

  @Column({ type: 'enum', enum: DEPARTMENTS, enumName: 'department' })
  department: Department;

  @Column({ type: 'varchar', length: 40 })
  batchNumber: string;

  @CreateDateColumn({ type: 'timestamptz' })
  firedAt: Date;
}
