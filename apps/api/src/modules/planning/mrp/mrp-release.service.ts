import { Injectable } from '@nestjs/common';
import { ROUTES, type Department, type Route, type Unit } from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { AuditWriter } from '../../../core/audit/audit.writer.js';
import type { Principal } from '../../../core/context/request-context.js';
import { Transactions } from '../../../core/database/transactions.js';
import { AppError, notFound } from '../../../core/errors/app-error.js';
import { EventPublisher } from '../../../core/events/event-publisher.js';
import { readActiveBomLines, type ActiveBomLineRow } from '../../bom/bom.facts.js';
import { MoService } from '../../ppic/orders/mo.service.js';
import { purchaseOrderNumbers } from '../../purchasing/purchase-order.refs.js';
import { PurchasingService } from '../../purchasing/purchasing.service.js';
import type { ReleasePlannedOrdersRequest, ReleaseResponse } from '../dto/planning.dto.js';
import { findLatestRun, MRP_LOCK_KEY, PLANNED_ORDER_COLUMNS, type PlannedOrderRow } from '../planning.sql.js';

/**
 * Release: MAKE planned orders become DRAFT MOs (pegged to their sales-order line) through the PPIC
 * module's create path; BUY planned orders become DRAFT purchase orders, one per supplier. All in one
 * transaction, once per planned order, only from the latest run.
 */
@Injectable()
export class MrpReleaseService {
  constructor(
    private readonly tx: Transactions,
    private readonly mos: MoService,
    private readonly purchasing: PurchasingService,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  async release(
    runId: string,
    body: ReleasePlannedOrdersRequest,
    principal: Principal,
  ): Promise<ReleaseResponse> {
    return this.tx.run(async (m) => {
      // Waits for a run that is writing, so "latest" below is settled.
      await m.query('select pg_advisory_xact_lock($1)', [MRP_LOCK_KEY]);
      const latest = await findLatestRun(m);
      if (!latest || latest.id !== runId) {
        const [exists] = (await m.query('select id from mrp_runs where id = $1', [runId])) as Array<{
          id: string;
        }>;
        if (!exists) throw notFound('mrp_run', runId);
        throw new AppError(
          409,
          'STALE_RUN',
          'A newer MRP run replaced this one; release from the latest run',
          {
            latestRunId: latest?.id ?? null,
          },
        );
      }
      const orders = (await m.query(
        `select ${PLANNED_ORDER_COLUMNS} from mrp_planned_orders o
          where o.run_id = $1 and o.id = any($2::uuid[]) order by o.key for update`,
        [runId, body.plannedOrderIds],
      )) as PlannedOrderRow[];
      const missing = body.plannedOrderIds.filter((id) => !orders.some((o) => o.id === id));
      if (missing.length > 0)
        throw new AppError(404, 'NOT_FOUND', `Planned order ${missing[0]} is not in this run`, {
          entity: 'mrp_planned_order',
          ids: missing,
        });
      const released = orders.filter((o) => o.released_at !== null);
      if (released.length > 0)
        throw new AppError(
          409,
          'ALREADY_RELEASED',
          `Planned order ${released[0].key} (${released[0].product_code}) was already released as ${released[0].released_document_number}`,
          { plannedOrderIds: released.map((o) => o.id) },
        );

      const result: ReleaseResponse = { manufacturingOrders: [], purchaseOrders: [] };
      const make = orders.filter((o) => o.type === 'MAKE');
      if (make.length > 0) {
        const routes = routeChooser(await readActiveBomLines(m));
        for (const o of make) {
          const [year, week] = o.week.split('-W');
          const mo = await this.mos.createIn(
            m,
            {
              productId: o.product_id,
              plannedQuantity: Number(o.quantity),
              route: routes(o.product_id),
              dueDate: o.due_date,
              week: `${week}-${year}`,
              destination: o.destination ?? undefined,
              salesOrderLineId: o.sales_order_line_id ?? undefined,
              notes: `MRP ${o.key}${o.delivery_week ? ` for delivery ${o.delivery_week}` : ''}`,
            },
            principal,
          );
          await markReleased(m, o.id, principal, mo.id, mo.batchNumber);
          result.manufacturingOrders.push({ id: mo.id, batchNumber: mo.batchNumber, plannedOrderId: o.id });
        }
      }
      const buy = orders.filter((o) => o.type === 'BUY');
      if (buy.length > 0) {
        const noSupplier = buy.find((o) => !o.supplier_id || !o.purchase_uom || o.purchase_quantity === null);
        if (noSupplier)
          throw new AppError(
            422,
            'NO_SUPPLIER',
            `${noSupplier.product_code} has no preferred supplier item; add one and run MRP again`,
            { plannedOrderIds: [noSupplier.id] },
          );
        const bySupplier = new Map<string, PlannedOrderRow[]>();
        for (const o of buy) bySupplier.set(o.supplier_id!, [...(bySupplier.get(o.supplier_id!) ?? []), o]);
        const created: Array<{ id: string; supplierId: string; orders: PlannedOrderRow[] }> = [];
        for (const [supplierId, group] of bySupplier) {
          const id = await this.purchasing.createDraft(
            m,
            {
              supplierId,
              notes: `MRP ${group.map((o) => o.key).join(', ')}`,
              lines: purchaseLines(group),
            },
            principal,
          );
          created.push({ id, supplierId, orders: group });
        }
        const numbers = await purchaseOrderNumbers(
          m,
          created.map((c) => c.id),
        );
        for (const c of created) {
          const number = numbers.get(c.id)!;
          for (const o of c.orders) await markReleased(m, o.id, principal, c.id, number);
          result.purchaseOrders.push({
            id: c.id,
            number,
            supplierId: c.supplierId,
            plannedOrderIds: c.orders.map((o) => o.id),
          });
        }
      }
      await this.audit.record(m, {
        action: 'mrp_planned_order.released',
        entityType: 'mrp_run',
        entityId: runId,
        after: result,
      });
      await this.events.publish(
        m,
        'mrp_planned_order.released',
        orders.map((o) => o.id),
      );
      return result;
    });
  }
}

/** One line per product: the planned quantities in the purchase unit, expected at the earliest due date. */
function purchaseLines(group: PlannedOrderRow[]) {
  const byProduct = new Map<string, { quantity: Decimal; uom: Unit; expectedDate: string }>();
  for (const o of group) {
    const line = byProduct.get(o.product_id);
    if (line) {
      line.quantity = line.quantity.plus(o.purchase_quantity!);
      if (o.due_date < line.expectedDate) line.expectedDate = o.due_date;
    } else
      byProduct.set(o.product_id, {
        quantity: new Decimal(o.purchase_quantity!),
        uom: o.purchase_uom!,
        expectedDate: o.due_date,
      });
  }
  return [...byProduct].map(([productId, l]) => ({
    productId,
    quantity: l.quantity.toNumber(),
    uom: l.uom,
    expectedDate: l.expectedDate,
  }));
}

async function markReleased(
  m: EntityManager,
  id: string,
  principal: Principal,
  documentId: string,
  documentNumber: string,
) {
  await m.query(
    `update mrp_planned_orders set released_at = now(), released_by_id = $2, released_document_id = $3,
            released_document_number = $4, updated_at = now()
      where id = $1`,
    [id, principal.userId, documentId, documentNumber],
  );
}

const ROUTE_DEPARTMENTS = new Set<Department>(Object.values(ROUTES).flat());
const ROUTE_PREFERENCE: Route[] = ['ROUTE_2', 'ROUTE_1', 'ROUTE_3'];

/**
 * The route an article is made on: the shortest one that passes every department its BOM (through all
 * WIP levels) names, as MO approval requires.
 */
export function routeChooser(lines: ActiveBomLineRow[]): (productId: string) => Route {
  const byParent = new Map<string, ActiveBomLineRow[]>();
  for (const l of lines) byParent.set(l.parent_id, [...(byParent.get(l.parent_id) ?? []), l]);
  return (productId) => {
    const departments = new Set<Department>();
    const seen = new Set<string>();
    const walk = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const l of byParent.get(id) ?? []) {
        if (ROUTE_DEPARTMENTS.has(l.department)) departments.add(l.department);
        walk(l.component_id);
      }
    };
    walk(productId);
    return (
      ROUTE_PREFERENCE.find((r) =>
        [...departments].every((d) => (ROUTES[r] as readonly Department[]).includes(d)),
      ) ?? 'ROUTE_1'
    );
  };
}
