import { Injectable } from '@nestjs/common';
import {
  type ErrorCode,
  PRODUCT_IMAGE_MAX_BYTES,
  PRODUCT_IMAGE_TYPES,
  type ProductImageType,
} from '@kapok/contracts';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../../core/audit/audit.writer.js';
import { Transactions } from '../../../core/database/transactions.js';
import { AppError, notFound } from '../../../core/errors/app-error.js';
import { EventPublisher } from '../../../core/events/event-publisher.js';

export interface ProductImage {
  contentType: string;
  data: Buffer;
  size: number;
  sha256: string;
  updatedAt: Date;
}

interface ImageRow {
  content_type: string;
  data: Buffer;
  size: number;
  sha256: string;
  updated_at: Date;
}

interface ImageMetaRow {
  content_type: string;
  size: number;
  sha256: string;
  updated_at: Date;
}

/** The file's own signature must match the type it was sent as: a renamed file is refused. */
const SIGNATURES: Record<ProductImageType, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

const invalid = (code: ErrorCode, message: string) =>
  new AppError(422, code, message, [{ field: 'body', messages: [message] }]);

/** An article's passport picture, stored in PostgreSQL. */
@Injectable()
export class ProductImages {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  async put(productId: string, contentType: string | undefined, body: unknown) {
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (!(PRODUCT_IMAGE_TYPES as readonly string[]).includes(type) || !Buffer.isBuffer(body))
      throw invalid('UNSUPPORTED_IMAGE', `Send the image as ${PRODUCT_IMAGE_TYPES.join(', ')}`);
    if (body.length === 0) throw invalid('UNSUPPORTED_IMAGE', 'The image is empty');
    if (body.length > PRODUCT_IMAGE_MAX_BYTES)
      throw invalid(
        'IMAGE_TOO_LARGE',
        `The image has ${body.length} bytes; at most ${PRODUCT_IMAGE_MAX_BYTES} (2 MB) are kept`,
      );
    if (!SIGNATURES[type as ProductImageType](body))
      throw invalid('IMAGE_TYPE_MISMATCH', `The file is not a ${type} image`);
    const sha256 = createHash('sha256').update(body).digest('hex');
    return this.tx.run(async (m) => {
      await this.lockProduct(m, productId);
      const [row]: ImageMetaRow[] = await m.query(
        `insert into product_images (product_id, content_type, data, size, sha256) values ($1, $2, $3, $4, $5)
         on conflict (product_id) do update
           set content_type = excluded.content_type, data = excluded.data, size = excluded.size,
               sha256 = excluded.sha256, updated_at = now()
         returning content_type, size, sha256, updated_at`,
        [productId, type, body, body.length, sha256],
      );
      const after = { contentType: row.content_type, size: row.size, sha256: row.sha256 };
      await this.audit.record(m, {
        action: 'product.image_set',
        entityType: 'product',
        entityId: productId,
        after,
      });
      await this.events.publish(m, 'product.updated', [productId]);
      return { ...after, updatedAt: row.updated_at.toISOString() };
    });
  }

  async remove(productId: string): Promise<void> {
    await this.tx.run(async (m) => {
      await this.lockProduct(m, productId);
      const deleted: Array<{ sha256: string }> = await m.query(
        `delete from product_images where product_id = $1 returning sha256`,
        [productId],
      );
      if (deleted.length === 0) throw notFound('product image', productId);
      await this.audit.record(m, {
        action: 'product.image_removed',
        entityType: 'product',
        entityId: productId,
        before: { sha256: deleted[0].sha256 },
      });
      await this.events.publish(m, 'product.updated', [productId]);
    });
  }

  async get(productId: string, m: EntityManager = this.dataSource.manager): Promise<ProductImage | null> {
    const [row]: ImageRow[] = await m.query(
      `select content_type, data, size, sha256, updated_at from product_images where product_id = $1`,
      [productId],
    );
    return row
      ? {
          contentType: row.content_type,
          data: row.data,
          size: row.size,
          sha256: row.sha256,
          updatedAt: row.updated_at,
        }
      : null;
  }

  private async lockProduct(m: EntityManager, productId: string): Promise<void> {
    const rows: Array<{ id: string }> = await m.query(`select id from products where id = $1 for update`, [
      productId,
    ]);
    if (rows.length === 0) throw notFound('product', productId);
  }
}
