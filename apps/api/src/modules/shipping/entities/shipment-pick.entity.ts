import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { LotEntity } from '../../warehouse/entities/lot.entity.js';
import { ShipmentLineEntity } from './shipment-line.entity.js';
import { ShipmentEntity } from './shipment.entity.js';

/** What a pick reserved for a shipment line: pieces of one released lot at the finished-goods rack. */
@Entity('shipment_picks')
@Check('shipment_picks_quantity_positive', `quantity > 0`)
export class ShipmentPickEntity extends BaseEntity {
  @Index('shipment_picks_shipment_idx')
  @Column({ type: 'uuid' })
  shipmentId: string;

  @ManyToOne(() => ShipmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shipment_id' })
  shipment?: ShipmentEntity;

  @Column({ type: 'uuid' })
  shipmentLineId: string;

  @ManyToOne(() => ShipmentLineEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shipment_line_id' })
  shipmentLine?: ShipmentLineEntity;

  @Column({ type: 'uuid', nullable: true })
  lotId: string | null;

  @ManyToOne(() => LotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lot_id' })
  lot?: LotEntity;

  @Column({ type: 'uuid' })
  locationId: string;

  @Column({ type: 'integer' })
  quantity: number;

  /** ISO week `YYYY-Www` the lot was produced in (its date stamp). */
  @Column({ type: 'varchar', length: 8 })
  productionWeek: string;
}
