import { Check, Column, Entity, Index } from 'typeorm';
import { DEPARTMENTS, LOCATION_TYPES, type Department, type LocationType } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';

/** Locations that hold stock: racks, lines, transit, and the factory's goods held by a subcontractor. */
export const INTERNAL_LOCATION_TYPES: readonly LocationType[] = [
  'WAREHOUSE',
  'LINE',
  'TRANSIT',
  'SUBCONTRACTOR',
];
export const isInternal = (type: LocationType) => INTERNAL_LOCATION_TYPES.includes(type);

@Entity('locations')
@Check('locations_department_rule', `(type IN ('LINE', 'TRANSIT')) = (department IS NOT NULL)`)
@Check('locations_finished_goods_rule', `NOT is_finished_goods OR type = 'WAREHOUSE'`)
// A SUBCONTRACTOR location is the consignment stock of exactly one subcontractor partner.
// Compared as text: the enum value is added by the same migration and cannot be used before it commits.
@Check('locations_partner_rule', `(type::text = 'SUBCONTRACTOR') = (partner_id IS NOT NULL)`)
@Index('locations_partner_key', ['partnerId'], { unique: true, where: `partner_id IS NOT NULL` })
// One line and one transit location per department, one finished-goods warehouse, one of each virtual type.
@Index('locations_line_per_department', ['type', 'department'], {
  unique: true,
  where: `type IN ('LINE', 'TRANSIT')`,
})
@Index('locations_one_finished_goods', ['isFinishedGoods'], { unique: true, where: `is_finished_goods` })
@Index('locations_one_virtual_per_type', ['type'], {
  unique: true,
  where: `type IN ('SUPPLIER', 'CUSTOMER', 'PRODUCTION', 'LOSS')`,
})
export class LocationEntity extends BaseEntity {
  @Index('locations_code_key', { unique: true })
  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'enum', enum: LOCATION_TYPES, enumName: 'location_type' })
  type: LocationType;

  @Column({ type: 'enum', enum: DEPARTMENTS, enumName: 'department', nullable: true })
  department: Department | null;

  @Column({ type: 'boolean', default: false })
  isFinishedGoods: boolean;

  /** SUBCONTRACTOR locations: the partner holding the goods (created on demand, see ConsignmentLocations). */
  @Column({ type: 'uuid', nullable: true })
  partnerId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
