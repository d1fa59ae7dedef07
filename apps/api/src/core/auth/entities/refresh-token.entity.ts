import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/base.entity.js';
import { AuthSessionEntity } from './auth-session.entity.js';

/** One refresh token of a session, stored as a SHA-256 hash; used once, then replaced. */
@Entity('refresh_tokens')
export class RefreshTokenEntity extends BaseEntity {
  @Index()
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => AuthSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: AuthSessionEntity;

  @Index('refresh_tokens_token_hash_key', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /**
   * The pair this token was exchanged for, encrypted with a key derived from this token (which is not
   * stored): only its holder can read it, to get the same pair again within the refresh grace period.
   */
  @Column({ type: 'text', nullable: true })
  replacement: string | null;
}
