import { adminKeys } from '../features/admin/api';
import { bomKeys } from '../features/bom/api/keys';
import { homeKeys } from '../features/home/api/work';
import { kanbanKeys } from '../features/kanban/api/keys';
import { partnerKeys } from '../features/partners/api/keys';
import { purchasingKeys } from '../features/purchasing/api/keys';
import { salesKeys } from '../features/sales/api/keys';
import { shippingKeys } from '../features/shipping/keys';
import { subconKeys } from '../features/subcon/keys';
import { planningKeys } from '../features/planning/api/keys';
import { ppicKeys } from '../features/ppic/api/keys';
import { productionKeys } from '../features/production/api/keys';
import { qualityKeys } from '../features/quality/keys';
import { warehouseKeys } from '../features/warehouse/api/keys';
import type { EventRoute } from '../lib/live-events';
import { productKeys } from '../lib/products';

/**
 * Event type prefix → the query-key roots it makes stale. Every admin change also writes an audit
 * entry, so the audit log follows all of them. Modules add their rows here as they arrive
 * (`kanban_card` → the board's keys, `stock` → the warehouse's). Event names: libs/contracts/src/events.ts.
 */
export const EVENT_ROUTES: readonly EventRoute[] = [
  { prefix: 'user', keys: [adminKeys.users(), adminKeys.roles(), adminKeys.audit()] },
  { prefix: 'role', keys: [adminKeys.roles(), adminKeys.audit()] },
  { prefix: 'session', keys: [adminKeys.audit()] },
  { prefix: 'api_key', keys: [adminKeys.apiKeys(), adminKeys.audit()] },
  { prefix: 'webhook_subscription', keys: [adminKeys.webhooks(), adminKeys.audit()] },
  { prefix: 'webhook_delivery', keys: [adminKeys.webhooks()] },
  // Warehouse: a posting changes stock (summary, balances, ledger, lots); alerts also colour the summary.
  { prefix: 'stock.changed', keys: [warehouseKeys.stock()] },
  { prefix: 'stock_alert', keys: [warehouseKeys.alerts(), warehouseKeys.summary()] },
  { prefix: 'stock_threshold', keys: [warehouseKeys.thresholds()] },
  { prefix: 'product', keys: [warehouseKeys.products(), warehouseKeys.stock()] },
  { prefix: 'location', keys: [warehouseKeys.locations()] },
  // E-kanban: any card change (another user's move, an automatic card) refreshes the boards.
  { prefix: 'kanban_card', keys: [kanbanKeys.boards(), kanbanKeys.stocks()] },
  { prefix: 'stock.changed', keys: [kanbanKeys.stocks()] },
  { prefix: 'kanban_rule', keys: [kanbanKeys.rules()] },
  // BOMs: a saved revision changes the BOM, its history, the lists and every explosion preview.
  { prefix: 'bom', keys: [bomKeys.all] },
  { prefix: 'product', keys: [bomKeys.products(), productKeys.all] },
  // PPIC and production: an order's change shows in the lists, its page and the dashboard; a work order's
  // or a handover's also on the department pages and in the order's progress. Explosion previews follow
  // free stock and BOM changes.
  { prefix: 'manufacturing_order', keys: [ppicKeys.orders(), ppicKeys.dashboard()] },
  { prefix: 'work_order', keys: [productionKeys.workOrders(), ppicKeys.orders(), ppicKeys.dashboard()] },
  { prefix: 'handover', keys: [productionKeys.all, ppicKeys.orders(), ppicKeys.dashboard()] },
  // Shop-floor control: blocks, alarms, escalations and scrapped WIP change the line board and the
  // alerts; any posting may move WIP on or off a line; blocks and alarms also write the order's timeline.
  { prefix: 'line_block', keys: [productionKeys.all, ppicKeys.orders()] },
  { prefix: 'segregation_alarm', keys: [productionKeys.all, ppicKeys.orders()] },
  { prefix: 'production_line', keys: [productionKeys.all, ppicKeys.orders()] },
  // Subcontract: a pass's count or cancel changes its page, the list and what is at the subcontractor.
  { prefix: 'gate_pass', keys: [subconKeys.all] },
  { prefix: 'subcon_alert', keys: [subconKeys.all] },
  { prefix: 'stock.changed', keys: [productionKeys.lines()] },
  // An approved order shows its material check against free stock until it starts.
  { prefix: 'stock.changed', keys: [ppicKeys.planning(), ppicKeys.orders()] },
  { prefix: 'bom', keys: [ppicKeys.planning()] },
  // Planning: a run replaces the plan; a release marks planned orders and creates MOs (and POs).
  { prefix: 'mrp_run', keys: [planningKeys.all] },
  { prefix: 'mrp_planned_order', keys: [planningKeys.all] },
  // A long run's progress (202): only the run itself is read again, not the plan.
  { prefix: 'planning.mrp.progress', keys: [planningKeys.runs()] },
  // The home page's "my work" follows everything it lists.
  { prefix: 'manufacturing_order', keys: [homeKeys.all] },
  { prefix: 'work_order', keys: [homeKeys.all] },
  { prefix: 'handover', keys: [homeKeys.all] },
  { prefix: 'kanban_card', keys: [homeKeys.all] },
  { prefix: 'stock_alert', keys: [homeKeys.all] },
  { prefix: 'quality_alert', keys: [homeKeys.all] },
  { prefix: 'quality.lot', keys: [homeKeys.all] },
  // Partners, sales and purchasing: a partner's change shows in every picker; a released plan creates
  // purchase orders; a receipt changes its order, the receive screen's open lines and stock.
  { prefix: 'partner', keys: [partnerKeys.all, salesKeys.customers(), purchasingKeys.suppliers()] },
  { prefix: 'supplier_item', keys: [partnerKeys.supplierItems(), purchasingKeys.all] },
  { prefix: 'sales_order', keys: [salesKeys.orders()] },
  // Shipping: a shipment's change shows in its lists and pages; a shipped one changes its orders, and an
  // order's change (confirmed, shipped) changes the open lines a new shipment offers.
  { prefix: 'shipment', keys: [shippingKeys.all, salesKeys.orders()] },
  { prefix: 'sales_order', keys: [shippingKeys.all] },
  { prefix: 'manufacturing_order', keys: [salesKeys.orders()] },
  { prefix: 'purchase_order', keys: [purchasingKeys.orders(), warehouseKeys.receiving()] },
  {
    prefix: 'goods_receipt',
    keys: [purchasingKeys.orders(), warehouseKeys.receiving(), warehouseKeys.stock()],
  },
  { prefix: 'mrp_run.released', keys: [purchasingKeys.orders()] },
  // The QC station: a lot's status, an inspection, a lab test or a plan; the finishing work orders and
  // the stock it inspects.
  // A lot released or blocked changes free stock: the stock pages and an approved order's material check.
  {
    prefix: 'quality',
    keys: [qualityKeys.all, warehouseKeys.stock(), ppicKeys.orders(), ppicKeys.planning()],
  },
  { prefix: 'quality_inspection', keys: [qualityKeys.all] },
  { prefix: 'lab_test', keys: [qualityKeys.all] },
  { prefix: 'test_plan', keys: [qualityKeys.all] },
  { prefix: 'work_order', keys: [qualityKeys.all] },
  { prefix: 'stock.changed', keys: [qualityKeys.all] },
];
