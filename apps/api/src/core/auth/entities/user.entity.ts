import { Check, Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import { DEPARTMENTS, type Department } from '@kapok/contracts';
import { BaseEntity } from '../../database/base.entity.js';
import { RoleEntity } from './role.entity.js';

@Entity('users')
@Check('users_username_lowercase', `username = lower(username)`)
export class UserEntity extends BaseEntity {
  @Index('users_username_key', { unique: true })
  @Column({ type: 'varchar', length: 50 })
  username: string;

  @Column({ type: 'varchar', length: 120 })
  fullName: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'uuid' })
  roleId: string;

  @ManyToOne(() => RoleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'role_id' })
  role?: RoleEntity;

  @Column({ type: 'enum', enum: DEPARTMENTS, enumName: 'department', nullable: true })
  department: Department | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;
}
