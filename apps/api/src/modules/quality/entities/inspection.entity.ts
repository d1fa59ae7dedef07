import { Column, Entity, Index } from 'typeorm';
import {
  INSPECTION_TYPES,
  INSPECTION_VERDICTS,
  type InspectionType,
  type InspectionVerdict,
} from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';

/** One inspection (quality-shipping.md): of a lot (INCOMING) or of a work order (the others). */
@Entity('quality_inspections')
@Index('quality_inspections_lot_idx', ['lotId'])
@Index('quality_inspections_work_order_idx', ['workOrderId'])
@Index('quality_inspections_product_type_idx', ['productId', 'type', 'inspectedAt'])
export class QualityInspectionEntity extends BaseEntity {
  @Column({ type: 'enum', enum: INSPECTION_TYPES, enumName: 'inspection_type' })
  type: InspectionType;

  @Column({ type: 'uuid', nullable: true })
  lotId: string | null;

  @Column({ type: 'uuid', nullable: true })
  workOrderId: string | null;

  /** The lot's product, or the article of the work order's MO (for the weight chart). */
  @Column({ type: 'uuid' })
  productId: string;

  @Column({ type: 'uuid' })
  inspectorId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  inspectedAt: Date;

  /** INCOMING: the plan used (lot size, AQL, code letter, sample, accept, reject). */
  @Column({ type: 'jsonb', nullable: true })
  plan: Record<string, unknown> | null;

  @Column({ type: 'integer', nullable: true })
  sampleSize: number | null;

  /** INCOMING and INLINE: nonconforming pieces found. */
  @Column({ type: 'integer', nullable: true })
  defects: number | null;

  /** INLINE: pieces per defect code. */
  @Column({ type: 'jsonb', nullable: true })
  defectsByCode: Record<string, number> | null;

  /** METAL_DETECTION: pieces through the detector. */
  @Column({ name: 'passed_qty', type: 'integer', nullable: true })
  passedQuantity: number | null;

  @Column({ name: 'failed_qty', type: 'integer', nullable: true })
  failedQuantity: number | null;

  /** STUFFING_WEIGHT: the weights and their figures against the standard of that day. */
  @Column({ type: 'jsonb', nullable: true })
  weights: number[] | null;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true })
  standardGrams: string | null;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true })
  toleranceGrams: string | null;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true })
  meanGrams: string | null;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true })
  minGrams: string | null;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true })
  maxGrams: string | null;

  @Column({ type: 'integer', nullable: true })
  outOfTolerance: number | null;

  @Column({ type: 'enum', enum: INSPECTION_VERDICTS, enumName: 'inspection_verdict' })
  verdict: InspectionVerdict;

  @Column({ type: 'varchar', length: 500, nullable: true })
  notes: string | null;
}
