import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity.js';

/**
 * Goods of an OUT gate pass still at the subcontractor after its agreed days: opened by the overdue
 * job, resolved when the work order's returns cover the pass. One per pass.
 */
@Entity('subcon_alerts')
@Index('subcon_alerts_pass_key', ['gatePassId'], { unique: true })
@Index('subcon_alerts_status_idx', ['status'])
export class SubconAlertEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  gatePassId: string;

  @Column({ type: 'uuid' })
  partnerId: string;

  @Column({ type: 'varchar', length: 30 })
  number: string;

  @Column({ type: 'varchar', length: 40 })
  batchNumber: string;

  /** Pieces of the pass not back yet when it opened. */
  @Column({ type: 'numeric', precision: 18, scale: 4 })
  outstandingQuantity: string;

  @Column({ type: 'integer' })
  agreedDays: number;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 12, default: 'OPEN' })
  status: 'OPEN' | 'RESOLVED';

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
