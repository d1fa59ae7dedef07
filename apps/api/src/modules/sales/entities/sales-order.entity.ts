import { Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import { SALES_ORDER_STATES, type SalesOrderState } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { PartnerEntity } from '../../partners/entities/partner.entity.js';

/** A buyer's order (planning.md, Sales orders): its lines are the factory's independent demand. */
@Entity('sales_orders')
@Index('sales_orders_customer_po_key', ['customerId', 'customerPo'], { unique: true })
@Index('sales_orders_state_idx', ['state'])
export class SalesOrderEntity extends BaseEntity {
  @Index('sales_orders_number_key', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  number: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id' })
  customer?: PartnerEntity;

  /** The buyer's purchase-order number, unique per customer. */
  @Column({ type: 'varchar', length: 60 })
  customerPo: string;

  @Column({ type: 'date' })
  orderDate: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes: string | null;

  @Column({ type: 'enum', enum: SALES_ORDER_STATES, enumName: 'sales_order_state', default: 'DRAFT' })
  state: SalesOrderState;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'uuid', nullable: true })
  confirmedById: string | null;
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

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
