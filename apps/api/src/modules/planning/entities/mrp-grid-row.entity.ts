import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UNITS, type Unit } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ProductEntity } from '../../warehouse/entities/product.entity.js';
import type { MrpGridBucket } from '../mrp/engine.types.js';
import { MrpRunEntity } from './mrp-run.entity.js';

/** The time-phased grid of one product in a run: a bucket per week with its demand and supply pegs. */
@Entity('mrp_grid_rows')
@Index('mrp_grid_rows_run_product_key', ['runId', 'productId'], { unique: true })
export class MrpGridRowEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  runId: string;

  @ManyToOne(() => MrpRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: MrpRunEntity;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ type: 'varchar', length: 50 })
  productCode: string;

  @Column({ type: 'varchar', length: 200 })
  productName: string;

  @Column({ type: 'enum', enum: UNITS, enumName: 'unit' })
  uom: Unit;

  @Column({ type: 'integer' })
  lowLevelCode: number;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  safetyStock: string;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  onHand: string;

  /**
   * json, not jsonb: the grid is written whole once a run and read whole per product, never queried
   * inside, and PostgreSQL stores json as checked text instead of converting it (most of a large run's
   * save time went into that conversion).
   */
  @Column({ type: 'json' })
  buckets: MrpGridBucket[];
}
