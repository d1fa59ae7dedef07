import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DESTINATIONS, type Destination } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { SalesOrderLineEntity } from '../../sales/entities/sales-order-line.entity.js';
import { ProductEntity } from '../../warehouse/entities/product.entity.js';
import { ShipmentEntity } from './shipment.entity.js';

/** Pieces of one sales-order line in a shipment (≤ the line's open quantity when written). */
@Entity('shipment_lines')
@Index('shipment_lines_shipment_line_key', ['shipmentId', 'lineNo'], { unique: true })
@Check('shipment_lines_quantity_positive', `quantity > 0`)
export class ShipmentLineEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  shipmentId: string;

  @ManyToOne(() => ShipmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shipment_id' })
  shipment?: ShipmentEntity;

  @Column({ type: 'integer' })
  lineNo: number;

  @Index('shipment_lines_sales_order_line_idx')
  @Column({ type: 'uuid' })
  salesOrderLineId: string;

  @ManyToOne(() => SalesOrderLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sales_order_line_id' })
  salesOrderLine?: SalesOrderLineEntity;

  /** The order of the line, kept so a sales order finds its shipments. */
  @Index('shipment_lines_sales_order_idx')
  @Column({ type: 'uuid' })
  salesOrderId: string;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  /** Whole pieces. */
  @Column({ type: 'integer' })
  quantity: number;

  @Column({ type: 'enum', enum: DESTINATIONS, enumName: 'destination' })
  destination: Destination;

  @Column({ type: 'varchar', length: 8 })
  deliveryWeek: string;
}
