import { Check, Column, Entity, Index } from 'typeorm';
import { DEPARTMENTS, LOCATION_TYPES, type Department, type LocationType } from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';

export const INTERNAL_LOCATION_TYPES: readonly LocationType[] = ['WAREHOUSE', 'LINE', 'TRANSIT'];
export const isInternal = (type: LocationType) => INTERNAL_LOCATION_TYPES.includes(type);

@Entity('locations')
@Check('locations_department_rule', `(type IN ('LINE', 'TRANSIT')) = (department IS NOT NULL)`)
@Check('locations_finished_goods_rule', `NOT is_finished_goods OR type = 'WAREHOUSE'`)
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

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
