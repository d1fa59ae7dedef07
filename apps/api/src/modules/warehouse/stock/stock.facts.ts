import type { ProductType, Unit, UnitConversion } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';

/** Set-based reads of products and stock for planning (MRP): one statement each, whatever the catalogue size. */

export interface PlanningProductRow {
  id: string;
  code: string;
  name: string;
  type: ProductType;
  uom: Unit;
  unit_conversions: UnitConversion[];
  production_lead_days: number;
  /** The product-wide LOW threshold, kept as safety stock. */
  safety_stock: string | null;
}

export function readPlanningProducts(manager: EntityManager): Promise<PlanningProductRow[]> {
  return manager.query(
    `select p.id, p.code, p.name, p.type, p.uom, p.unit_conversions, p.production_lead_days, t.min_qty::text as safety_stock
       from products p
       left join stock_thresholds t on t.product_id = p.id and t.location_id is null
      where p.active`,
  );
}

export interface FreeStockRow {
  product_id: string;
  free: string;
}

/** On hand − reserved per product over the internal locations (racks, lines, transit), released lots only. */
export function readFreeStock(manager: EntityManager): Promise<FreeStockRow[]> {
  return manager.query(
    `select b.product_id, sum(b.on_hand - b.reserved)::text as free
       from stock_balances b
       join locations l on l.id = b.location_id and l.type in ('WAREHOUSE', 'LINE', 'TRANSIT', 'SUBCONTRACTOR')
       left join lots lot on lot.id = b.lot_id
      where lot.id is null or lot.quality_status = 'RELEASED'
      group by b.product_id
     having sum(b.on_hand - b.reserved) <> 0`,
  );
}
