import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A client's Idempotency-Key and the first answer given for it (24 h). IN_PROGRESS while the request
 * runs, COMMITTED once its transaction committed, DONE with the stored answer.
 */
@Entity('idempotency_keys')
@Index('idempotency_keys_expiry_idx', ['expiresAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'varchar', length: 12 })
  state: 'IN_PROGRESS' | 'COMMITTED' | 'DONE';

  @Column({ type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody: object | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
