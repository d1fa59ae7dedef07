import { Injectable } from '@nestjs/common';
import { toStockUnits, type Unit } from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { AuditWriter } from '../../../core/audit/audit.writer.js';
import { Transactions } from '../../../core/database/transactions.js';
import { refuseFractionsOfWholeUnits } from '../products/whole-units.js';
import { AppError, notFound } from '../../../core/errors/app-error.js';
import type {
  AdjustmentRequest,
  IssueRequest,
  PostingResponse,
  ReceiptRequest,
  TransferRequest,
} from '../dto/stock.dto.js';
import { isInternal, LocationEntity } from '../entities/location.entity.js';
import { ProductEntity } from '../entities/product.entity.js';
import { LocationsService } from '../locations/locations.service.js';
import { LotsService } from '../lots/lots.service.js';
import { invalidMove } from '../warehouse.errors.js';
import { PostingService } from './posting.service.js';
import type { MoveOp } from './posting.types.js';
import { StockQueries } from './stock.queries.js';

/** The warehouse documents (receipt, issue, transfer, count) as commands over the posting service. */
@Injectable()
export class StockCommands {
  constructor(
    private readonly tx: Transactions,
    private readonly posting: PostingService,
    private readonly locations: LocationsService,
    private readonly lots: LotsService,
    private readonly queries: StockQueries,
    private readonly audit: AuditWriter,
  ) {}

  receive(body: ReceiptRequest): Promise<PostingResponse> {
    return this.command(
      'stock.receipt',
      async (m) => {
        const product = await this.product(m, body.productId);
        await this.internal(m, body.locationId, 'locationId');
        // Inspected material is quarantined per lot; stock without one could never be inspected.
        if (product.inspectionRequired && !body.lotNumber)
          throw new AppError(
            422,
            'VALIDATION_FAILED',
            `${product.code} is inspected on receipt: give its lot number`,
            [{ field: 'lotNumber', messages: ['required for a product that is inspected on receipt'] }],
          );
        const lot = body.lotNumber
          ? await this.lots.findOrCreate(
              m,
              product.id,
              body.lotNumber,
              body.receivedAt,
              body.supplierReference ?? null,
            )
          : null;
        return [
          {
            kind: 'move',
            type: 'RECEIPT',
            productId: product.id,
            fromLocationId: await this.locations.virtual('SUPPLIER'),
            toLocationId: body.locationId,
            lotId: lot?.id ?? null,
            ...this.quantity(product, body.quantity, body.uom),
          },
        ];
      },
      body.reference,
    );
  }

  issue(body: IssueRequest): Promise<PostingResponse> {
    return this.command(
      'stock.issue',
      async (m) => {
        const product = await this.product(m, body.productId);
        await this.internal(m, body.fromLocationId, 'fromLocationId');
        if (body.toLocationId) await this.location(m, body.toLocationId);
        return [
          {
            kind: 'move',
            type: 'ISSUE',
            productId: product.id,
            fromLocationId: body.fromLocationId,
            toLocationId: body.toLocationId ?? (await this.locations.virtual('PRODUCTION')),
            lotId: body.lotId ?? null,
            ...this.quantity(product, body.quantity, body.uom),
          },
        ];
      },
      body.reference,
    );
  }

  transfer(body: TransferRequest): Promise<PostingResponse> {
    return this.command(
      'stock.transfer',
      async (m) => {
        const product = await this.product(m, body.productId);
        await this.internal(m, body.fromLocationId, 'fromLocationId');
        await this.internal(m, body.toLocationId, 'toLocationId');
        if (body.fromLocationId === body.toLocationId)
          throw invalidMove('A transfer needs two different locations');
        return [
          {
            kind: 'move',
            type: 'TRANSFER',
            productId: product.id,
            fromLocationId: body.fromLocationId,
            toLocationId: body.toLocationId,
            lotId: body.lotId ?? null,
            ...this.quantity(product, body.quantity, body.uom),
          },
        ];
      },
      body.reference,
    );
  }

  /** A count: the difference to what is on hand moves to or from the LOSS location. */
  adjust(body: AdjustmentRequest): Promise<PostingResponse> {
    return this.command(
      'stock.adjustment',
      async (m) => {
        const product = await this.product(m, body.productId);
        await this.internal(m, body.locationId, 'locationId');
        const counted = new Decimal(this.quantity(product, body.countedQuantity, body.uom, true).quantity);
        const rows: Array<{ on_hand: string }> = await m.query(
          `select on_hand from stock_balances where product_id = $1 and location_id = $2 ${body.lotId ? 'and lot_id = $3' : ''}
          order by lot_id nulls first for update`,
          body.lotId ? [product.id, body.locationId, body.lotId] : [product.id, body.locationId],
        );
        const current = rows.reduce((s, r) => s.plus(r.on_hand), new Decimal(0));
        const difference = counted.minus(current);
        if (difference.isZero()) return [];
        const loss = await this.locations.virtual('LOSS');
        const gain = difference.gt(0);
        return [
          {
            kind: 'move',
            type: 'ADJUSTMENT',
            productId: product.id,
            fromLocationId: gain ? loss : body.locationId,
            toLocationId: gain ? body.locationId : loss,
            lotId: body.lotId ?? null,
            quantity: difference.abs().toFixed(4),
            note: body.reason,
          },
        ];
      },
      null,
    );
  }

  private async command(
    action: string,
    build: (m: EntityManager) => Promise<MoveOp[]>,
    reference?: string | null,
  ) {
    return this.tx.run(async (m) => {
      const ops = await build(m);
      const result = await this.posting.post(m, ops, { reference: reference ?? null });
      const moves = await this.queries.movesByIds(
        m,
        result.moves.map((mv) => mv.id),
      );
      const first = ops[0];
      await this.audit.record(m, {
        action,
        entityType: 'stock_move',
        entityId: moves[0]?.id ?? (first && 'productId' in first ? first.productId : 'none'),
        after: {
          reference: reference ?? null,
          moves: moves.map((mv) => ({
            id: mv.id,
            product: mv.productCode,
            quantity: mv.quantity,
            from: mv.fromLocationCode,
            to: mv.toLocationCode,
            lot: mv.lotNumber,
          })),
        },
      });
      return { moves };
    });
  }

  private quantity(product: ProductEntity, quantity: number, uom: Unit | undefined, allowZero = false) {
    const from = uom ?? product.uom;
    refuseFractionsOfWholeUnits([
      { field: allowZero ? 'countedQuantity' : 'quantity', quantity, uom: from, label: product.code },
    ]);
    const converted = toStockUnits(quantity, from, product.uom, product.unitConversions);
    if (converted === null) {
      throw new AppError(
        422,
        'UNIT_NOT_CONVERTIBLE',
        `${product.code} is stocked in ${product.uom}; ${from} cannot be converted to it`,
        {
          uom: from,
          stockUnit: product.uom,
        },
      );
    }
    if (!allowZero && new Decimal(converted).lte(0)) {
      throw new AppError(422, 'VALIDATION_FAILED', 'The quantity is too small for the stock unit', [
        { field: 'quantity', messages: ['rounds to zero'] },
      ]);
    }
    return { quantity: converted, entered: uom && uom !== product.uom ? { quantity, uom } : undefined };
  }

  private async product(m: EntityManager, id: string): Promise<ProductEntity> {
    // FOR SHARE: the stock unit cannot change underneath a posting.
    const product = await m.findOne(ProductEntity, { where: { id }, lock: { mode: 'pessimistic_read' } });
    if (!product) throw notFound('product', id);
    if (!product.active) throw new AppError(409, 'PRODUCT_INACTIVE', `${product.code} is inactive`);
    return product;
  }

  private async location(m: EntityManager, id: string): Promise<LocationEntity> {
    const location = await m.findOneBy(LocationEntity, { id });
    if (!location) throw notFound('location', id);
    return location;
  }

  private async internal(m: EntityManager, id: string, field: string): Promise<LocationEntity> {
    const location = await this.location(m, id);
    if (!isInternal(location.type)) {
      throw new AppError(
        422,
        'VALIDATION_FAILED',
        `${location.code} is a virtual location and holds no stock`,
        [{ field, messages: ['must be a warehouse, line or transit location'] }],
      );
    }
    return location;
  }
}
