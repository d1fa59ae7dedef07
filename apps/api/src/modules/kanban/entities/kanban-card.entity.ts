import { Check, Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import {
  DEPARTMENTS,
  KANBAN_STATUSES,
  PRIORITIES,
  type Department,
  type KanbanStatus,
  type Priority,
} from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ProductEntity } from '../../warehouse/entities/product.entity.js';
import { LocationEntity } from '../../warehouse/entities/location.entity.js';

/** A department's request for material from the warehouse, moved through the board. */
@Entity('kanban_cards')
@Check('kanban_cards_quantity_positive', `quantity > 0`)
@Check(
  'kanban_cards_received_within_shipped',
  `received_quantity IS NULL OR (received_quantity >= 0 AND received_quantity <= shipped_quantity)`,
)
@Check(
  'kanban_cards_approved_within_requested',
  `approved_quantity IS NULL OR (approved_quantity > 0 AND approved_quantity <= quantity)`,
)
@Index('kanban_cards_board_idx', ['status', 'department'])
@Index('kanban_cards_open_product_idx', ['department', 'productId'], {
  where: `status IN ('REQUESTED', 'APPROVED', 'IN_TRANSIT')`,
})
@Index('kanban_cards_closed_idx', ['updatedAt'], { where: `status IN ('RECEIVED', 'REJECTED', 'CANCELLED')` })
export class KanbanCardEntity extends BaseEntity {
  @Index('kanban_cards_number_key', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  number: string;

  @Column({ type: 'enum', enum: DEPARTMENTS, enumName: 'department' })
  department: Department;

  @Column({ type: 'uuid', nullable: true })
  requestedById: string | null;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  /** In the product's stock unit. */
  @Column({ type: 'numeric', precision: 18, scale: 4 })
  quantity: string;

  @Column({ type: 'enum', enum: PRIORITIES, enumName: 'priority', default: 'NORMAL' })
  priority: Priority;

  @Column({ type: 'timestamptz', nullable: true })
  neededBy: Date | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  workOrderId: string | null;

  @Column({ type: 'uuid', nullable: true })
  sourceLocationId: string | null;

  @ManyToOne(() => LocationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_location_id' })
  sourceLocation?: LocationEntity;

  @Column({ type: 'enum', enum: KANBAN_STATUSES, enumName: 'kanban_status', default: 'REQUESTED' })
  status: KanbanStatus;

  /** Order within a column (fractional, see positionBetween). */
  @Column({ type: 'double precision' })
  position: number;

  /** Created by a replenishment rule rather than a person. */
  @Column({ type: 'boolean', default: false })
  automatic: boolean;

  @Column({ type: 'uuid', nullable: true })
  ruleId: string | null;

  @Column({ type: 'uuid', nullable: true })
  approvedById: string | null;
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;
  @Column({ type: 'varchar', length: 300, nullable: true })
  approveNotes: string | null;

  @Column({ type: 'uuid', nullable: true })
  rejectedById: string | null;
  @Column({ type: 'timestamptz', nullable: true })
  rejectedAt: Date | null;
  @Column({ type: 'varchar', length: 300, nullable: true })
  rejectReason: string | null;

  /** Part of `quantity` the approver granted (null: not approved yet). */
  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true })
  approvedQuantity: string | null;
  /** Why the part not granted was rejected (a partial approval that did not keep it requested). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  remainderReason: string | null;
  /** The card a partial approval split this one off, for the rest of its quantity. */
  @Column({ type: 'uuid', nullable: true })
  splitFromId: string | null;

  @Column({ type: 'uuid', nullable: true })
  shippedById: string | null;
  @Column({ type: 'timestamptz', nullable: true })
  shippedAt: Date | null;
  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true })
  shippedQuantity: string | null;

  @Column({ type: 'uuid', nullable: true })
  receivedById: string | null;
  @Column({ type: 'timestamptz', nullable: true })
  receivedAt: Date | null;
  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true })
  receivedQuantity: string | null;
  /** Why less arrived than was shipped (required for a short receipt). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  shortReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  cancelledById: string | null;
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;
}
