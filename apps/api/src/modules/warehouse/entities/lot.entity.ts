import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { LOT_QUALITY_STATUSES, type LotQualityStatus } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ProductEntity } from './product.entity.js';

/** A received batch (a fabric roll, a filling bag lot): the FIFO unit. */
@Entity('lots')
@Index('lots_product_number_key', ['productId', 'lotNumber'], { unique: true })
@Index('lots_fifo_idx', ['productId', 'receivedAt'])
export class LotEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ type: 'varchar', length: 60 })
  lotNumber: string;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'varchar', length: 120, nullable: true })
  supplierReference: string | null;

  /** The supplier (a partner) of a lot received against a purchase order. */
  @Column({ type: 'uuid', nullable: true })
  supplierId: string | null;

  /** The purchase-order line it was received for: the trace from a lot back to its purchase. */
  /** Only RELEASED lots may be reserved, issued, consumed or shipped (the posting service enforces it). */
  @Index('lots_quality_status_idx')
  @Column({ type: 'enum', enum: LOT_QUALITY_STATUSES, enumName: 'lot_quality_status', default: 'RELEASED' })
  qualityStatus: LotQualityStatus;

  @Index('lots_purchase_order_line_idx')
  @Column({ type: 'uuid', nullable: true })
  purchaseOrderLineId: string | null;
}
