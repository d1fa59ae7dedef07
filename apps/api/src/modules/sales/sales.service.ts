import { Injectable } from '@nestjs/common';
import {
  exFactoryDate,
  factoryToday,
  isIsoWeek,
  SALES_ORDER_TRANSITIONS,
  type SalesOrderAction,
  type SalesOrderTransition,
  type SalesOrderState,
} from '@kapok/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import type { Principal } from '../../core/context/request-context.js';
import { isUniqueViolation } from '../../core/database/db-errors.js';
import { nextDocumentNumber } from '../../core/database/document-numbers.js';
import { People } from '../../core/database/people.js';
import { Transactions } from '../../core/database/transactions.js';
import { AppError, notFound, staleVersion, validationFailed } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import type { CsvExport } from '../../core/http/csv.js';
import type { Page } from '../../core/http/paging.js';
import { SALES_ORDER_CSV_COLUMNS } from './sales.csv.js';
import { type StateMachine, StateTransitions } from '../../core/transitions/state-machine.js';
import { PartnersFacts } from '../partners/partners.facts.js';
import { productsByIds } from '../warehouse/warehouse.facts.js';
import type {
  SalesOrderFields,
  SalesOrderQuery,
  SalesOrderResponse,
  SalesOrderSummary,
  UpdateSalesOrderRequest,
} from './dto/sales.dto.js';
import { PeggedOrders } from './pegged-orders.js';
import { salesOrderActions, toSalesOrderResponse, toSalesOrderSummary } from './sales.mappers.js';
import {
  customerPoTaken,
  insertSalesOrder,
  linesOfOrders,
  listSalesOrders,
  salesOrderListSql,
  type SalesOrderSummaryRow,
  replaceSalesOrderLines,
  salesOrderById,
  type SalesOrderLineValues,
  type SalesOrderRow,
  saveSalesOrderState,
  updateSalesOrderHeader,
} from './sales.sql.js';

const PAST_TENSE: Record<SalesOrderTransition, string> = {
  confirm: 'confirmed',
  cancel: 'cancelled',
  close: 'closed',
  ship_partially: 'partially_shipped',
  ship: 'shipped',
};

/** The sales-order state machine for the core transition helper: lock and save are this module's SQL. */
export const SALES_ORDER_MACHINE: StateMachine<SalesOrderRow, SalesOrderState, SalesOrderTransition> = {
  entity: 'sales_order',
  noun: 'sales order',
  transitions: SALES_ORDER_TRANSITIONS,
  pastTense: PAST_TENSE,
  lock: (m, id) => salesOrderById(m, id, true),
  state: (row) => row.state,
  label: (row) => `Sales order ${row.number}`,
  save: (m, row, to, changes) => saveSalesOrderState(m, row.id, to, changes),
};

const duplicatePo = (customerPo: string, number: string) =>
  new AppError(
    409,
    'DUPLICATE_CUSTOMER_PO',
    `The customer's PO ${customerPo} is already entered as ${number}`,
    { customerPo, salesOrderNumber: number },
  );

/** Sales orders (planning.md): drafts edited with an optimistic version, then confirmed into demand. */
@Injectable()
export class SalesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly transitions: StateTransitions,
    private readonly people: People,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    private readonly partners: PartnersFacts,
    private readonly pegged: PeggedOrders,
  ) {}

  async list(q: SalesOrderQuery, principal: Principal): Promise<Page<SalesOrderSummary>> {
    const m = this.dataSource.manager;
    const { rows, total } = await listSalesOrders(m, q, q.skip, q.limit);
    const customers = await this.partners.byIds(
      m,
      rows.map((r) => r.customer_id),
    );
    return {
      items: rows.map((r) => toSalesOrderSummary(r, customers.get(r.customer_id), principal)),
      total,
      skip: q.skip,
      limit: q.limit,
    };
  }

  /** The same list as CSV, every row of the filter, streamed; customers looked up per batch. */
  exportCsv(q: SalesOrderQuery, principal: Principal): CsvExport<SalesOrderSummaryRow, SalesOrderSummary> {
    const { sql, params } = salesOrderListSql(q, false);
    return {
      sql,
      params,
      map: async (rows) => {
        const customers = await this.partners.byIds(
          this.dataSource.manager,
          rows.map((r) => r.customer_id),
        );
        return rows.map((r) => toSalesOrderSummary(r, customers.get(r.customer_id), principal));
      },
      columns: SALES_ORDER_CSV_COLUMNS,
      filename: 'sales-orders.csv',
    };
  }

  async get(id: string, principal: Principal): Promise<SalesOrderResponse> {
    const response = await this.load(this.dataSource.manager, id, principal);
    if (!response) throw notFound('sales order', id);
    return response;
  }

  async create(body: SalesOrderFields, principal: Principal): Promise<SalesOrderResponse> {
    return this.unique(body, () =>
      this.tx.run(async (m) => {
        const lines = await this.validate(m, body, null);
        const number = await nextDocumentNumber(m, 'SO', 4);
        const id = await insertSalesOrder(
          m,
          number,
          {
            customerId: body.customerId,
            customerPo: body.customerPo.trim(),
            orderDate: body.orderDate ?? factoryToday(),
            notes: body.notes ?? null,
          },
          principal.userId,
        );
        await replaceSalesOrderLines(m, id, lines);
        const after = (await this.load(m, id, principal))!;
        await this.audit.record(m, {
          action: 'sales_order.created',
          entityType: 'sales_order',
          entityId: id,
          after: auditView(after),
        });
        await this.events.publish(m, 'sales_order.created', [id]);
        return after;
      }),
    );
  }

  /** Replaces a DRAFT's header and lines; any other state is 409 INVALID_STATE. */
  async update(id: string, body: UpdateSalesOrderRequest, principal: Principal): Promise<SalesOrderResponse> {
    return this.unique(body, () =>
      this.tx.run(async (m) => {
        const row = await salesOrderById(m, id, true);
        if (!row) throw notFound('sales order', id);
        if (row.version !== body.version) throw staleVersion('sales order', row.version);
        if (row.state !== 'DRAFT')
          throw new AppError(
            409,
            'INVALID_STATE',
            `Sales order ${row.number} is ${row.state}; only drafts are edited`,
            {
              currentState: row.state,
              allowedFrom: ['DRAFT'],
            },
          );
        const before = (await this.load(m, id, principal))!;
        const lines = await this.validate(m, body, id);
        await updateSalesOrderHeader(m, id, {
          customerId: body.customerId,
          customerPo: body.customerPo.trim(),
          orderDate: body.orderDate ?? row.order_date,
          notes: body.notes ?? null,
        });
        await replaceSalesOrderLines(m, id, lines);
        const after = (await this.load(m, id, principal))!;
        await this.audit.record(m, {
          action: 'sales_order.updated',
          entityType: 'sales_order',
          entityId: id,
          before: auditView(before),
          after: auditView(after),
        });
        await this.events.publish(m, 'sales_order.updated', [id]);
        return after;
      }),
    );
  }

  transition(id: string, action: SalesOrderAction, principal: Principal): Promise<SalesOrderResponse> {
    return this.tx.run(async (m) => {
      const who = action === 'confirm' ? 'confirmed' : action === 'cancel' ? 'cancelled' : 'closed';
      await this.transitions.apply(m, SALES_ORDER_MACHINE, action, id, principal, {
        effect: () => ({ [`${who}_by_id`]: principal.userId, [`${who}_at`]: new Date() }),
        auditAfter: () => ({ by: principal.username }),
      });
      return (await this.load(m, id, principal))!;
    });
  }

  /** Customer, products and weeks; answers the lines to write with their ex-factory dates. */
  private async validate(
    m: EntityManager,
    body: SalesOrderFields,
    orderId: string | null,
  ): Promise<SalesOrderLineValues[]> {
    const customer = (await this.partners.byIds(m, [body.customerId])).get(body.customerId);
    if (!customer) throw notFound('partner', body.customerId);
    if (customer.type !== 'CUSTOMER')
      throw validationFailed(`${customer.code} is a ${customer.type}, not a customer`, [
        { field: 'customerId', messages: ['must be a CUSTOMER partner'] },
      ]);
    const taken = await customerPoTaken(m, body.customerId, body.customerPo.trim(), orderId);
    if (taken) throw duplicatePo(body.customerPo.trim(), taken);
    const products = await productsByIds(
      m,
      body.lines.map((l) => l.productId),
    );
    const problems: Array<{ field: string; messages: string[] }> = [];
    body.lines.forEach((line, i) => {
      const product = products.get(line.productId);
      if (!product) problems.push({ field: `lines.${i}.productId`, messages: ['no such product'] });
      else if (product.type !== 'FINISHED_GOOD')
        problems.push({
          field: `lines.${i}.productId`,
          messages: [`${product.code} is a ${product.type}; sales orders sell FINISHED_GOOD articles`],
        });
      else if (!product.active)
        problems.push({ field: `lines.${i}.productId`, messages: [`${product.code} is inactive`] });
      if (!isIsoWeek(line.deliveryWeek))
        problems.push({
          field: `lines.${i}.deliveryWeek`,
          messages: [`${line.deliveryWeek} does not exist`],
        });
    });
    if (problems.length) throw validationFailed('Some lines cannot be sold as entered', problems);
    return body.lines.map((l) => ({
      productId: l.productId,
      quantity: l.quantity,
      deliveryWeek: l.deliveryWeek,
      destination: l.destination,
      exFactoryDate: exFactoryDate(l.deliveryWeek, customer.transitDays),
    }));
  }

  /** A concurrent insert of the same customer PO loses on the unique index: the same 409. */
  private async unique<T>(body: SalesOrderFields, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (isUniqueViolation(e)) {
        const number = await customerPoTaken(
          this.dataSource.manager,
          body.customerId,
          body.customerPo.trim(),
          null,
        );
        throw duplicatePo(body.customerPo.trim(), number ?? 'another order');
      }
      throw e;
    }
  }

  private async load(m: EntityManager, id: string, principal: Principal): Promise<SalesOrderResponse | null> {
    const row = await salesOrderById(m, id);
    if (!row) return null;
    const lines = await linesOfOrders(m, [id]);
    const customers = await this.partners.byIds(m, [row.customer_id]);
    const products = await productsByIds(
      m,
      lines.map((l) => l.product_id),
    );
    const person = await this.people.lookup(
      [row.created_by_id, row.confirmed_by_id, row.cancelled_by_id, row.closed_by_id],
      m,
    );
    const mos = await this.pegged.bySalesOrderLines(
      m,
      lines.map((l) => l.id),
    );
    return toSalesOrderResponse(row, lines, {
      customer: customers.get(row.customer_id),
      products,
      person,
      mos,
      actions: salesOrderActions(row.state, principal),
      principal,
    });
  }
}

/** What the audit keeps of an order: header, state and lines, without the per-user fields. */
const auditView = (o: SalesOrderResponse) => ({
  number: o.number,
  customer: o.customer.code,
  customerPo: o.customerPo,
  orderDate: o.orderDate,
  state: o.state,
  notes: o.notes,
  lines: o.lines.map((l) => ({
    product: l.productCode,
    quantity: l.quantity,
    deliveryWeek: l.deliveryWeek,
    destination: l.destination,
    exFactoryDate: l.exFactoryDate,
  })),
});
