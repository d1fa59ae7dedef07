import { Check, Column, Entity, Index, VersionColumn } from 'typeorm';
import {
  FIBRE_ORIGINS,
  PRODUCT_TYPES,
  UNITS,
  type FibreOrigin,
  type ProductType,
  type Unit,
  type UnitConversion,
} from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';

@Entity('products')
@Check('products_production_lead_days_range', `production_lead_days >= 0 AND production_lead_days <= 365`)
@Check('products_cartons_per_pallet_positive', `cartons_per_pallet > 0`)
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

  /** Finished goods: cartons on one pallet (the article working instruction), for the packing plan. */
  @Column({ type: 'integer', nullable: true })
  cartonsPerPallet: number | null;

  // Passport fields (quality-shipping.md): shown on every passport of the article's batches.
  /** Commodity (HS/CN) code. */
  @Column({ type: 'varchar', length: 13, nullable: true })
  hsCode: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  ageGrade: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings: string[];

  /** Legislation beyond the Toy Safety Regulation, which every passport names. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  legislation: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  harmonisedStandards: string[];

  /** Materials: the fibre (polyester, cotton, …) and whether it is virgin or recycled, for composition. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  fibre: string | null;

  @Column({ type: 'enum', enum: FIBRE_ORIGINS, enumName: 'fibre_origin', nullable: true })
  fibreOrigin: FibreOrigin | null;
  /** Its receipts arrive in QUARANTINE until an incoming inspection (quality-shipping.md). */
  @Column({ type: 'boolean', default: false })
  inspectionRequired: boolean;

  /**
   * Finished goods: its batches start in QUARANTINE until their lab tests pass. The quality module keeps
   * it equal to "the article has a test plan", in the transaction that saves the plan.
   */
  @Column({ type: 'boolean', default: false })
  batchReleaseRequired: boolean;

  /** Finished goods: the stuffed toy's standard weight and tolerance, for the weight check. */
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true })
  standardWeightGrams: string | null;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true })
  weightToleranceGrams: string | null;

  @VersionColumn({ default: 1 })
  version: number;
}
