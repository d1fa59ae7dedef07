import { Check, Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import { PURCHASE_ORDER_STATES, type PurchaseOrderState } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { PartnerEntity } from '../../partners/entities/partner.entity.js';

/** An order to a supplier (planning.md, Purchase orders): its open lines are scheduled receipts. */
@Entity('purchase_orders')
@Index('purchase_orders_state_idx', ['state'])
@Index('purchase_orders_supplier_idx', ['supplierId'])
@Check(
  'purchase_orders_self_approval',
  `approved_by_id IS NULL OR approved_by_id IS DISTINCT FROM created_by_id`,
)
export class PurchaseOrderEntity extends BaseEntity {
  @Index('purchase_orders_number_key', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  number: string;

  @Column({ type: 'uuid' })
  supplierId: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_id' })
  supplier?: PartnerEntity;

  @Column({ type: 'date' })
  orderDate: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes: string | null;

  @Column({
    type: 'enum',
    enum: PURCHASE_ORDER_STATES,
    enumName: 'purchase_order_state',
    default: 'DRAFT',
  })
  state: PurchaseOrderState;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'uuid', nullable: true })
  approvedById: string | null;
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  cancelledById: string | null;
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedById: string | null;
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;
}
