import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DESTINATIONS, type Destination } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ProductEntity } from '../../warehouse/entities/product.entity.js';
import { SalesOrderEntity } from './sales-order.entity.js';

/** One article × delivery week × destination of a sales order, in whole pieces. */
@Entity('sales_order_lines')
@Index('sales_order_lines_order_line_key', ['salesOrderId', 'lineNo'], { unique: true })
@Index('sales_order_lines_product_idx', ['productId', 'exFactoryDate'])
@Check('sales_order_lines_quantity_positive', `quantity > 0`)
@Check('sales_order_lines_shipped_within', `shipped_quantity >= 0 AND shipped_quantity <= quantity`)
export class SalesOrderLineEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  salesOrderId: string;

  @ManyToOne(() => SalesOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sales_order_id' })
  salesOrder?: SalesOrderEntity;

  @Column({ type: 'integer' })
  lineNo: number;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  /** Pieces (PCS): finished goods are sold whole. */
  @Column({ type: 'integer' })
  quantity: number;

  /** ISO week `YYYY-Www` the buyer wants it delivered. */
  @Column({ type: 'varchar', length: 8 })
  deliveryWeek: string;

  @Column({ type: 'enum', enum: DESTINATIONS, enumName: 'destination' })
  destination: Destination;

  /**
   * Monday of the delivery week minus the customer's transit days, fixed when the line is written
   * (only drafts are edited, and an edit recomputes it).
   */
  @Column({ type: 'date' })
  exFactoryDate: string;

  @Column({ type: 'integer', default: 0 })
  shippedQuantity: number;
}
