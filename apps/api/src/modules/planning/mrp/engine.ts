import {
  isWholeUnit,
  unitFactor,
  type MrpExceptionReason,
  type MrpPegKind,
  type Unit,
} from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import {
  addDays,
  addWorkingDays,
  daysBetween,
  isoWeek,
  mondayOf,
  subtractWorkingDays,
  type PlanDate,
} from './calendar.js';
import type {
  MrpBomLine,
  MrpException,
  MrpGridRow,
  MrpPeg,
  MrpPlannedOrder,
  MrpProduct,
  MrpResult,
  MrpSnapshot,
  MrpSupplierItem,
  MrpSupplyRef,
} from './engine.types.js';

const SCALE = 4;
const ZERO = new Decimal(0);
const ZERO_TEXT = (0).toFixed(SCALE);
// Most grid cells are zero: their text needs no rounding.
const fmt = (d: Decimal) => (d.isZero() ? ZERO_TEXT : d.toFixed(SCALE, Decimal.ROUND_HALF_UP));

/** The English text of each reason (the API's `message`); the web app words the same params itself. */
const EXCEPTION_MESSAGES: Record<MrpExceptionReason, (p: Record<string, string>) => string> = {
  SALES_ORDER_PAST_DUE: (p) =>
    `${p.order} (${p.destination}) was due ex-factory on ${p.date}, before this plan's first week`,
  NO_BOM_FOR_WIP: (p) => `${p.product} is needed but has no active BOM to make it inside the MO`,
  NO_BOM: (p) => `${p.product} is ordered but has no active BOM: nothing can be planned`,
  EXCESS: (p) =>
    `${p.product} ends the horizon with ${p.quantity} ${p.unit} on hand, more than 1.5 × (safety stock + later demand) = ${p.limit}`,
  MAKE_LATE: (p) =>
    `${p.product} for ${p.demand} is needed ex-factory ${p.date} but would have to start on ${p.start}; planned to start today, ready ${p.ready}`,
  BUY_LATE: (p) =>
    `${p.product} is needed on ${p.date} but ${p.leadDays} working days of lead time mean ordering by ${p.orderBy}; if ordered today it arrives ${p.arrives}`,
  NO_UNIT_CONVERSION: (p) =>
    `${p.product} is bought in ${p.purchaseUnit}, which does not convert to ${p.unit}`,
  NO_SUPPLIER_ITEM: (p) => `${p.product} needs ${p.quantity} ${p.unit} but has no preferred supplier item`,
};
const MAX_LEVELS = 50;
/** Labels and codes in the reader's order, like localeCompare, without its cost per call. */
const collator = new Intl.Collator();

interface Demand {
  kind: MrpPegKind;
  refId: string | null;
  label: string;
  quantity: Decimal;
  date: PlanDate;
  /** Sales-order line demand: what a MAKE order for it carries. */
  destination?: string;
  deliveryWeek?: string;
}

interface Bucket {
  demand: Demand[];
  receipts: Decimal;
  supply: MrpSupplyRef[];
  planned: Decimal;
}

/** A BOM line ready to explode: the component, and its need per parent unit before the division. */
interface Explosion {
  componentId: string;
  /** neededQuantity × unit factor × (1 + wastage): multiplied exactly, divided by outputQuantity last. */
  perBatch: Decimal;
  outputQuantity: Decimal;
}

/** How a product's shortfall is covered. */
type Policy = 'MAKE' | 'INSIDE' | 'BUY' | 'NONE';

/**
 * The MRP run as a pure function of one snapshot: nets every product in low-level-code order over weekly
 * buckets, plans MAKE and BUY orders with their pegs, explodes MAKE orders (and the WIP made inside
 * them) into dependent demand, and reports exceptions and the time-phased grid. Decimal arithmetic only.
 */
export function planMrp(snapshot: MrpSnapshot): MrpResult {
  const steps = planMrpSteps(snapshot);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same run in steps: yields the share of products netted so far (0–1) every few hundred products,
 * so a caller can report progress and let other work run between steps.
 */
export function planMrpSteps(snapshot: MrpSnapshot): Generator<number, MrpResult, void> {
  return new Planner(snapshot).steps();
}

/** Products netted between two yields of `planMrpSteps`. */
const STEP_PRODUCTS = 250;

class Planner {
  private readonly monday0: PlanDate;
  private readonly weeks: string[];
  /** The Monday each bucket starts on. */
  private readonly starts: PlanDate[];
  private readonly products = new Map<string, MrpProduct>();
  private readonly lines = new Map<string, MrpBomLine[]>();
  private readonly explosions = new Map<string, Explosion[]>();
  private readonly bucketOfDate = new Map<PlanDate, number | null>();
  private readonly suppliers = new Map<string, MrpSupplierItem>();
  private readonly buckets = new Map<string, Bucket[]>();
  /** Sales demand after the horizon, for EXCESS. */
  private readonly later = new Map<string, Decimal>();
  private readonly orders: MrpPlannedOrder[] = [];
  private readonly exceptions: MrpException[] = [];
  private readonly llc = new Map<string, number>();
  private readonly free = new Map<string, string>();

  constructor(private readonly s: MrpSnapshot) {
    this.monday0 = mondayOf(s.today);
    this.starts = Array.from({ length: s.horizonWeeks }, (_, i) => addDays(this.monday0, 7 * i));
    this.weeks = this.starts.map(isoWeek);
    for (const p of s.products) this.products.set(p.id, p);
    for (const l of s.bomLines) {
      const list = this.lines.get(l.parentId) ?? [];
      list.push(l);
      this.lines.set(l.parentId, list);
    }
    for (const i of s.supplierItems) this.suppliers.set(i.productId, i);
    for (const st of s.stock) this.free.set(st.productId, st.free);
  }

  *steps(): Generator<number, MrpResult, void> {
    this.computeLowLevelCodes();
    this.loadDemandAndSupply();
    const order = [...this.products.values()].sort(
      (a, b) => this.llc.get(a.id)! - this.llc.get(b.id)! || collator.compare(a.code, b.code),
    );
    const grid: MrpGridRow[] = [];
    for (let i = 0; i < order.length; i++) {
      const row = this.net(order[i]);
      if (row) grid.push(row);
      if ((i + 1) % STEP_PRODUCTS === 0) yield (i + 1) / order.length;
    }
    return { weeks: this.weeks, plannedOrders: this.orders, exceptions: this.exceptions, grid };
  }

  /** Level 0 = no parent; a component sits one level below its deepest parent. */
  private computeLowLevelCodes() {
    const parents = new Map<string, string[]>();
    for (const l of this.s.bomLines) {
      const list = parents.get(l.componentId) ?? [];
      list.push(l.parentId);
      parents.set(l.componentId, list);
    }
    const visit = (id: string, depth: number): number => {
      const known = this.llc.get(id);
      if (known !== undefined) return known;
      if (depth > MAX_LEVELS) throw new Error(`BOM graph deeper than ${MAX_LEVELS} levels at ${id}`);
      const level = Math.max(-1, ...(parents.get(id) ?? []).map((p) => visit(p, depth + 1))) + 1;
      this.llc.set(id, level);
      return level;
    };
    for (const id of this.products.keys()) visit(id, 0);
  }

  private bucketsOf(productId: string): Bucket[] {
    let list = this.buckets.get(productId);
    if (!list) {
      list = this.weeks.map(() => ({ demand: [], receipts: ZERO, supply: [], planned: ZERO }));
      this.buckets.set(productId, list);
    }
    return list;
  }

  /** The bucket of a date: before the horizon → 0, after it → null. */
  private bucketIndex(date: PlanDate): number | null {
    let index = this.bucketOfDate.get(date);
    if (index === undefined) {
      const i = Math.floor(daysBetween(this.monday0, date) / 7);
      index = i >= this.weeks.length ? null : Math.max(0, i);
      this.bucketOfDate.set(date, index);
    }
    return index;
  }

  private addDemand(productId: string, demand: Demand) {
    if (demand.quantity.lte(0)) return;
    const i = this.bucketIndex(demand.date);
    if (i === null) return;
    this.bucketsOf(productId)[i].demand.push(demand);
  }

  private addSupply(
    productId: string,
    date: PlanDate | null,
    quantity: Decimal,
    ref: Omit<MrpSupplyRef, 'quantity'>,
  ) {
    if (quantity.lte(0)) return;
    const i = date === null ? 0 : this.bucketIndex(date);
    if (i === null) return;
    const bucket = this.bucketsOf(productId)[i];
    bucket.receipts = bucket.receipts.plus(quantity);
    bucket.supply.push({ ...ref, quantity: fmt(quantity) });
  }

  private loadDemandAndSupply() {
    for (const d of this.s.salesDemand) {
      const quantity = new Decimal(d.quantity);
      if (quantity.lte(0) || !this.products.has(d.productId)) continue;
      if (this.bucketIndex(d.exFactoryDate) === null) {
        this.later.set(d.productId, (this.later.get(d.productId) ?? ZERO).plus(quantity));
        continue;
      }
      if (d.exFactoryDate < this.monday0) {
        this.exception('PAST_DUE', d.productId, 0, 'SALES_ORDER_PAST_DUE', {
          order: d.soNumber,
          destination: d.destination,
          date: d.exFactoryDate,
        });
      }
      this.addDemand(d.productId, {
        kind: 'SALES_ORDER_LINE',
        refId: d.salesOrderLineId,
        label: `${d.soNumber} ${d.destination} ${d.deliveryWeek}`,
        quantity,
        date: d.exFactoryDate,
        destination: d.destination,
        deliveryWeek: d.deliveryWeek,
      });
    }
    for (const m of this.s.moDemand) {
      const peg = { kind: 'MANUFACTURING_ORDER' as const, refId: m.moId, label: m.batchNumber };
      if (m.explode) this.explode(m.explode.productId, new Decimal(m.explode.quantity), m.startDate, peg);
      for (const material of m.materials) {
        if (!this.products.has(material.productId)) continue;
        this.addDemand(material.productId, {
          ...peg,
          quantity: new Decimal(material.quantity),
          date: m.startDate,
        });
      }
    }
    for (const m of this.s.moSupply) {
      if (!this.products.has(m.productId)) continue;
      this.addSupply(m.productId, m.dueDate, new Decimal(m.quantity), {
        kind: 'MANUFACTURING_ORDER',
        refId: m.moId,
        label: m.batchNumber,
      });
    }
    for (const po of this.s.poSupply) {
      const product = this.products.get(po.productId);
      if (!product) continue;
      const factor = unitFactor(po.uom, product.uom, product.unitConversions) ?? new Decimal(1);
      this.addSupply(po.productId, po.expectedDate, new Decimal(po.quantity).times(factor), {
        kind: 'PURCHASE_ORDER_LINE',
        refId: po.poLineId,
        label: po.poNumber,
      });
    }
  }

  /** Dependent demand of `quantity` of a product on its BOM's components, with wastage and unit conversion. */
  private explode(
    productId: string,
    quantity: Decimal,
    date: PlanDate,
    peg: { kind: MrpPegKind; refId: string | null; label: string },
  ) {
    for (const line of this.explosionsOf(productId)) {
      const need = quantity.times(line.perBatch).div(line.outputQuantity);
      this.addDemand(line.componentId, { ...peg, quantity: need, date });
    }
  }

  /** A product's BOM lines with their factors worked out once per run, not once per explosion. */
  private explosionsOf(productId: string): Explosion[] {
    let list = this.explosions.get(productId);
    if (!list) {
      list = [];
      for (const line of this.lines.get(productId) ?? []) {
        const component = this.products.get(line.componentId);
        if (!component) continue;
        const factor = unitFactor(line.uom, component.uom, component.unitConversions) ?? new Decimal(1);
        list.push({
          componentId: component.id,
          perBatch: new Decimal(line.neededQuantity)
            .times(factor)
            .times(new Decimal(line.wastagePercent).div(100).plus(1)),
          outputQuantity: new Decimal(line.outputQuantity),
        });
      }
      this.explosions.set(productId, list);
    }
    return list;
  }

  private policy(p: MrpProduct): Policy {
    const hasBom = this.lines.has(p.id);
    if (p.type === 'FINISHED_GOOD') return hasBom ? 'MAKE' : 'NONE';
    if (hasBom) return 'INSIDE';
    if (p.type === 'WIP') return 'NONE';
    return 'BUY';
  }

  /** Nets one product over the horizon; plans its orders and explodes them. */
  private net(p: MrpProduct): MrpGridRow | null {
    const buckets = this.buckets.get(p.id);
    const onHand = new Decimal(this.free.get(p.id) ?? 0);
    const policy = this.policy(p);
    // WIP is made inside the MO that needs it: no stock of it is planned to be kept.
    const safety = policy === 'INSIDE' || !p.safetyStock ? ZERO : new Decimal(p.safetyStock);
    if (!buckets && safety.lte(onHand)) return null;
    const list = buckets ?? this.bucketsOf(p.id);
    const hasDemand = list.some((b) => b.demand.length > 0);
    if (policy === 'NONE' && hasDemand) {
      const first = list.findIndex((b) => b.demand.length > 0);
      this.exception('NO_BOM', p.id, first, p.type === 'WIP' ? 'NO_BOM_FOR_WIP' : 'NO_BOM', {
        product: p.code,
      });
    }

    let available = onHand.minus(safety);
    // What pack sizes, minimums and whole units add on top of the shortfalls: not EXCESS, which is about
    // stock and open supply the plan does not need.
    let rounding = ZERO;
    const projected: Decimal[] = [];
    list.forEach((bucket, i) => {
      available = available.plus(bucket.receipts);
      const demand = [...bucket.demand].sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : collator.compare(a.label, b.label),
      );
      if (i === 0 && available.lt(0) && policy !== 'NONE') {
        demand.unshift({
          kind: 'SAFETY_STOCK',
          refId: null,
          label: 'safety stock',
          quantity: available.negated(),
          date: this.s.today,
        });
        available = ZERO;
      }
      const shortfalls: Demand[] = [];
      for (const d of demand) {
        if (policy === 'NONE' || available.gte(d.quantity)) {
          available = available.minus(d.quantity);
          continue;
        }
        shortfalls.push({ ...d, quantity: d.quantity.minus(available) });
        available = ZERO;
      }
      if (shortfalls.length > 0) {
        const planned = this.cover(p, policy, i, shortfalls);
        bucket.planned = planned;
        const surplus = planned.minus(sum(shortfalls.map((d) => d.quantity)));
        rounding = rounding.plus(surplus);
        available = available.plus(surplus);
      }
      projected.push(available.plus(safety));
    });

    const last = projected[projected.length - 1];
    const grossTotal = sum(list.flatMap((b) => b.demand.map((d) => d.quantity)));
    const excessLimit = safety.plus(this.later.get(p.id) ?? ZERO).times(1.5);
    if (grossTotal.gt(0) && last.gt(0) && last.minus(rounding).gt(excessLimit)) {
      this.exception('EXCESS', p.id, this.weeks.length - 1, 'EXCESS', {
        product: p.code,
        quantity: fmt(last),
        unit: p.uom,
        limit: fmt(excessLimit),
      });
    }
    return {
      productId: p.id,
      lowLevelCode: this.llc.get(p.id) ?? 0,
      safetyStock: fmt(safety),
      onHand: fmt(onHand),
      buckets: list.map((b, i) => ({
        week: this.weeks[i],
        start: this.starts[i],
        grossDemand: fmt(sum(b.demand.map((d) => d.quantity))),
        scheduledReceipts: fmt(b.receipts),
        plannedReceipts: fmt(b.planned),
        projectedOnHand: fmt(projected[i]),
        demand: b.demand.map(toPeg),
        supply: b.supply,
      })),
    };
  }

  /** Plans what covers a bucket's shortfalls; returns the quantity received (stock unit). */
  private cover(p: MrpProduct, policy: Policy, bucket: number, shortfalls: Demand[]): Decimal {
    if (policy === 'INSIDE') {
      // Made inside the parent's MO: its components are needed when the parent starts.
      for (const d of shortfalls) this.explode(p.id, d.quantity, d.date, d);
      return sum(shortfalls.map((d) => d.quantity));
    }
    if (policy === 'MAKE') {
      let total = ZERO;
      for (const d of shortfalls) total = total.plus(this.make(p, bucket, d));
      return total;
    }
    return this.buy(p, bucket, shortfalls);
  }

  /** One MAKE order per shortfall: a sales-order line is never mixed with another destination. */
  private make(p: MrpProduct, bucket: number, d: Demand): Decimal {
    const quantity = whole(d.quantity, p.uom);
    const safetyOnly = d.kind === 'SAFETY_STOCK';
    let due = safetyOnly ? addWorkingDays(this.s.today, p.productionLeadDays) : d.date;
    let start = subtractWorkingDays(due, p.productionLeadDays);
    let late = false;
    if (start < this.s.today) {
      late = true;
      start = this.s.today;
      due = addWorkingDays(start, p.productionLeadDays);
      this.exception('LATE', p.id, bucket, 'MAKE_LATE', {
        product: p.code,
        demand: d.label,
        date: d.date,
        start: subtractWorkingDays(d.date, p.productionLeadDays),
        ready: due,
      });
    }
    const key = this.addOrder({
      type: 'MAKE',
      productId: p.id,
      quantity: fmt(quantity),
      uom: p.uom,
      purchaseQuantity: null,
      purchaseUom: null,
      supplierId: null,
      supplierItemId: null,
      startDate: start,
      dueDate: due,
      week: this.weeks[bucket],
      salesOrderLineId: d.kind === 'SALES_ORDER_LINE' ? d.refId : null,
      destination: d.destination ?? null,
      deliveryWeek: d.deliveryWeek ?? null,
      late,
      pegs: [toPeg(d)],
    });
    this.explode(p.id, quantity, start, { kind: 'PLANNED_ORDER', refId: key, label: key });
    return quantity;
  }

  /** One BUY order per bucket, from the preferred supplier item, rounded to pack size and minimum. */
  private buy(p: MrpProduct, bucket: number, shortfalls: Demand[]): Decimal {
    const need = sum(shortfalls.map((d) => d.quantity));
    const item = this.suppliers.get(p.id);
    const factor = item ? unitFactor(item.purchaseUom, p.uom, p.unitConversions) : null;
    let quantity: Decimal;
    let purchase: Decimal | null = null;
    if (item && factor) {
      purchase = purchaseQuantity(need.div(factor), item);
      quantity = purchase.times(factor);
    } else {
      quantity = whole(need, p.uom);
      if (item)
        this.exception('NO_SUPPLIER', p.id, bucket, 'NO_UNIT_CONVERSION', {
          product: p.code,
          purchaseUnit: item.purchaseUom,
          unit: p.uom,
        });
      else
        this.exception('NO_SUPPLIER', p.id, bucket, 'NO_SUPPLIER_ITEM', {
          product: p.code,
          quantity: fmt(need),
          unit: p.uom,
        });
    }
    const leadDays = item?.leadTimeDays ?? 0;
    const real = shortfalls.filter((d) => d.kind !== 'SAFETY_STOCK');
    const needDate = real.length > 0 ? real.map((d) => d.date).sort()[0] : this.s.today;
    let due = needDate < this.s.today ? this.s.today : needDate;
    let orderBy = subtractWorkingDays(needDate, leadDays);
    let late = false;
    if (orderBy < this.s.today) {
      orderBy = this.s.today;
      due = addWorkingDays(this.s.today, leadDays);
      if (real.length > 0) {
        late = true;
        this.exception('LATE', p.id, bucket, 'BUY_LATE', {
          product: p.code,
          date: needDate,
          leadDays: String(leadDays),
          orderBy: subtractWorkingDays(needDate, leadDays),
          arrives: due,
        });
      }
    }
    this.addOrder({
      type: 'BUY',
      productId: p.id,
      quantity: fmt(quantity),
      uom: p.uom,
      purchaseQuantity: purchase ? fmt(purchase) : null,
      purchaseUom: purchase && item ? item.purchaseUom : null,
      supplierId: item && factor ? item.supplierId : null,
      supplierItemId: item && factor ? item.supplierItemId : null,
      startDate: orderBy,
      dueDate: due,
      week: this.weeks[bucket],
      salesOrderLineId: null,
      destination: null,
      deliveryWeek: null,
      late,
      pegs: shortfalls.map(toPeg),
    });
    return quantity;
  }

  private addOrder(order: Omit<MrpPlannedOrder, 'key'>): string {
    const key = `P${this.orders.length + 1}`;
    this.orders.push({ key, ...order });
    return key;
  }

  private exception(
    type: MrpException['type'],
    productId: string,
    bucket: number,
    reason: MrpExceptionReason,
    params: Record<string, string>,
  ) {
    const message = EXCEPTION_MESSAGES[reason](params);
    this.exceptions.push({ type, productId, week: this.weeks[Math.max(0, bucket)], reason, params, message });
  }
}

/** Purchase units: up to pack-size multiples, at least the minimum, whole when the unit is discrete. */
export function purchaseQuantity(
  need: Decimal,
  item: Pick<MrpSupplierItem, 'packSize' | 'minimumQuantity' | 'purchaseUom'>,
): Decimal {
  const pack = item.packSize ? new Decimal(item.packSize) : null;
  const toPack = (q: Decimal) => (pack && pack.gt(0) ? q.div(pack).ceil().times(pack) : q);
  let q = toPack(need);
  if (item.minimumQuantity && q.lt(item.minimumQuantity)) q = toPack(new Decimal(item.minimumQuantity));
  return whole(q, item.purchaseUom);
}

/** Discrete units up to a whole unit; others up to the stored scale. */
export function whole(quantity: Decimal, uom: Unit): Decimal {
  return isWholeUnit(uom) ? quantity.ceil() : quantity.toDecimalPlaces(SCALE, Decimal.ROUND_UP);
}

const sum = (values: Decimal[]) => values.reduce((a, b) => a.plus(b), ZERO);

const toPeg = (d: Demand): MrpPeg => ({
  kind: d.kind,
  refId: d.refId,
  label: d.label,
  quantity: fmt(d.quantity),
  date: d.date,
});
