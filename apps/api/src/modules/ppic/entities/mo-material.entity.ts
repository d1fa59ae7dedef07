import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DEPARTMENTS, type Department } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ProductEntity } from '../../warehouse/entities/product.entity.js';
import { ManufacturingOrderEntity } from './manufacturing-order.entity.js';

/** A purchased material of the MO's frozen explosion: what the department needs for the plan, and what it used. */
@Entity('mo_materials')
@Check('mo_materials_quantities', `quantity > 0 AND consumed_qty >= 0`)
@Index('mo_materials_key', ['moId', 'productId', 'department'], { unique: true })
export class MoMaterialEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  moId: string;

  @ManyToOne(() => ManufacturingOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mo_id' })
  mo?: ManufacturingOrderEntity;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ type: 'enum', enum: DEPARTMENTS, enumName: 'department' })
  department: Department;

  /** For the planned quantity, in the material's stock unit, wastage included. */
  @Column({ type: 'numeric', precision: 18, scale: 4 })
  quantity: string;

  @Column({ name: 'consumed_qty', type: 'numeric', precision: 18, scale: 4, default: 0 })
  consumedQuantity: string;
}
