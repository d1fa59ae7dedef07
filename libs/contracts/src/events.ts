import type { PermissionModule } from './permissions.js';

/** A change notice sent to live clients: what changed, never the data itself. */
export interface KapokEvent {
  type: string;
  ids: string[];
  at: string;
}

/** The module whose `view` permission a client needs to receive an event of this type. */
export function eventModule(type: string): PermissionModule | null {
  const prefix = type.split('.')[0];
  const map: Record<string, PermissionModule> = {
    stock: 'warehouse',
    product: 'warehouse',
    location: 'warehouse',
    warehouse: 'warehouse',
    bom: 'bom',
    mo: 'ppic',
    ppic: 'ppic',
    production: 'production',
    work_order: 'production',
    kanban: 'kanban',
    admin: 'admin',
    user: 'admin',
    role: 'admin',
    partner: 'partners',
    supplier_item: 'purchasing',
    sales_order: 'sales',
    purchase_order: 'purchasing',
    goods_receipt: 'purchasing',
    planning: 'planning',
    mrp_run: 'planning',
    mrp_planned_order: 'planning',
  };
  return map[prefix] ?? null;
}
