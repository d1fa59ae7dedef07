import type { PermissionModule } from './permissions.js';

/**
 * Every change notice Kapok sends, named `<entity>.<past tense>`. The entity is the snake_case name the
 * audit log uses; a client follows an entity by its prefix (`kanban_card.`).
 */
export const EVENT_TYPES = [
  'user.created',
  'user.updated',
  'role.created',
  'role.updated',
  'session.revoked',
  'api_key.created',
  'api_key.revoked',
  'product.created',
  'product.updated',
  'location.created',
  'location.updated',
  'lot.created',
  'stock.changed',
  'stock_threshold.set',
  'stock_threshold.deleted',
  'stock_alert.opened',
  'stock_alert.raised',
  'stock_alert.updated',
  'stock_alert.resolved',
  'stock_alert.acknowledged',
  'bom.created',
  'bom.revised',
  'bom.deleted',
  'kanban_card.created',
  'kanban_card.approved',
  'kanban_card.rejected',
  'kanban_card.shipped',
  'kanban_card.received',
  'kanban_card.cancelled',
  'kanban_card.repositioned',
  'kanban_rule.set',
  'kanban_rule.deleted',
  'manufacturing_order.created',
  'manufacturing_order.approved',
  'manufacturing_order.started',
  'manufacturing_order.completed',
  'manufacturing_order.cancelled',
  'manufacturing_order.returned',
  'manufacturing_order.updated',
  'manufacturing_order.progressed',
  'work_order.created',
  'work_order.started',
  'work_order.output_recorded',
  'work_order.handed_over',
  'work_order.updated',
  'work_order.closed',
  'handover.created',
  'handover.accepted',
  'partner.created',
  'partner.updated',
  'supplier_item.created',
  'supplier_item.updated',
  'supplier_item.deleted',
  'sales_order.created',
  'sales_order.updated',
  'sales_order.confirmed',
  'sales_order.cancelled',
  'sales_order.closed',
  'sales_order.partially_shipped',
  'sales_order.shipped',
  'purchase_order.created',
  'purchase_order.updated',
  'purchase_order.approved',
  'purchase_order.cancelled',
  'purchase_order.closed',
  'purchase_order.received',
  'goods_receipt.created',
  'company.updated',
  'passport.issued',
  'mrp_run.started',
  'mrp_run.finished',
  'mrp_run.failed',
  'mrp_run.released',
  'mrp_planned_order.released',
  // The planning spec names the run's progress notice this way (planning.md).
  'planning.mrp.progress',
  // A lot's quality status changed (quality-shipping.md names them `quality.lot.*`).
  'quality.lot.quarantined',
  'quality.lot.released',
  'quality.lot.rejected',
  'quality.lot.blocked',
  'quality_inspection.recorded',
  'test_plan.updated',
  'lab_test.recorded',
  'shipment.created',
  'shipment.picked',
  'shipment.shipped',
  'shipment.cancelled',
  // Outgoing webhooks: never sent to webhooks themselves.
  'webhook_subscription.created',
  'webhook_subscription.updated',
  'webhook_subscription.deleted',
  'webhook_delivery.created',
  'webhook_delivery.attempted',
  'quality_alert.opened',
  'quality_alert.acknowledged',
  // shop-floor control: a refused handover (line not clear), a segregation alarm, their escalation
  'line_block.created',
  'line_block.cleared',
  'line_block.overridden',
  'line_block.escalated',
  'segregation_alarm.raised',
  'segregation_alarm.acknowledged',
  'segregation_alarm.escalated',
  'production_line.scrapped',
  // the subcontract route: gate passes and stock overdue at a subcontractor
  'gate_pass.created',
  'gate_pass.counted',
  'gate_pass.cancelled',
  'gate_pass.moved_to_line',
  'subcon_alert.opened',
  'subcon_alert.resolved',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export type EventEntity = EventType extends `${infer E}.${string}` ? E : never;

/** The module whose `view` permission a live client needs to receive an entity's events. */
export const EVENT_ENTITY_MODULE: Record<EventEntity, PermissionModule> = {
  user: 'admin',
  role: 'admin',
  session: 'admin',
  api_key: 'admin',
  product: 'warehouse',
  location: 'warehouse',
  lot: 'warehouse',
  stock: 'warehouse',
  stock_threshold: 'warehouse',
  stock_alert: 'warehouse',
  bom: 'bom',
  kanban_card: 'kanban',
  kanban_rule: 'kanban',
  manufacturing_order: 'ppic',
  work_order: 'production',
  handover: 'production',
  partner: 'partners',
  supplier_item: 'purchasing',
  sales_order: 'sales',
  purchase_order: 'purchasing',
  goods_receipt: 'purchasing',
  company: 'admin',
  passport: 'quality',
  mrp_run: 'planning',
  mrp_planned_order: 'planning',
  planning: 'planning',
  quality: 'quality',
  quality_inspection: 'quality',
  test_plan: 'quality',
  lab_test: 'quality',
  shipment: 'shipping',
  webhook_subscription: 'admin',
  webhook_delivery: 'admin',
  // QC and the finishing supervisor both see production; the supervisor has no quality.view.
  quality_alert: 'production',
  line_block: 'production',
  segregation_alarm: 'production',
  production_line: 'production',
  gate_pass: 'warehouse',
  subcon_alert: 'warehouse',
};

/** A change notice sent to live clients: what changed, never the data itself. */
export interface KapokEvent {
  type: string;
  ids: string[];
  at: string;
  /** Only on `planning.mrp.progress`: how far the run in `ids` is. */
  progress?: { phase: string; percent: number };
}

export const isEventType = (type: string): type is EventType =>
  (EVENT_TYPES as readonly string[]).includes(type);

/** The module whose `view` permission a client needs to receive an event of this type. */
export function eventModule(type: string): PermissionModule | null {
  const entity = type.slice(0, type.indexOf('.')) as EventEntity;
  return Object.hasOwn(EVENT_ENTITY_MODULE, entity) ? EVENT_ENTITY_MODULE[entity] : null;
}
