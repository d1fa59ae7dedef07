import { Column, Entity, VersionColumn } from 'typeorm';
import type { Permission } from '@kapok/contracts';
import { BaseEntity } from '../../database/base.entity.js';

@Entity('roles')
export class RoleEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 50, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  permissions: Permission[];

  @VersionColumn({ default: 1 })
  version: number;
}
