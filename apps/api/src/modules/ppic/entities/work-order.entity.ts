import { Check, Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import { DEPARTMENTS, WORK_ORDER_STATES, type Department, type WorkOrderState } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ProductEntity } from '../../warehouse/entities/product.entity.js';
import { ManufacturingOrderEntity } from './manufacturing-order.entity.js';

/** One department's step of an MO: what it should make, what it received, made and rejected. */
@Entity('work_orders')
@Check(
  'work_orders_quantities',
  `target_qty >= 0 AND input_qty >= 0 AND good_qty >= 0 AND reject_qty >= 0 AND handed_over_qty >= 0 AND handed_over_qty <= good_qty`,
)
@Index('work_orders_mo_key', ['moId', 'sequence'], { unique: true })
@Index('work_orders_department_idx', ['department', 'state'])
// The bottleneck dashboard reads the work orders that ended within its window, per department.
@Index('work_orders_department_ended_idx', ['department', 'endedAt'])
export class WorkOrderEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  moId: string;

  @ManyToOne(() => ManufacturingOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mo_id' })
  mo?: ManufacturingOrderEntity;

  @Column({ type: 'enum', enum: DEPARTMENTS, enumName: 'department' })
  department: Department;

  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'enum', enum: WORK_ORDER_STATES, enumName: 'work_order_state', default: 'PENDING' })
  state: WorkOrderState;

  /** The WIP (or finished) product the department makes; null when the BOM has no stage for it. */
  @Column({ type: 'uuid', nullable: true })
  outputProductId: string | null;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'output_product_id' })
  outputProduct?: ProductEntity;

  /** What the previous department's product this one consumes; null for the first. */
  @Column({ type: 'uuid', nullable: true })
  inputProductId: string | null;

  @Column({ name: 'target_qty', type: 'numeric', precision: 18, scale: 4 })
  targetQuantity: string;

  /** Accepted from the previous department (the first: the target). */
  @Column({ name: 'input_qty', type: 'numeric', precision: 18, scale: 4, default: 0 })
  inputQuantity: string;

  @Column({ name: 'good_qty', type: 'numeric', precision: 18, scale: 4, default: 0 })
  goodQuantity: string;

  @Column({ name: 'reject_qty', type: 'numeric', precision: 18, scale: 4, default: 0 })
  rejectedQuantity: string;

  @Column({ name: 'handed_over_qty', type: 'numeric', precision: 18, scale: 4, default: 0 })
  handedOverQuantity: string;

  @Column({ type: 'timestamptz', nullable: true })
  readyAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  operatorId: string | null;

  @VersionColumn({ default: 1 })
  version: number;
}
