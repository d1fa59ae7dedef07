import { Injectable } from '@nestjs/common';
import { DEFAULT_SUBCONTRACT_AGREED_DAYS, DEFAULT_SUPPLIER_LEAD_DAYS, unitFactor } from '@kapok/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import { isUniqueViolation } from '../../core/database/db-errors.js';
import { Transactions } from '../../core/database/transactions.js';
import { AppError, notFound, staleVersion, validationFailed } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import type { Page } from '../../core/http/paging.js';
import { productsByIds } from '../warehouse/warehouse.facts.js';
import type {
  CreatePartnerRequest,
  CreateSupplierItemRequest,
  PartnerFields,
  PartnerQuery,
  PartnerResponse,
  SupplierItemFields,
  SupplierItemQuery,
  SupplierItemResponse,
  UpdatePartnerRequest,
  UpdateSupplierItemRequest,
} from './dto/partners.dto.js';
import { toPartnerResponse, toSupplierItemResponse } from './partners.mappers.js';
import {
  clearPreferred,
  deleteSupplierItem,
  insertPartner,
  insertSupplierItem,
  listPartners,
  listSupplierItems,
  partnerById,
  partnerCodeTaken,
  type PartnerValues,
  supplierItemById,
  type SupplierItemRow,
  type SupplierItemValues,
  updatePartner,
  updateSupplierItem,
} from './partners.sql.js';

const partnerValues = (b: PartnerFields, current?: PartnerResponse): PartnerValues => ({
  name: b.name.trim(),
  type: b.type,
  address: b.address ?? null,
  contact: b.contact ?? null,
  email: b.email ?? null,
  phone: b.phone ?? null,
  transitDays: b.transitDays ?? current?.transitDays ?? 0,
  leadTimeDays: b.leadTimeDays ?? current?.leadTimeDays ?? DEFAULT_SUPPLIER_LEAD_DAYS,
  subcontractAgreedDays:
    b.subcontractAgreedDays ?? current?.subcontractAgreedDays ?? DEFAULT_SUBCONTRACT_AGREED_DAYS,
  active: b.active ?? current?.active ?? true,
});

const itemValues = (b: SupplierItemFields): SupplierItemValues => ({
  supplierCode: b.supplierCode ?? null,
  uom: b.uom,
  packSize: b.packSize ?? null,
  minimumQuantity: b.minimumQuantity ?? null,
  leadTimeDays: b.leadTimeDays ?? null,
  preferred: b.preferred ?? false,
  unitPrice: b.unitPrice ?? null,
});

const duplicateCode = (code: string) =>
  new AppError(409, 'DUPLICATE_CODE', `A partner with the code ${code} already exists`, { code });

/** Partners (customers, suppliers, subcontractors) and the supplier items planning buys from. */
@Injectable()
export class PartnersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  async list(q: PartnerQuery): Promise<Page<PartnerResponse>> {
    const { rows, total } = await listPartners(this.dataSource.manager, q, q.skip, q.limit);
    return { items: rows.map(toPartnerResponse), total, skip: q.skip, limit: q.limit };
  }

  async get(id: string): Promise<PartnerResponse> {
    const row = await partnerById(this.dataSource.manager, id);
    if (!row) throw notFound('partner', id);
    return toPartnerResponse(row);
  }

  async create(body: CreatePartnerRequest): Promise<PartnerResponse> {
    try {
      return await this.tx.run(async (m) => {
        if (await partnerCodeTaken(m, body.code)) throw duplicateCode(body.code);
        const id = await insertPartner(m, body.code, partnerValues(body));
        const after = toPartnerResponse((await partnerById(m, id))!);
        await this.audit.record(m, { action: 'partner.created', entityType: 'partner', entityId: id, after });
        await this.events.publish(m, 'partner.created', [id]);
        return after;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateCode(body.code);
      throw e;
    }
  }

  async update(id: string, body: UpdatePartnerRequest): Promise<PartnerResponse> {
    return this.tx.run(async (m) => {
      const row = await partnerById(m, id, true);
      if (!row) throw notFound('partner', id);
      if (row.version !== body.version) throw staleVersion('partner', row.version);
      const before = toPartnerResponse(row);
      await updatePartner(m, id, partnerValues(body, before));
      const after = toPartnerResponse((await partnerById(m, id))!);
      await this.audit.record(m, {
        action: 'partner.updated',
        entityType: 'partner',
        entityId: id,
        before,
        after,
      });
      await this.events.publish(m, 'partner.updated', [id]);
      return after;
    });
  }

  async listItems(q: SupplierItemQuery): Promise<Page<SupplierItemResponse>> {
    const m = this.dataSource.manager;
    const { rows, total } = await listSupplierItems(m, q, q.skip, q.limit);
    return { items: await this.itemResponses(m, rows), total, skip: q.skip, limit: q.limit };
  }

  async createItem(body: CreateSupplierItemRequest): Promise<SupplierItemResponse> {
    try {
      return await this.tx.run(async (m) => {
        const supplier = await partnerById(m, body.supplierId);
        if (!supplier) throw notFound('partner', body.supplierId);
        if (supplier.type !== 'SUPPLIER')
          throw validationFailed(`${supplier.code} is a ${supplier.type}, not a supplier`, [
            { field: 'supplierId', messages: ['must be a SUPPLIER partner'] },
          ]);
        await this.checkProductUnit(m, body.productId, body);
        const values = itemValues(body);
        const cleared = values.preferred ? await clearPreferred(m, body.productId, null) : [];
        const id = await insertSupplierItem(m, body.supplierId, body.productId, values);
        const [after] = await this.itemResponses(m, [(await supplierItemById(m, id))!]);
        await this.audit.record(m, {
          action: 'supplier_item.created',
          entityType: 'supplier_item',
          entityId: id,
          after: { ...after, unpreferred: cleared },
        });
        await this.events.publish(m, 'supplier_item.created', [id, ...cleared]);
        return after;
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError(
          409,
          'DUPLICATE_SUPPLIER_ITEM',
          'This supplier already has an item for this product; edit it instead',
          { supplierId: body.supplierId, productId: body.productId },
        );
      throw e;
    }
  }

  async updateItem(id: string, body: UpdateSupplierItemRequest): Promise<SupplierItemResponse> {
    return this.tx.run(async (m) => {
      const row = await supplierItemById(m, id, true);
      if (!row) throw notFound('supplier item', id);
      if (row.version !== body.version) throw staleVersion('supplier item', row.version);
      await this.checkProductUnit(m, row.product_id, body);
      const [before] = await this.itemResponses(m, [row]);
      const values = itemValues(body);
      const cleared = values.preferred ? await clearPreferred(m, row.product_id, id) : [];
      await updateSupplierItem(m, id, values);
      const [after] = await this.itemResponses(m, [(await supplierItemById(m, id))!]);
      await this.audit.record(m, {
        action: 'supplier_item.updated',
        entityType: 'supplier_item',
        entityId: id,
        before,
        after: { ...after, unpreferred: cleared },
      });
      await this.events.publish(m, 'supplier_item.updated', [id, ...cleared]);
      return after;
    });
  }

  async removeItem(id: string): Promise<void> {
    await this.tx.run(async (m) => {
      const row = await supplierItemById(m, id, true);
      if (!row) throw notFound('supplier item', id);
      const [before] = await this.itemResponses(m, [row]);
      await deleteSupplierItem(m, id);
      await this.audit.record(m, {
        action: 'supplier_item.deleted',
        entityType: 'supplier_item',
        entityId: id,
        before,
      });
      await this.events.publish(m, 'supplier_item.deleted', [id]);
    });
  }

  /** The purchase unit must convert to the product's stock unit, and pack/minimum are in it. */
  private async checkProductUnit(
    m: EntityManager,
    productId: string,
    body: SupplierItemFields,
  ): Promise<void> {
    const product = (await productsByIds(m, [productId])).get(productId);
    if (!product) throw notFound('product', productId);
    if (product.type !== 'RAW_MATERIAL' && product.type !== 'ACCESSORY')
      throw validationFailed(
        `${product.code} is a ${product.type}; only materials and accessories are bought`,
        [{ field: 'productId', messages: ['must be a RAW_MATERIAL or ACCESSORY'] }],
      );
    if (!unitFactor(body.uom, product.uom, product.unitConversions))
      throw new AppError(
        422,
        'UNIT_NOT_CONVERTIBLE',
        `${product.code} is stocked in ${product.uom}; ${body.uom} cannot be converted to it`,
        { uom: body.uom, stockUnit: product.uom },
      );
  }

  private async itemResponses(m: EntityManager, rows: SupplierItemRow[]): Promise<SupplierItemResponse[]> {
    const products = await productsByIds(
      m,
      rows.map((r) => r.product_id),
    );
    return rows.map((r) => toSupplierItemResponse(r, products.get(r.product_id)));
  }
}
