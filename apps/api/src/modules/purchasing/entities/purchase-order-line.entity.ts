import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UNITS, type Unit } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ProductEntity } from '../../warehouse/entities/product.entity.js';
import { PurchaseOrderEntity } from './purchase-order.entity.js';

/** One product of a purchase order, in its purchase unit. */
@Entity('purchase_order_lines')
@Index('purchase_order_lines_order_line_key', ['purchaseOrderId', 'lineNo'], { unique: true })
@Index('purchase_order_lines_product_idx', ['productId', 'expectedDate'])
@Check('purchase_order_lines_quantity_positive', `quantity > 0`)
@Check('purchase_order_lines_received_non_negative', `received_quantity >= 0`)
@Check('purchase_order_lines_price_non_negative', `unit_price IS NULL OR unit_price >= 0`)
export class PurchaseOrderLineEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  purchaseOrderId: string;

  @ManyToOne(() => PurchaseOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'purchase_order_id' })
  purchaseOrder?: PurchaseOrderEntity;

  @Column({ type: 'integer' })
  lineNo: number;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  /** In `uom`, the purchase unit. */
  @Column({ type: 'numeric', precision: 18, scale: 4 })
  quantity: string;

  @Column({ type: 'enum', enum: UNITS, enumName: 'unit' })
  uom: Unit;

  /** IDR per `uom`. */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  unitPrice: string | null;

  @Column({ type: 'date' })
  expectedDate: string;

  /** In `uom`: what the receipts (GRNs) brought so far. */
  @Column({ type: 'numeric', precision: 18, scale: 4, default: 0 })
  receivedQuantity: string;
}
