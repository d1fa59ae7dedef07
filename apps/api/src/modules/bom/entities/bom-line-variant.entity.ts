import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VARIANT_TYPES, type VariantType } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ProductEntity } from '../../warehouse/entities/product.entity.js';
import { BomLineEntity } from './bom-line.entity.js';

/** Another material a line may use instead (ALTERNATIVE), as well (OPTIONAL), or equally (PRIMARY). */
@Entity('bom_line_variants')
@Check('bom_line_variants_qty_positive', `qty_needed IS NULL OR qty_needed > 0`)
@Index('bom_line_variants_line_idx', ['lineId', 'sequence'])
export class BomLineVariantEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  lineId: string;

  @ManyToOne(() => BomLineEntity, (line) => line.variants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'line_id' })
  line?: BomLineEntity;

  @Column({ type: 'uuid' })
  materialId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'material_id' })
  material?: ProductEntity;

  @Column({ type: 'enum', enum: VARIANT_TYPES, enumName: 'variant_type' })
  variantType: VariantType;

  /** Preference order: lower first. */
  @Column({ type: 'integer' })
  sequence: number;

  /** Quantity per output unit, in the line's unit, when it differs from the line's. */
  @Column({ name: 'qty_needed', type: 'numeric', precision: 18, scale: 6, nullable: true })
  neededQuantity: string | null;
}
