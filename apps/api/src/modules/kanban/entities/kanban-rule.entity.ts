import { Check, Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import { DEPARTMENTS, PRIORITIES, type Department, type Priority } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ProductEntity } from '../../warehouse/entities/product.entity.js';

/** Replenishment: when a department line falls below the reorder point, a card for `order_quantity` is made. */
@Entity('kanban_rules')
@Check('kanban_rules_quantities', `reorder_point >= 0 AND order_quantity > 0`)
@Index('kanban_rules_key', ['department', 'productId'], { unique: true })
export class KanbanRuleEntity extends BaseEntity {
  @Column({ type: 'enum', enum: DEPARTMENTS, enumName: 'department' })
  department: Department;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  reorderPoint: string;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  orderQuantity: string;

  @Column({ type: 'enum', enum: PRIORITIES, enumName: 'priority', default: 'NORMAL' })
  priority: Priority;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @VersionColumn({ default: 1 })
  version: number;
}
