import { DEFAULT_PRODUCTION_LEAD_DAYS } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import { readActiveBomLines } from '../../bom/bom.facts.js';
import type { PartnersFacts } from '../../partners/partners.facts.js';
import { draftPurchaseLines } from '../../purchasing/purchase-order.refs.js';
import type { PurchasingFacts } from '../../purchasing/purchasing.facts.js';
import type { SalesFacts } from '../../sales/sales.facts.js';
import { readApprovedMoMaterials, readOpenMos } from '../../ppic/orders/mo.facts.js';
import { readFreeStock, readPlanningProducts } from '../../warehouse/stock/stock.facts.js';
import { subtractWorkingDays, type PlanDate } from './calendar.js';
import type { MrpMoDemand, MrpMoSupply, MrpSnapshot } from './engine.types.js';

/** The orders modules' read services a run reads through (stateless; injected in the app). */
export interface PlanningSources {
  sales: Pick<SalesFacts, 'demandLines'>;
  purchasing: Pick<PurchasingFacts, 'openLines'>;
  partners: Pick<PartnersFacts, 'preferredSupplierItems'>;
}

/**
 * Reads everything a run needs with one set-based statement per fact (never one per product), through
 * the read functions of the modules that own the tables. Call it inside a REPEATABLE READ transaction so
 * all facts come from one snapshot.
 */
export async function readSnapshot(
  manager: EntityManager,
  today: PlanDate,
  horizonWeeks: number,
  sources: PlanningSources,
): Promise<MrpSnapshot> {
  const products = await readPlanningProducts(manager);
  const stock = await readFreeStock(manager);
  const bomLines = await readActiveBomLines(manager);
  const mos = await readOpenMos(manager);
  const frozen = await readApprovedMoMaterials(manager);
  const sales = await sources.sales.demandLines(manager);
  const purchases = await sources.purchasing.openLines(manager);
  // Draft POs count as supply, like draft MOs: released BUY orders must not be planned twice.
  const drafts = await draftPurchaseLines(manager);
  const supplierItems = await sources.partners.preferredSupplierItems(manager);

  const leadDays = new Map(
    products.map((p) => [p.id, p.production_lead_days ?? DEFAULT_PRODUCTION_LEAD_DAYS]),
  );
  const materialsByMo = new Map<string, MrpMoDemand['materials']>();
  for (const f of frozen) {
    const list = materialsByMo.get(f.mo_id) ?? [];
    list.push({ productId: f.product_id, quantity: f.quantity });
    materialsByMo.set(f.mo_id, list);
  }
  const moSupply: MrpMoSupply[] = [];
  const moDemand: MrpMoDemand[] = [];
  for (const mo of mos) {
    // DRAFT MOs count as supply too: released planned orders become drafts, and planning them again
    // would order the same goods twice.
    moSupply.push({
      moId: mo.id,
      batchNumber: mo.batch_number,
      productId: mo.product_id,
      quantity: mo.qty_planned,
      dueDate: mo.due_date,
    });
    if (mo.state === 'IN_PROGRESS') continue;
    const start = mo.due_date
      ? subtractWorkingDays(mo.due_date, leadDays.get(mo.product_id) ?? DEFAULT_PRODUCTION_LEAD_DAYS)
      : today;
    moDemand.push({
      moId: mo.id,
      batchNumber: mo.batch_number,
      startDate: start < today ? today : start,
      explode: mo.state === 'DRAFT' ? { productId: mo.product_id, quantity: mo.qty_planned } : null,
      materials: mo.state === 'APPROVED' ? (materialsByMo.get(mo.id) ?? []) : [],
    });
  }

  return {
    today,
    horizonWeeks,
    products: products.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      type: p.type,
      uom: p.uom,
      unitConversions: p.unit_conversions ?? [],
      safetyStock: p.safety_stock,
      productionLeadDays: p.production_lead_days,
    })),
    bomLines: bomLines.map((l) => ({
      parentId: l.parent_id,
      outputQuantity: l.qty_output,
      componentId: l.component_id,
      neededQuantity: l.qty_needed,
      uom: l.uom,
      wastagePercent: l.wastage_percent,
      department: l.department,
    })),
    stock: stock.map((s) => ({ productId: s.product_id, free: s.free })),
    moSupply,
    moDemand,
    poSupply: [
      ...purchases.map((l) => ({
        poLineId: l.poLineId,
        poNumber: l.poNumber,
        productId: l.productId,
        quantity: l.quantity,
        uom: l.uom,
        expectedDate: l.expectedDate,
      })),
      ...drafts.map((l) => ({
        poLineId: l.po_line_id,
        poNumber: `${l.po_number} (draft)`,
        productId: l.product_id,
        quantity: l.quantity,
        uom: l.uom,
        expectedDate: l.expected_date,
      })),
    ],
    salesDemand: sales.map((l) => ({
      salesOrderLineId: l.salesOrderLineId,
      soNumber: l.soNumber,
      productId: l.productId,
      quantity: String(l.quantity),
      exFactoryDate: l.exFactoryDate,
      deliveryWeek: l.deliveryWeek,
      destination: l.destination,
    })),
    supplierItems: supplierItems.map((i) => ({
      supplierItemId: i.supplierItemId,
      supplierId: i.supplierId,
      supplierName: i.supplierName,
      productId: i.productId,
      purchaseUom: i.purchaseUom,
      packSize: i.packSize,
      minimumQuantity: i.minimumQuantity,
      leadTimeDays: i.leadTimeDays,
    })),
  };
}
