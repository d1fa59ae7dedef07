import { Column, Entity, Index } from 'typeorm';
import {
  INSPECTION_VERDICTS,
  LAB_TEST_TYPES,
  LIMIT_KINDS,
  type InspectionVerdict,
  type LabTestType,
  type LimitKind,
} from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';

/** A lab result on a finished-goods lot; the verdict comes from the plan's limit at the time. */
@Entity('lab_tests')
@Index('lab_tests_lot_idx', ['lotId', 'testType'])
export class LabTestEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  lotId: string;

  @Column({ type: 'uuid' })
  productId: string;

  @Column({ type: 'enum', enum: LAB_TEST_TYPES, enumName: 'lab_test_type' })
  testType: LabTestType;

  @Column({ type: 'numeric', precision: 14, scale: 4 })
  measuredValue: string;

  @Column({ type: 'varchar', length: 20 })
  unit: string;

  @Column({ type: 'varchar', length: 120 })
  standard: string;

  @Column({ type: 'varchar', length: 120 })
  lab: string;

  @Column({ type: 'enum', enum: LIMIT_KINDS, enumName: 'limit_kind' })
  limitKind: LimitKind;

  @Column({ type: 'numeric', precision: 14, scale: 4 })
  limitValue: string;

  @Column({ type: 'enum', enum: INSPECTION_VERDICTS, enumName: 'inspection_verdict' })
  verdict: InspectionVerdict;

  /** The lab's report, at most 5 MB, kept in the database (PDF, PNG or JPEG by its first bytes). */
  @Column({ type: 'bytea', nullable: true, select: false })
  evidence: Buffer | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  evidenceContentType: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  evidenceName: string | null;

  @Column({ type: 'integer', nullable: true })
  evidenceSize: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  evidenceUrl: string | null;

  @Column({ type: 'uuid' })
  testedById: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  testedAt: Date;
}
