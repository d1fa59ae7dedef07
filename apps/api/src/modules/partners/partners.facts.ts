import { Injectable } from '@nestjs/common';
import type { PartnerType, Unit } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import { listPartners, partnersByIds, preferredSupplierItems } from './partners.sql.js';

/** A partner as other modules read it. */
export interface PartnerFact {
  id: string;
  code: string;
  name: string;
  type: PartnerType;
  transitDays: number;
  leadTimeDays: number;
  /** Subcontractors: days they may hold Kapok's goods. */
  subcontractAgreedDays: number;
  active: boolean;
}

/** The preferred way to buy a product (planning.md: the MRP buys from it). */
export interface PreferredSupplierItem {
  supplierItemId: string;
  supplierId: string;
  supplierCode: string;
  supplierName: string;
  productId: string;
  /** The purchase unit. */
  purchaseUom: Unit;
  /** Order multiples in the purchase unit, or null. */
  packSize: string | null;
  /** In the purchase unit, or null. */
  minimumQuantity: string | null;
  /** The item's lead time, else the supplier's. */
  leadTimeDays: number;
}

/**
 * What other modules (sales, purchasing, planning) may read of partners and supplier items; each
 * call takes the caller's manager, so it reads inside the caller's transaction or snapshot.
 */
@Injectable()
export class PartnersFacts {
  async byIds(m: EntityManager, ids: readonly string[]): Promise<Map<string, PartnerFact>> {
    const rows = await partnersByIds(m, ids);
    return new Map(
      [...rows.values()].map((r) => [
        r.id,
        {
          id: r.id,
          code: r.code,
          name: r.name,
          type: r.type,
          transitDays: r.transit_days,
          leadTimeDays: r.lead_time_days,
          subcontractAgreedDays: r.subcontract_agreed_days,
          active: r.active,
        },
      ]),
    );
  }

  /** Partners whose code or name contains `term` (at most 200), by id. */
  async search(m: EntityManager, term: string): Promise<Map<string, PartnerFact>> {
    const { rows } = await listPartners(m, { search: term }, 0, 200);
    return this.byIds(
      m,
      rows.map((r) => r.id),
    );
  }

  /** Every preferred supplier item of an active supplier, in one query. */
  async preferredSupplierItems(m: EntityManager): Promise<PreferredSupplierItem[]> {
    const rows = await preferredSupplierItems(m);
    return rows.map((r) => ({
      supplierItemId: r.id,
      supplierId: r.supplier_id,
      supplierCode: r.supplier_code_key,
      supplierName: r.supplier_name,
      productId: r.product_id,
      purchaseUom: r.uom,
      packSize: r.pack_size,
      minimumQuantity: r.minimum_quantity,
      leadTimeDays: r.lead_time_days ?? r.supplier_lead_time_days,
    }));
  }
}
