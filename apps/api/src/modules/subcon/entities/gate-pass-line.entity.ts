import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ProductEntity } from '../../warehouse/entities/product.entity.js';
import { GatePassEntity } from './gate-pass.entity.js';

/** A product and quantity on a gate pass, with what security counted at the gate. */
@Entity('gate_pass_lines')
@Index('gate_pass_lines_line_key', ['gatePassId', 'lineNo'], { unique: true })
@Index('gate_pass_lines_product_key', ['gatePassId', 'productId'], { unique: true })
@Check('gate_pass_lines_quantity_positive', `quantity > 0`)
@Check('gate_pass_lines_counted_non_negative', `counted_quantity IS NULL OR counted_quantity >= 0`)
export class GatePassLineEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  gatePassId: string;

  @ManyToOne(() => GatePassEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'gate_pass_id' })
  gatePass?: GatePassEntity;

  @Column({ type: 'integer' })
  lineNo: number;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  /** WIP (cut panels out, sewn goods in) or SUPPORTING material (out only), in the product's stock unit. */
  @Column({ type: 'varchar', length: 12 })
  kind: 'WIP' | 'MATERIAL';

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  quantity: string;

  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true })
  countedQuantity: string | null;

  /** IN: the QUARANTINE lot the goods were received into. */
  @Column({ type: 'uuid', nullable: true })
  lotId: string | null;
}
