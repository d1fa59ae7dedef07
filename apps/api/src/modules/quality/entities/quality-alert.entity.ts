import { Column, Entity, Index } from 'typeorm';
import {
  QUALITY_ALERT_REASONS,
  QUALITY_ALERT_STATUSES,
  type QualityAlertReason,
  type QualityAlertStatus,
} from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';

/** A CRITICAL quality alert (metal found in a toy) for QC and the supervisor of the department. */
@Entity('quality_alerts')
@Index('quality_alerts_status_idx', ['status', 'openedAt'])
export class QualityAlertEntity extends BaseEntity {
  @Column({ type: 'enum', enum: QUALITY_ALERT_REASONS, enumName: 'quality_alert_reason' })
  reason: QualityAlertReason;

  @Column({ type: 'enum', enum: QUALITY_ALERT_STATUSES, enumName: 'quality_alert_status', default: 'OPEN' })
  status: QualityAlertStatus;

  /** The inspection that found it. */
  @Column({ type: 'uuid' })
  inspectionId: string;

  @Column({ type: 'uuid', nullable: true })
  workOrderId: string | null;

  @Column({ type: 'uuid' })
  productId: string;

  /** The batch (MO) number, kept for the alert's text. */
  @Column({ type: 'varchar', length: 40 })
  reference: string;

  /** Pieces that failed. */
  @Column({ type: 'integer' })
  pieces: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  openedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedById: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  acknowledgeNote: string | null;
}
