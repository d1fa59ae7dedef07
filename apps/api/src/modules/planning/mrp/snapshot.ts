import { DEFAULT_PRODUCTION_LEAD_DAYS } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import { readActiveBomLines } from '../../bom/bom.facts.js';
import { readApprovedMoMaterials, readOpenMos } from '../../ppic/orders/mo.facts.js';
import { readFreeStock, readPlanningProducts } from '../../warehouse/stock/stock.facts.js';
import { subtractWorkingDays, type PlanDate } from './calendar.js';
import type { MrpMoDemand, MrpMoSupply, MrpSnapshot } from './engine.types.js';

/**
 * Reads everything a run needs with one set-based statement per fact (never one per product), through
 * the read functions of the modules that own the tables. Call it inside a REPEATABLE READ transaction so
 * all facts come from one snapshot.
 */
export async function readSnapshot(
  manager: EntityManager,
  today: PlanDate,
  horizonWeeks: number,
): Promise<MrpSnapshot> {
  const products = await readPlanningProducts(manager);
  const stock = await readFreeStock(manager);
  const bomLines = await readActiveBomLines(manager);
  const mos = await readOpenMos(manager);
  const frozen = await readApprovedMoMaterials(manager);

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
      qtyOutput: l.qty_output,
      componentId: l.component_id,
      qtyNeeded: l.qty_needed,
      uom: l.uom,
      wastagePercent: l.wastage_percent,
      department: l.department,
    })),
    stock: stock.map((s) => ({ productId: s.product_id, free: s.free })),
    moSupply,
    moDemand,
    poSupply: [],
    salesDemand: [],
    supplierItems: [],
  };
}
