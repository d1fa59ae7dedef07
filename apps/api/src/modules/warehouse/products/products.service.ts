import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_PRODUCTION_LEAD_DAYS } from '@kapok/contracts';
import { AuditWriter } from '../../../core/audit/audit.writer.js';
import { isUniqueViolation } from '../../../core/database/db-errors.js';
import { Transactions } from '../../../core/database/transactions.js';
import { AppError, notFound, staleVersion } from '../../../core/errors/app-error.js';
import { EventPublisher } from '../../../core/events/event-publisher.js';
import { escapeLike } from '../../../core/database/like.js';
import type { CsvExport } from '../../../core/http/csv.js';
import { PRODUCT_CSV_COLUMNS, PRODUCT_CSV_SELECT, type ProductCsvRow } from './products.csv.js';
import {
  type CreateProductRequest,
  PRODUCT_SORT,
  type ProductPage,
  type ProductQuery,
  type ProductResponse,
  type UpdateProductRequest,
} from '../dto/product.dto.js';
import { ProductEntity } from '../entities/product.entity.js';

@Injectable()
export class ProductsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  async list(q: ProductQuery): Promise<ProductPage> {
    const [rows, total] = await this.listQuery(q).skip(q.skip).take(q.limit).getManyAndCount();
    return { items: rows.map(toProductResponse), total, skip: q.skip, limit: q.limit };
  }

  /** The same list as CSV, every row of the filter, streamed. */
  exportCsv(q: ProductQuery): CsvExport<ProductCsvRow, ProductCsvRow> {
    const qb = this.listQuery(q).select([]);
    for (const [alias, column] of Object.entries(PRODUCT_CSV_SELECT)) qb.addSelect(column, alias);
    const [sql, params] = qb.getQueryAndParameters();
    return { sql, params, map: (rows) => rows, columns: PRODUCT_CSV_COLUMNS, filename: 'products.csv' };
  }

  private listQuery(q: ProductQuery) {
    const qb = this.dataSource.getRepository(ProductEntity).createQueryBuilder('p');
    if (q.code) qb.andWhere('p.code = :code', { code: q.code });
    if (q.type) qb.andWhere('p.type = :type', { type: q.type });
    if (q.active !== undefined) qb.andWhere('p.active = :active', { active: q.active });
    if (q.search) qb.andWhere('(p.code ilike :s or p.name ilike :s)', { s: `%${escapeLike(q.search)}%` });
    if (q.updatedSince)
      qb.andWhere("date_trunc('milliseconds', p.updated_at) > :since", { since: q.updatedSince });
    if (!q.sort) return qb.orderBy('p.code');
    const desc = q.sort.startsWith('-');
    const field = (desc ? q.sort.slice(1) : q.sort) as (typeof PRODUCT_SORT)[number];
    return qb
      .orderBy(`p.${field}`, desc ? 'DESC' : 'ASC', 'NULLS LAST')
      .addOrderBy('p.id', desc ? 'DESC' : 'ASC');
  }

  async get(id: string): Promise<ProductResponse> {
    const product = await this.dataSource.getRepository(ProductEntity).findOneBy({ id });
    if (!product) throw notFound('product', id);
    return toProductResponse(product);
  }

  async create(body: CreateProductRequest): Promise<ProductResponse> {
    validateConversions(body);
    return this.unique(body.code, () =>
      this.tx.run(async (m) => {
        const product = await m.save(
          m.create(ProductEntity, {
            code: body.code,
            name: body.name.trim(),
            type: body.type,
            uom: body.uom,
            unitConversions: body.unitConversions ?? [],
            productionLeadDays: body.productionLeadDays ?? DEFAULT_PRODUCTION_LEAD_DAYS,
            cartonsPerPallet: body.cartonsPerPallet ?? null,
            active: body.active ?? true,
            ...passportFields(body),
            inspectionRequired: body.inspectionRequired ?? false,
            standardWeightGrams: grams(body.standardWeightGrams),
            weightToleranceGrams: grams(body.weightToleranceGrams),
          }),
        );
        const after = toProductResponse(product);
        await this.audit.record(m, {
          action: 'product.created',
          entityType: 'product',
          entityId: product.id,
          after,
        });
        await this.events.publish(m, 'product.created', [product.id]);
        return after;
      }),
    );
  }

  async update(id: string, body: UpdateProductRequest): Promise<ProductResponse> {
    validateConversions(body);
    return this.unique(body.code, () =>
      this.tx.run(async (m) => {
        const product = await this.lock(m, id);
        if (body.version !== undefined && body.version !== product.version)
          throw staleVersion('product', product.version);
        const before = toProductResponse(product);
        if (body.uom !== product.uom) {
          const [{ moved }] = await m.query(
            'select exists(select 1 from stock_moves where product_id = $1) as moved',
            [id],
          );
          if (moved) {
            throw new AppError(
              409,
              'PRODUCT_HAS_STOCK',
              `The stock unit of ${product.code} cannot change once stock has moved`,
              {
                uom: product.uom,
              },
            );
          }
        }
        await m.update(
          ProductEntity,
          { id },
          {
            code: body.code,
            name: body.name.trim(),
            type: body.type,
            uom: body.uom,
            unitConversions: body.unitConversions ?? [],
            productionLeadDays: body.productionLeadDays ?? product.productionLeadDays,
            cartonsPerPallet:
              body.cartonsPerPallet === undefined ? product.cartonsPerPallet : body.cartonsPerPallet,
            active: body.active ?? product.active,
            ...passportFields(body),
            inspectionRequired: body.inspectionRequired ?? product.inspectionRequired,
            standardWeightGrams:
              body.standardWeightGrams === undefined
                ? product.standardWeightGrams
                : grams(body.standardWeightGrams),
            weightToleranceGrams:
              body.weightToleranceGrams === undefined
                ? product.weightToleranceGrams
                : grams(body.weightToleranceGrams),
            version: product.version + 1,
          },
        );
        const after = toProductResponse(await m.findOneByOrFail(ProductEntity, { id }));
        await this.audit.record(m, {
          action: 'product.updated',
          entityType: 'product',
          entityId: id,
          before,
          after,
        });
        await this.events.publish(m, 'product.updated', [id]);
        return after;
      }),
    );
  }

  private async lock(m: EntityManager, id: string): Promise<ProductEntity> {
    const product = await m.findOne(ProductEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!product) throw notFound('product', id);
    return product;
  }

  private async unique<T>(code: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError(409, 'DUPLICATE_CODE', `A product with the code ${code} already exists`, { code });
      throw e;
    }
  }
}

function validateConversions(body: CreateProductRequest): void {
  const units = (body.unitConversions ?? []).map((c) => c.uom);
  if (units.includes(body.uom)) {
    throw new AppError(422, 'VALIDATION_FAILED', 'A unit conversion cannot be for the stock unit itself', [
      { field: 'unitConversions', messages: ['conversion for the stock unit'] },
    ]);
  }
  if (new Set(units).size !== units.length) {
    throw new AppError(422, 'VALIDATION_FAILED', 'Each unit may have one conversion', [
      { field: 'unitConversions', messages: ['duplicate unit'] },
    ]);
  }
}

/** The passport fields a request sets: absent ones are left out (kept), null clears. */
function passportFields(body: CreateProductRequest): Partial<ProductEntity> {
  const fields: Partial<ProductEntity> = {
    hsCode: body.hsCode,
    ageGrade: body.ageGrade,
    warnings: body.warnings,
    legislation: body.legislation,
    harmonisedStandards: body.harmonisedStandards,
    fibre: body.fibre,
    fibreOrigin: body.fibreOrigin,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}
const grams = (g: number | null | undefined): string | null =>
  g === undefined || g === null ? null : String(g);
const gramsOf = (g: string | null): number | null => (g === null ? null : Number(g));

export const toProductResponse = (p: ProductEntity): ProductResponse => ({
  id: p.id,
  code: p.code,
  name: p.name,
  type: p.type,
  uom: p.uom,
  unitConversions: (p.unitConversions ?? []).map((c) => ({ uom: c.uom, factor: Number(c.factor) })),
  productionLeadDays: p.productionLeadDays,
  cartonsPerPallet: p.cartonsPerPallet ?? null,
  active: p.active,
  hsCode: p.hsCode ?? null,
  ageGrade: p.ageGrade ?? null,
  warnings: p.warnings ?? [],
  legislation: p.legislation ?? [],
  harmonisedStandards: p.harmonisedStandards ?? [],
  fibre: p.fibre ?? null,
  fibreOrigin: p.fibreOrigin ?? null,
  inspectionRequired: p.inspectionRequired,
  batchReleaseRequired: p.batchReleaseRequired,
  standardWeightGrams: gramsOf(p.standardWeightGrams),
  weightToleranceGrams: gramsOf(p.weightToleranceGrams),
  version: p.version,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});
