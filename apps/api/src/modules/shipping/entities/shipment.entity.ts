import { Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import { SHIPMENT_STATES, type ShipmentState } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { PartnerEntity } from '../../partners/entities/partner.entity.js';

/** A shipment of finished goods to one customer (quality-shipping.md, Shipping finished goods). */
@Entity('shipments')
@Index('shipments_state_idx', ['state'])
@Index('shipments_customer_idx', ['customerId', 'createdAt'])
export class ShipmentEntity extends BaseEntity {
  /** `SH-YYYYMMDD-NNNN`. */
  @Index('shipments_number_key', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  number: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id' })
  customer?: PartnerEntity;

  @Column({ type: 'enum', enum: SHIPMENT_STATES, enumName: 'shipment_state', default: 'DRAFT' })
  state: ShipmentState;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'uuid', nullable: true })
  pickedById: string | null;
  @Column({ type: 'timestamptz', nullable: true })
  pickedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  shippedById: string | null;
  @Column({ type: 'timestamptz', nullable: true })
  shippedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  cancelledById: string | null;
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;
}
