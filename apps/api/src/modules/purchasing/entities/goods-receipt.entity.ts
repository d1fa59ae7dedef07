import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { PurchaseOrderEntity } from './purchase-order.entity.js';

/** A goods receipt note (GRN): what arrived against one purchase order. */
@Entity('goods_receipts')
export class GoodsReceiptEntity extends BaseEntity {
  @Index('goods_receipts_number_key', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  number: string;

  @Index('goods_receipts_order_idx')
  @Column({ type: 'uuid' })
  purchaseOrderId: string;

  @ManyToOne(() => PurchaseOrderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'purchase_order_id' })
  purchaseOrder?: PurchaseOrderEntity;

  @Column({ type: 'uuid', nullable: true })
  receivedById: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  notes: string | null;
}
