import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { HANDOVER_STATES, type HandoverState } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { WorkOrderEntity } from './work-order.entity.js';

/** The QT-09 handshake: WIP sent by one department, counted and accepted by the next. */
@Entity('handovers')
@Check('handovers_quantities', `quantity > 0 AND (received_qty IS NULL OR received_qty >= 0)`)
@Index('handovers_to_idx', ['toWorkOrderId', 'state'])
@Index('handovers_from_idx', ['fromWorkOrderId'])
export class HandoverEntity extends BaseEntity {
  @Index('handovers_number_key', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  number: string;

  @Column({ type: 'uuid' })
  fromWorkOrderId: string;

  @ManyToOne(() => WorkOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_work_order_id' })
  fromWorkOrder?: WorkOrderEntity;

  @Column({ type: 'uuid' })
  toWorkOrderId: string;

  @ManyToOne(() => WorkOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_work_order_id' })
  toWorkOrder?: WorkOrderEntity;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  quantity: string;

  @Column({ name: 'received_qty', type: 'numeric', precision: 18, scale: 4, nullable: true })
  receivedQuantity: string | null;

  @Column({ type: 'enum', enum: HANDOVER_STATES, enumName: 'handover_state', default: 'PENDING' })
  state: HandoverState;

  @Column({ type: 'uuid', nullable: true })
  sentById: string | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;
}
