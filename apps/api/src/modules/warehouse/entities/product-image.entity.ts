import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ProductEntity } from './product.entity.js';

/** An article's picture for its passport, kept in PostgreSQL (≤ 2 MB, PNG, JPEG or WebP). */
@Entity('product_images')
export class ProductImageEntity {
  @PrimaryColumn({ type: 'uuid' })
  productId: string;

  @OneToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ type: 'varchar', length: 40 })
  contentType: string;

  @Column({ type: 'bytea' })
  data: Buffer;

  @Column({ type: 'integer' })
  size: number;

  /** sha256 of the bytes: the image's ETag. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
