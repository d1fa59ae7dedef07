import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { PLANNED_ORDER_TYPES, UNITS, type PlannedOrderType, type Unit } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ProductEntity } from '../../warehouse/entities/product.entity.js';
import type { MrpPeg } from '../mrp/engine.types.js';
import { MrpRunEntity } from './mrp-run.entity.js';

/** A planned MAKE or BUY order of a run, with its pegs; released once into a DRAFT MO or PO. */
@Entity('mrp_planned_orders')
@Check('mrp_planned_orders_quantity_positive', `quantity > 0`)
@Index('mrp_planned_orders_run_key', ['runId', 'key'], { unique: true })
@Index('mrp_planned_orders_run_product_idx', ['runId', 'productId'])
export class MrpPlannedOrderEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  runId: string;

  @ManyToOne(() => MrpRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: MrpRunEntity;

  @Column({ type: 'varchar', length: 12 })
  key: string;

  @Column({ type: 'enum', enum: PLANNED_ORDER_TYPES, enumName: 'planned_order_type' })
  type: PlannedOrderType;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  /** As the run saw them. */
  @Column({ type: 'varchar', length: 50 })
  productCode: string;

  @Column({ type: 'varchar', length: 200 })
  productName: string;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  quantity: string;

  @Column({ type: 'enum', enum: UNITS, enumName: 'unit' })
  uom: Unit;

  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true })
  purchaseQuantity: string | null;

  @Column({ type: 'enum', enum: UNITS, enumName: 'unit', nullable: true })
  purchaseUom: Unit | null;

  @Column({ type: 'uuid', nullable: true })
  supplierId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  supplierName: string | null;

  @Column({ type: 'uuid', nullable: true })
  supplierItemId: string | null;

  /** MAKE: start; BUY: order-by. */
  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'varchar', length: 8 })
  week: string;

  @Column({ type: 'uuid', nullable: true })
  salesOrderLineId: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  destination: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  deliveryWeek: string | null;

  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ type: 'jsonb' })
  pegs: MrpPeg[];

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  releasedById: string | null;

  /** The DRAFT MO or PO it became. */
  @Column({ type: 'uuid', nullable: true })
  releasedDocumentId: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  releasedDocumentNumber: string | null;
}
