import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { LotEntity } from '../../warehouse/entities/lot.entity.js';

/** A finished-goods lot's public passport: the lot and its unguessable code (128 random bits). */
@Entity('passports')
export class PassportEntity {
  @PrimaryColumn({ type: 'uuid' })
  lotId: string;

  @OneToOne(() => LotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lot_id' })
  lot?: LotEntity;

  @Index('passports_code_key', { unique: true })
  @Column({ type: 'varchar', length: 22 })
  code: string;

  @Column({ type: 'uuid', nullable: true })
  issuedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  issuedAt: Date;
}
