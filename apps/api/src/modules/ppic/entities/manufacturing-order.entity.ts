import { Check, Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import { MO_STATES, ROUTES, type MoState, type Route } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { BomEntity } from '../../bom/entities/bom.entity.js';
import { ProductEntity } from '../../warehouse/entities/product.entity.js';
import { SalesOrderLineEntity } from '../../sales/entities/sales-order-line.entity.js';

/** A manufacturing order (MO, "SPK"): make `qty_planned` of a product along a route. */
@Entity('manufacturing_orders')
@Check('mo_qty_planned_positive', `qty_planned > 0`)
@Check('mo_produced_non_negative', `produced_qty IS NULL OR produced_qty > 0`)
@Check('mo_self_approval', `approved_by_id IS NULL OR approved_by_id IS DISTINCT FROM created_by_id`)
@Index('mo_state_idx', ['state', 'dueDate'])
@Index('mo_product_idx', ['productId'])
@Index('mo_completed_idx', ['completedAt'], { where: `state = 'COMPLETED'` })
export class ManufacturingOrderEntity extends BaseEntity {
  @Index('mo_batch_number_key', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  batchNumber: string;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  /** The BOM frozen at approval, and its revision. */
  @Column({ type: 'uuid', nullable: true })
  bomId: string | null;

  @ManyToOne(() => BomEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bom_id' })
  bom?: BomEntity;

  @Column({ type: 'integer', nullable: true })
  bomRevision: number | null;

  /** Per department of the route, from the frozen explosion: what it makes and how many. */
  @Column({ type: 'jsonb', nullable: true })
  stages: Record<string, { target: number; productId: string | null }> | null;

  @Column({ name: 'qty_planned', type: 'numeric', precision: 18, scale: 4 })
  plannedQuantity: string;

  @Column({ type: 'enum', enum: Object.keys(ROUTES), enumName: 'route' })
  route: Route;

  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  week: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  destination: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  notes: string | null;

  /** The sales-order line this MO makes (planning.md: pegging). */
  @Index('mo_sales_order_line_idx')
  @Column({ type: 'uuid', nullable: true })
  salesOrderLineId: string | null;

  @ManyToOne(() => SalesOrderLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sales_order_line_id' })
  salesOrderLine?: SalesOrderLineEntity;

  @Column({ type: 'enum', enum: MO_STATES, enumName: 'mo_state', default: 'DRAFT' })
  state: MoState;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'uuid', nullable: true })
  approvedById: string | null;
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;
  @Column({ type: 'varchar', length: 500, nullable: true })
  approveNotes: string | null;

  @Column({ type: 'uuid', nullable: true })
  startedById: string | null;
  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;
  @Column({ type: 'varchar', length: 500, nullable: true })
  startNotes: string | null;

  @Column({ type: 'uuid', nullable: true })
  completedById: string | null;
  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
  @Column({ type: 'varchar', length: 500, nullable: true })
  qualityNotes: string | null;

  @Column({ type: 'uuid', nullable: true })
  cancelledById: string | null;
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
  @Column({ type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  @Column({ name: 'produced_qty', type: 'numeric', precision: 18, scale: 4, nullable: true })
  producedQuantity: string | null;

  /** (produced − planned) / planned, as a fraction. */
  @Column({ type: 'numeric', precision: 9, scale: 4, nullable: true })
  variance: string | null;

  @VersionColumn({ default: 1 })
  version: number;
}
