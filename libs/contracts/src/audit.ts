import type { PermissionModule } from './permissions.js';

/**
 * Every entity type the audit log records (snake_case, as `AuditWriter` writes it) and the module it
 * belongs to: the audit page filters by module through this table and names the types in words.
 */
export const AUDIT_ENTITY_MODULE = {
  user: 'admin',
  role: 'admin',
  api_key: 'admin',
  company: 'admin',
  product: 'warehouse',
  location: 'warehouse',
  lot: 'warehouse',
  stock_move: 'warehouse',
  stock_threshold: 'warehouse',
  stock_alert: 'warehouse',
  bom: 'bom',
  kanban_card: 'kanban',
  kanban_rule: 'kanban',
  manufacturing_order: 'ppic',
  work_order: 'production',
  handover: 'production',
  line_block: 'production',
  segregation_alarm: 'production',
  production_line: 'production',
  partner: 'partners',
  supplier_item: 'purchasing',
  sales_order: 'sales',
  purchase_order: 'purchasing',
  goods_receipt: 'purchasing',
  mrp_run: 'planning',
  mrp_planned_order: 'planning',
  'quality.lot': 'quality',
  quality_inspection: 'quality',
  test_plan: 'quality',
  lab_test: 'quality',
  shipment: 'shipping',
  gate_pass: 'warehouse',
  subcon_alert: 'warehouse',
} as const satisfies Record<string, PermissionModule>;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_MODULE;
export const AUDIT_ENTITY_TYPES = Object.keys(AUDIT_ENTITY_MODULE) as AuditEntityType[];

/** The entity types of one module, for the audit log's module filter. */
export const auditEntityTypesOf = (module: PermissionModule): AuditEntityType[] =>
  AUDIT_ENTITY_TYPES.filter((type) => AUDIT_ENTITY_MODULE[type] === module);
