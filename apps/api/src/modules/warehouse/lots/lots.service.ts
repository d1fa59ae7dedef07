import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../../core/audit/audit.writer.js';
import { Transactions } from '../../../core/database/transactions.js';
import { AppError, notFound } from '../../../core/errors/app-error.js';
import { escapeLike } from '../../../core/database/like.js';
import type { CreateLotRequest, LotPage, LotQuery, LotResponse } from '../dto/location.dto.js';
import { LotEntity } from '../entities/lot.entity.js';
import { ProductEntity } from '../entities/product.entity.js';

@Injectable()
export class LotsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditWriter,
  ) {}

  async list(q: LotQuery): Promise<LotPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.productId) where.push(`l.product_id = $${params.push(q.productId)}`);
    if (q.search) where.push(`l.lot_number ilike $${params.push(`%${escapeLike(q.search)}%`)}`);
    const having = q.inStock ? 'having coalesce(sum(b.on_hand), 0) > 0' : '';
    const sql = `select l.*, coalesce(sum(b.on_hand), 0) as on_hand, count(*) over() as total
                   from lots l left join stock_balances b on b.lot_id = l.id
                  ${where.length ? `where ${where.join(' and ')}` : ''}
                  group by l.id ${having}
                  order by l.received_at desc, l.lot_number
                  limit $${params.push(q.limit)} offset $${params.push(q.skip)}`;
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(sql, params);
    return { items: rows.map(lotRow), total: Number(rows[0]?.total ?? 0), skip: q.skip, limit: q.limit };
  }

  async create(body: CreateLotRequest): Promise<LotResponse> {
    return this.tx.run(async (m) => {
      const lot = await this.findOrCreate(
        m,
        body.productId,
        body.lotNumber,
        body.receivedAt,
        body.supplierReference,
        true,
      );
      await this.audit.record(m, { action: 'lot.created', entityType: 'lot', entityId: lot.id, after: lot });
      return { ...lotResponse(lot), onHand: 0 };
    });
  }

  /** The lot of a receipt: found by number, or created with its received date. */
  async findOrCreate(
    m: EntityManager,
    productId: string,
    lotNumber: string,
    receivedAt?: Date,
    supplierReference?: string | null,
    mustBeNew = false,
  ): Promise<LotEntity> {
    if (!(await m.existsBy(ProductEntity, { id: productId }))) throw notFound('product', productId);
    const inserted: LotEntity[] = await m.query(
      // A product that needs incoming inspection arrives in QUARANTINE.
      `insert into lots (product_id, lot_number, received_at, supplier_reference, quality_status)
       select $1, $2, $3, $4, case when p.inspection_required then 'QUARANTINE' else 'RELEASED' end::lot_quality_status
         from products p where p.id = $1
       on conflict (product_id, lot_number) do nothing
       returning id`,
      [productId, lotNumber, receivedAt ?? new Date(), supplierReference ?? null],
    );
    if (mustBeNew && inserted.length === 0) {
      throw new AppError(409, 'DUPLICATE_CODE', `The lot ${lotNumber} already exists for this product`, {
        lotNumber,
      });
    }
    return m.findOneByOrFail(LotEntity, { productId, lotNumber });
  }
}

const lotResponse = (l: LotEntity): Omit<LotResponse, 'onHand'> => ({
  id: l.id,
  productId: l.productId,
  lotNumber: l.lotNumber,
  receivedAt: l.receivedAt.toISOString(),
  supplierReference: l.supplierReference,
  qualityStatus: l.qualityStatus,
  createdAt: l.createdAt.toISOString(),
  updatedAt: l.updatedAt.toISOString(),
});

const lotRow = (r: Record<string, unknown>): LotResponse => ({
  id: r.id as string,
  productId: r.product_id as string,
  lotNumber: r.lot_number as string,
  receivedAt: (r.received_at as Date).toISOString(),
  supplierReference: (r.supplier_reference as string | null) ?? null,
  onHand: Number(r.on_hand),
  qualityStatus: r.quality_status as LotResponse['qualityStatus'],
  createdAt: (r.created_at as Date).toISOString(),
  updatedAt: (r.updated_at as Date).toISOString(),
});
