import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { MRP_EXCEPTION_TYPES, type MrpExceptionReason, type MrpExceptionType } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ProductEntity } from '../../warehouse/entities/product.entity.js';
import { MrpRunEntity } from './mrp-run.entity.js';

/** Something the planner must look at: LATE, NO_BOM, NO_SUPPLIER, EXCESS, PAST_DUE. */
@Entity('mrp_exceptions')
@Index('mrp_exceptions_run_idx', ['runId', 'type'])
export class MrpExceptionEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  runId: string;

  @ManyToOne(() => MrpRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: MrpRunEntity;

  @Column({ type: 'enum', enum: MRP_EXCEPTION_TYPES, enumName: 'mrp_exception_type' })
  type: MrpExceptionType;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ type: 'varchar', length: 50 })
  productCode: string;

  @Column({ type: 'varchar', length: 200 })
  productName: string;

  @Column({ type: 'varchar', length: 8 })
  week: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  reason: MrpExceptionReason | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, string>;

  @Column({ type: 'varchar', length: 500 })
  message: string;
}
