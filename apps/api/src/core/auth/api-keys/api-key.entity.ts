import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/base.entity.js';
import { RoleEntity } from '../entities/role.entity.js';

/** A service account for another program: a role, and the SHA-256 of a secret shown once. */
@Entity('api_keys')
@Index('api_keys_name_live_key', ['name'], { unique: true, where: 'revoked_at IS NULL' })
export class ApiKeyEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 40 })
  name: string;

  /** The visible start of the secret (`kpk_1a2b3c4d`), so people can tell keys apart. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Index('api_keys_secret_hash_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  secretHash: string;

  @Column({ type: 'uuid' })
  roleId: string;

  @ManyToOne(() => RoleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'role_id' })
  role?: RoleEntity;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;
}
