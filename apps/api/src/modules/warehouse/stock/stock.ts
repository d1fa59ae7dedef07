import { Injectable } from '@nestjs/common';
import { Decimal } from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';

interface FreeRow {
  product_id: string;
  location_id: string;
  free: string;
}
interface ReservedRow {
  document_id: string;
  product_id: string;
  location_id: string;
  quantity: string;
}

/** Free stock counts only lots QC released (and stock kept without a lot). */
const RELEASED_ONLY = `left join lots q on q.id = b.lot_id`;
const IS_RELEASED = `(q.id is null or q.quality_status = 'RELEASED')`;

/** What other modules may ask about stock; every answer is in the product's stock unit. */
@Injectable()
export class Stock {
  constructor(private readonly dataSource: DataSource) {}

  /** Free (on hand − reserved) stock of products at locations, per `product|location`; missing pairs are 0. */
  async free(
    products: readonly string[],
    locations: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<(productId: string, locationId: string) => Decimal> {
    const rows: FreeRow[] =
      products.length && locations.length
        ? await m.query(
            `select b.product_id, b.location_id, sum(b.on_hand - b.reserved) as free from stock_balances b
              ${RELEASED_ONLY}
              where ${IS_RELEASED} and b.product_id = any($1::uuid[]) and b.location_id = any($2::uuid[])
              group by b.product_id, b.location_id`,
            [products, locations],
          )
        : [];
    const byPair = new Map(rows.map((r) => [`${r.product_id}|${r.location_id}`, new Decimal(r.free)]));
    return (productId, locationId) => byPair.get(`${productId}|${locationId}`) ?? new Decimal(0);
  }

  /** Free stock per product over all WAREHOUSE racks (what a plan can still draw on). */
  async freeInWarehouse(
    products: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Decimal>> {
    if (products.length === 0) return new Map();
    const rows: Array<{ product_id: string; free: string }> = await m.query(
      `select b.product_id, sum(b.on_hand - b.reserved) as free
         from stock_balances b join locations l on l.id = b.location_id and l.type = 'WAREHOUSE'
         ${RELEASED_ONLY}
        where ${IS_RELEASED} and b.product_id = any($1::uuid[])
        group by b.product_id`,
      [products],
    );
    return new Map(rows.map((r) => [r.product_id, new Decimal(r.free)]));
  }

  /** Open reservations of documents of one type, summed per document, product and location. */
  async reservedFor(
    documentType: string,
    documentIds: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Array<{ documentId: string; productId: string; locationId: string; quantity: Decimal }>> {
    if (documentIds.length === 0) return [];
    const rows: ReservedRow[] = await m.query(
      `select document_id, product_id, location_id, sum(open_quantity) as quantity from stock_reservations
        where document_type = $1 and document_id = any($2::uuid[]) and status = 'OPEN'
        group by document_id, product_id, location_id
        order by document_id, product_id, location_id`,
      [documentType, documentIds],
    );
    return rows.map((r) => ({
      documentId: r.document_id,
      productId: r.product_id,
      locationId: r.location_id,
      quantity: new Decimal(r.quantity),
    }));
  }
}
