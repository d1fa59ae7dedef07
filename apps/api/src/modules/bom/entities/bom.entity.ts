import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, VersionColumn } from 'typeorm';
import { BOM_TYPES, type BomType } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ProductEntity } from '../../warehouse/entities/product.entity.js';
import { BomLineEntity } from './bom-line.entity.js';

/** A bill of materials of one product. At most one active (not deleted) BOM per product. */
@Entity('boms')
@Check('boms_qty_output_positive', `qty_output > 0`)
@Check('boms_revision_positive', `revision >= 1`)
@Index('boms_one_active_per_product', ['productId'], { unique: true, where: `active AND deleted_at IS NULL` })
export class BomEntity extends BaseEntity {
  @Index('boms_product_idx')
  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ type: 'enum', enum: BOM_TYPES, enumName: 'bom_type' })
  bomType: BomType;

  /** The lines' quantities make this many units of the product. */
  @Column({ name: 'qty_output', type: 'numeric', precision: 18, scale: 6, default: 1 })
  outputQuantity: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;

  @OneToMany(() => BomLineEntity, (line) => line.bom)
  lines?: BomLineEntity[];
}
