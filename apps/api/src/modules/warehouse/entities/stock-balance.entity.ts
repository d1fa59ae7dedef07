import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { LocationEntity } from './location.entity.js';
import { LotEntity } from './lot.entity.js';
import { ProductEntity } from './product.entity.js';

/**
 * On-hand and reserved per product × location × lot, kept in step with the moves by the posting
 * service. The unique key (NULLS NOT DISTINCT, lot may be null) is created by a migration.
 */
@Entity('stock_balances')
@Check('stock_balances_on_hand_non_negative', `on_hand >= 0`)
@Check('stock_balances_reserved_within_on_hand', `reserved >= 0 AND reserved <= on_hand`)
@Index('stock_balances_key', { synchronize: false })
@Index('stock_balances_location_idx', ['locationId'])
export class StockBalanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ type: 'uuid' })
  locationId: string;

  @ManyToOne(() => LocationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'location_id' })
  location?: LocationEntity;

  @Column({ type: 'uuid', nullable: true })
  lotId: string | null;

  @ManyToOne(() => LotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lot_id' })
  lot?: LotEntity;

  @Column({ type: 'numeric', precision: 18, scale: 4, default: 0 })
  onHand: string;

  @Column({ type: 'numeric', precision: 18, scale: 4, default: 0 })
  reserved: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
