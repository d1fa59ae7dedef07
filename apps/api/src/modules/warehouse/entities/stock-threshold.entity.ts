import { Check, Column, Entity, Index, VersionColumn } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity.js';

/** Minimum stock of a product, over its warehouse racks or at one location (unique key by migration). */
@Entity('stock_thresholds')
@Check('stock_thresholds_quantities', `min_qty > 0 AND critical_qty >= 0 AND critical_qty <= min_qty`)
@Index('stock_thresholds_key', { synchronize: false })
export class StockThresholdEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  productId: string;

  @Column({ type: 'uuid', nullable: true })
  locationId: string | null;

  @Column({ name: 'min_qty', type: 'numeric', precision: 18, scale: 4 })
  minimumQuantity: string;

  @Column({ name: 'critical_qty', type: 'numeric', precision: 18, scale: 4 })
  criticalQuantity: string;

  @VersionColumn({ default: 1 })
  version: number;
}
