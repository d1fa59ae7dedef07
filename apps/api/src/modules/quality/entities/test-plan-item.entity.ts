import { Column, Entity, Index } from 'typeorm';
import { LAB_TEST_TYPES, LIMIT_KINDS, type LabTestType, type LimitKind } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';

/** One required test of a finished good's test plan, with its standard, unit and limit. */
@Entity('test_plan_items')
@Index('test_plan_items_product_type_key', ['productId', 'testType'], { unique: true })
export class TestPlanItemEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  productId: string;

  @Column({ type: 'enum', enum: LAB_TEST_TYPES, enumName: 'lab_test_type' })
  testType: LabTestType;

  @Column({ type: 'varchar', length: 120 })
  standard: string;

  @Column({ type: 'varchar', length: 20 })
  unit: string;

  @Column({ type: 'enum', enum: LIMIT_KINDS, enumName: 'limit_kind' })
  limitKind: LimitKind;

  @Column({ type: 'numeric', precision: 14, scale: 4 })
  limitValue: string;
}
