import { Column, Entity, Index } from 'typeorm';
import { ALERT_LEVELS, ALERT_STATUSES, type AlertLevel, type AlertStatus } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';

/** One alert per product × location at a time while it is not resolved (partial unique index by migration). */
@Entity('stock_alerts')
@Index('stock_alerts_one_open_per_key', { synchronize: false })
@Index('stock_alerts_status_idx', ['status', 'openedAt'])
@Index('stock_alerts_product_idx', ['productId', 'openedAt'])
export class StockAlertEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  productId: string;

  @Column({ type: 'uuid', nullable: true })
  locationId: string | null;

  @Column({ type: 'enum', enum: ALERT_LEVELS, enumName: 'alert_level' })
  level: AlertLevel;

  @Column({ type: 'enum', enum: ALERT_STATUSES, enumName: 'alert_status', default: 'OPEN' })
  status: AlertStatus;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  availableAtOpen: string;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  availableNow: string;

  @Column({ type: 'timestamptz' })
  openedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedById: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  acknowledgeNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
