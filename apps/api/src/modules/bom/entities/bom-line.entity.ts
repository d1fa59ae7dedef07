import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany } from 'typeorm';
import { DEPARTMENTS, UNITS, type Department, type Unit } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ProductEntity } from '../../warehouse/entities/product.entity.js';
import { BomEntity } from './bom.entity.js';
import { BomLineVariantEntity } from './bom-line-variant.entity.js';

/** One component of a BOM, consumed by a department, per `qty_output` units of the product. */
@Entity('bom_lines')
@Check('bom_lines_qty_positive', `qty_needed > 0`)
@Check('bom_lines_wastage_range', `wastage_percent >= 0 AND wastage_percent < 100`)
@Index('bom_lines_bom_idx', ['bomId', 'position'])
@Index('bom_lines_component_idx', ['componentId'])
export class BomLineEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  bomId: string;

  @ManyToOne(() => BomEntity, (bom) => bom.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bom_id' })
  bom?: BomEntity;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'uuid' })
  componentId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'component_id' })
  component?: ProductEntity;

  @Column({ type: 'enum', enum: DEPARTMENTS, enumName: 'department' })
  department: Department;

  @Column({ name: 'qty_needed', type: 'numeric', precision: 18, scale: 6 })
  neededQuantity: string;

  /** The unit `qty_needed` is written in; converted to the component's stock unit when exploded. */
  @Column({ type: 'enum', enum: UNITS, enumName: 'unit' })
  uom: Unit;

  @Column({ type: 'numeric', precision: 5, scale: 2, default: 0 })
  wastagePercent: string;

  @OneToMany(() => BomLineVariantEntity, (v) => v.line)
  variants?: BomLineVariantEntity[];
}
