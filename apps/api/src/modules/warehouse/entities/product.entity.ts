import { Check, Column, Entity, Index, VersionColumn } from 'typeorm';
import { PRODUCT_TYPES, UNITS, type ProductType, type Unit, type UnitConversion } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';

@Entity('products')
@Check('products_production_lead_days_range', `production_lead_days >= 0 AND production_lead_days <= 365`)
export class ProductEntity extends BaseEntity {
  @Index('products_code_key', { unique: true })
  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Index('products_type_idx')
  @Column({ type: 'enum', enum: PRODUCT_TYPES, enumName: 'product_type' })
  type: ProductType;

  /** The stock unit: every balance and move of the product is in it. */
  @Column({ type: 'enum', enum: UNITS, enumName: 'unit' })
  uom: Unit;

  /** Per-product factors: 1 `uom` = `factor` stock units (CARTON = 60 PCS). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  unitConversions: UnitConversion[];

  /** Finished goods: working days from MO start to ex-factory, for MRP. */
  @Column({ type: 'integer', default: 10 })
  productionLeadDays: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @VersionColumn({ default: 1 })
  version: number;
}
