import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DESTINATIONS, type Destination } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ShipmentEntity } from './shipment.entity.js';

/** A pallet of the packing plan: one article × destination × week (the SOP's segregation). */
@Entity('shipment_pallets')
@Index('shipment_pallets_no_key', ['shipmentId', 'no'], { unique: true })
export class ShipmentPalletEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  shipmentId: string;

  @ManyToOne(() => ShipmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shipment_id' })
  shipment?: ShipmentEntity;

  @Column({ type: 'integer' })
  no: number;

  @Column({ type: 'uuid' })
  productId: string;

  @Column({ type: 'enum', enum: DESTINATIONS, enumName: 'destination' })
  destination: Destination;

  @Column({ type: 'varchar', length: 8 })
  week: string;

  @Column({ type: 'integer' })
  cartons: number;

  @Column({ type: 'integer' })
  quantity: number;
}
