import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UNITS, type Unit } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { GoodsReceiptEntity } from './goods-receipt.entity.js';
import { PurchaseOrderLineEntity } from './purchase-order-line.entity.js';

/** One PO line received by a GRN: as entered, in the line's unit, and in the stock unit moved. */
@Entity('goods_receipt_lines')
@Check('goods_receipt_lines_quantity_positive', `quantity > 0 AND stock_quantity > 0 AND line_quantity > 0`)
export class GoodsReceiptLineEntity extends BaseEntity {
  @Index('goods_receipt_lines_receipt_idx')
  @Column({ type: 'uuid' })
  goodsReceiptId: string;

  @ManyToOne(() => GoodsReceiptEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'goods_receipt_id' })
  goodsReceipt?: GoodsReceiptEntity;

  /** 1…n in the order the receipt listed them. */
  @Column({ type: 'integer' })
  position: number;

  @Index('goods_receipt_lines_po_line_idx')
  @Column({ type: 'uuid' })
  purchaseOrderLineId: string;

  @ManyToOne(() => PurchaseOrderLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'purchase_order_line_id' })
  purchaseOrderLine?: PurchaseOrderLineEntity;

  /** As entered, in `uom`. */
  @Column({ type: 'numeric', precision: 18, scale: 4 })
  quantity: string;

  @Column({ type: 'enum', enum: UNITS, enumName: 'unit' })
  uom: Unit;

  /** In the PO line's unit (what the line's received quantity grew by). */
  @Column({ type: 'numeric', precision: 18, scale: 4 })
  lineQuantity: string;

  /** In the product's stock unit (what the move carried). */
  @Column({ type: 'numeric', precision: 18, scale: 4 })
  stockQuantity: string;

  /** The lot, location and move live in the warehouse; kept here by id. */
  @Column({ type: 'uuid' })
  lotId: string;

  @Column({ type: 'uuid' })
  locationId: string;

  @Column({ type: 'uuid' })
  stockMoveId: string;
}
