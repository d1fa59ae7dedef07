import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { WorkOrderEntity } from './work-order.entity.js';

/** One recorded output of a work order (partial outputs allowed): good pieces and rejects with a reason. */
@Entity('work_order_outputs')
@Check('work_order_outputs_quantities', `good_qty >= 0 AND reject_qty >= 0 AND good_qty + reject_qty > 0`)
@Index('work_order_outputs_wo_idx', ['workOrderId', 'createdAt'])
export class WorkOrderOutputEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  workOrderId: string;

  @ManyToOne(() => WorkOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'work_order_id' })
  workOrder?: WorkOrderEntity;

  @Column({ name: 'good_qty', type: 'numeric', precision: 18, scale: 4 })
  goodQuantity: string;

  @Column({ name: 'reject_qty', type: 'numeric', precision: 18, scale: 4 })
  rejectedQuantity: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  rejectReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
