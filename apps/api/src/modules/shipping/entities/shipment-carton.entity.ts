import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DESTINATIONS, type Destination } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ShipmentLineEntity } from './shipment-line.entity.js';
import { ShipmentEntity } from './shipment.entity.js';

/** A carton of the packing plan, numbered 1…N per shipment, with its Code 128 barcode. */
@Entity('shipment_cartons')
@Index('shipment_cartons_no_key', ['shipmentId', 'no'], { unique: true })
@Check('shipment_cartons_quantity_positive', `quantity > 0`)
export class ShipmentCartonEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  shipmentId: string;

  @ManyToOne(() => ShipmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shipment_id' })
  shipment?: ShipmentEntity;

  @Column({ type: 'integer' })
  no: number;

  @Column({ type: 'uuid' })
  shipmentLineId: string;

  @ManyToOne(() => ShipmentLineEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shipment_line_id' })
  shipmentLine?: ShipmentLineEntity;

  @Column({ type: 'uuid' })
  productId: string;

  /** The (first) lot its pieces come from: its passport QR goes on the label. */
  @Column({ type: 'uuid', nullable: true })
  lotId: string | null;

  @Column({ type: 'enum', enum: DESTINATIONS, enumName: 'destination' })
  destination: Destination;

  @Column({ type: 'varchar', length: 8 })
  week: string;

  @Column({ type: 'integer' })
  quantity: number;

  /** The last carton of a line holding less than a full carton. */
  @Column({ type: 'boolean', default: false })
  partial: boolean;

  @Column({ type: 'integer' })
  palletNo: number;

  @Column({ type: 'varchar', length: 80 })
  barcode: string;
}
