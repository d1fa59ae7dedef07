import { Check, Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import { UNITS, type Unit } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { ProductEntity } from '../../warehouse/entities/product.entity.js';
import { PartnerEntity } from './partner.entity.js';

/** How a supplier sells a product: purchase unit, order multiple, minimum, lead time (planning.md). */
@Entity('supplier_items')
@Index('supplier_items_supplier_product_key', ['supplierId', 'productId'], { unique: true })
@Index('supplier_items_preferred_key', ['productId'], { unique: true, where: 'preferred' })
@Check('supplier_items_pack_size_positive', `pack_size IS NULL OR pack_size > 0`)
@Check('supplier_items_minimum_positive', `minimum_quantity IS NULL OR minimum_quantity > 0`)
@Check('supplier_items_lead_time_non_negative', `lead_time_days IS NULL OR lead_time_days >= 0`)
export class SupplierItemEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  supplierId: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_id' })
  supplier?: PartnerEntity;

  @Index('supplier_items_product_idx')
  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  /** The supplier's own article code, printed on the PO. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  supplierCode: string | null;

  /** The purchase unit: any unit convertible to the product's stock unit. */
  @Column({ type: 'enum', enum: UNITS, enumName: 'unit' })
  uom: Unit;

  /** Order multiples, in the purchase unit (fabric by the roll: 50 YARD). */
  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true })
  packSize: string | null;

  /** In the purchase unit. */
  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true })
  minimumQuantity: string | null;

  /** Overrides the supplier's lead time. */
  @Column({ type: 'integer', nullable: true })
  leadTimeDays: number | null;

  /** The one the MRP buys from (at most one per product). */
  @Column({ type: 'boolean', default: false })
  preferred: boolean;

  /** Indicative price per purchase unit, IDR. */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  unitPrice: string | null;

  @VersionColumn({ default: 1 })
  version: number;
}
