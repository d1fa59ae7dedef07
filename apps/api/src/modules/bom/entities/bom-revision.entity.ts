import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { BomEntity } from './bom.entity.js';

/** An immutable snapshot of a BOM as it was saved, with who, when and why (append-only by trigger). */
@Entity('bom_revisions')
@Index('bom_revisions_key', ['bomId', 'revision'], { unique: true })
export class BomRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  bomId: string;

  @ManyToOne(() => BomEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bom_id' })
  bom?: BomEntity;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  authorUsername: string | null;

  @Column({ type: 'jsonb' })
  snapshot: object;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
