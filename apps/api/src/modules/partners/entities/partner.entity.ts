import { Check, Column, Entity, Index, VersionColumn } from 'typeorm';
import { PARTNER_TYPES, type PartnerType } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';

/** A customer, supplier or subcontractor (planning.md, Partners). */
@Entity('partners')
@Check('partners_transit_days_non_negative', `transit_days >= 0`)
@Check('partners_lead_time_days_non_negative', `lead_time_days >= 0`)
@Index('partners_type_idx', ['type', 'active'])
export class PartnerEntity extends BaseEntity {
  @Index('partners_code_key', { unique: true })
  @Column({ type: 'varchar', length: 30 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: PARTNER_TYPES, enumName: 'partner_type' })
  type: PartnerType;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  /** The person to talk to. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  contact: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  phone: string | null;

  /** Customers: days from the factory to the destination port; the ex-factory date is this early. */
  @Column({ type: 'integer', default: 0 })
  transitDays: number;

  /** Suppliers: days from order to receipt, unless a supplier item names its own. */
  @Column({ type: 'integer', default: 14 })
  leadTimeDays: number;

  /** Subcontractors: days they may hold Kapok's goods before an overdue alert (gate passes). */
  @Column({ type: 'integer', default: 14 })
  subcontractAgreedDays: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @VersionColumn({ default: 1 })
  version: number;
}
