import { ROUTES, type Route } from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../core/context/request-context.js';
import { MoTransitions } from '../modules/ppic/orders/mo-transitions.service.js';
import { MoService } from '../modules/ppic/orders/mo.service.js';
import { WorkOrdersService } from '../modules/ppic/production/work-orders.service.js';
import { PostingService } from '../modules/warehouse/stock/posting.service.js';
import { LineCommandsService } from '../modules/production-control/line-commands.service.js';
import { LineNotClear } from '../modules/production-control/line-control.service.js';
import { labOutcome, recordFinishingChecks, testBatch } from './quality.seed.js';
import { principal } from './principal.js';

const ARTICLES: Array<[string, Route, string]> = [
  ['40551542', 'ROUTE_1', 'Belgium'],
  ['40551543', 'ROUTE_2', 'Germany'],
  ['40551544', 'ROUTE_1', 'Japan'],
  ['40551545', 'ROUTE_3', 'USA'],
  ['40551546', 'ROUTE_1', 'Belgium'],
];

/** Hours a department typically waits and works on a batch: sewing is where work piles up. */
const PACE: Record<string, { wait: number; work: number }> = {
  CUTTING: { wait: 2, work: 6 },
  EMBROIDERY: { wait: 5, work: 10 },
  SUBCON: { wait: 12, work: 30 },
  SEWING: { wait: 20, work: 26 },
  FINISHING: { wait: 6, work: 12 },
  PACKING: { wait: 3, work: 5 },
};

type Plan = {
  article: number;
  qty: number;
  daysAgo: number;
  state: 'COMPLETED' | 'IN_PROGRESS' | 'APPROVED' | 'DRAFT' | 'CANCELLED';
  dueInDays: number;
  yieldLoss?: number;
  stopAfter?: number;
  /** Another buyer's destination than the article's usual one. */
  destination?: string;
  /** The pattern of its finishing weighings (by default its place among the plans that have none). */
  qcSeed?: number;
};

/** About eight weeks of orders: completed history, some late, some with rejects, and orders in every state now. */
const PLANS: Plan[] = [
  { article: 0, qty: 450, daysAgo: 56, state: 'COMPLETED', dueInDays: 10, yieldLoss: 0.02 },
  { article: 1, qty: 240, daysAgo: 52, state: 'COMPLETED', dueInDays: 8 },
  { article: 2, qty: 192, daysAgo: 47, state: 'COMPLETED', dueInDays: 3, yieldLoss: 0.05 },
  { article: 3, qty: 64, daysAgo: 44, state: 'COMPLETED', dueInDays: 7 },
  { article: 4, qty: 256, daysAgo: 40, state: 'COMPLETED', dueInDays: 12, yieldLoss: 0.01 },
  { article: 0, qty: 480, daysAgo: 35, state: 'COMPLETED', dueInDays: 3, yieldLoss: 0.13 },
  { article: 1, qty: 288, daysAgo: 31, state: 'COMPLETED', dueInDays: 9 },
  { article: 2, qty: 144, daysAgo: 27, state: 'COMPLETED', dueInDays: 10, yieldLoss: 0.03 },
  { article: 4, qty: 128, daysAgo: 22, state: 'COMPLETED', dueInDays: 5 },
  { article: 3, qty: 96, daysAgo: 18, state: 'COMPLETED', dueInDays: 11, yieldLoss: 0.02 },
  { article: 0, qty: 360, daysAgo: 13, state: 'COMPLETED', dueInDays: 9 },
  { article: 1, qty: 192, daysAgo: 9, state: 'COMPLETED', dueInDays: 8, yieldLoss: 0.04 },
  // The QT-09 example: Gosig Golden 70 packed for AP, then the same article and week for EU follows it
  // onto the packing line — a segregation alarm the packers acknowledge (a 5 m gap) before accepting.
  {
    article: 4,
    qty: 128,
    daysAgo: 7,
    state: 'IN_PROGRESS',
    dueInDays: 10,
    stopAfter: 5,
    destination: 'Japan / AP',
    qcSeed: 40,
  },
  {
    article: 4,
    qty: 96,
    daysAgo: 7,
    state: 'IN_PROGRESS',
    dueInDays: 11,
    stopAfter: 5,
    destination: 'Belgium / EU',
    qcSeed: 44,
  },
  // The running orders pass the lines in this order, so none meets another article's WIP (line clearance).
  { article: 0, qty: 450, daysAgo: 6, state: 'IN_PROGRESS', dueInDays: 10, stopAfter: 3 },
  { article: 2, qty: 240, daysAgo: 8, state: 'IN_PROGRESS', dueInDays: 6, stopAfter: 2 },
  { article: 4, qty: 192, daysAgo: 12, state: 'IN_PROGRESS', dueInDays: 9, stopAfter: 1 },
  { article: 1, qty: 144, daysAgo: 4, state: 'APPROVED', dueInDays: 12 },
  { article: 3, qty: 48, daysAgo: 15, state: 'APPROVED', dueInDays: 10 },
  { article: 0, qty: 300, daysAgo: 2, state: 'DRAFT', dueInDays: 18 },
  { article: 2, qty: 96, daysAgo: 1, state: 'DRAFT', dueInDays: 20 },
  { article: 4, qty: 64, daysAgo: 20, state: 'CANCELLED', dueInDays: 14 },
  // At finishing now: QC's metal detector and scale have a batch to work on.
  { article: 3, qty: 96, daysAgo: 5, state: 'IN_PROGRESS', dueInDays: 12, stopAfter: 3 },
];

const qcSeedOf = (plan: Plan) => plan.qcSeed ?? PLANS.filter((p) => p.qcSeed === undefined).indexOf(plan);

/** The cutting line's half-done batch tries to send onto the embroidery line, which another article holds. */
const BLOCKED_SENDER = PLANS.findIndex((p) => p.state === 'IN_PROGRESS' && p.stopAfter === 1);

const at = (daysAgo: number, hours: number) =>
  new Date(Date.now() - daysAgo * 86_400_000 + hours * 3_600_000);

/** The demo production history; stock for it arrives by receipts, so the warehouse levels stay as seeded. */
export async function seedPpic(
  app: INestApplicationContext,
  log: (m: string) => void = () => undefined,
): Promise<void> {
  const ds = app.get(DataSource);
  const [{ n }] = await ds.query('select count(*)::int as n from manufacturing_orders');
  if (n > 0) return;
  const posting = app.get(PostingService, { strict: false });
  const orders = app.get(MoService, { strict: false });
  const transitions = app.get(MoTransitions, { strict: false });
  const workOrders = app.get(WorkOrdersService, { strict: false });
  const planner = await principal(ds, 'ppic_admin');
  const manager = await principal(ds, 'manager');
  const supervisor = await principal(ds, 'ppic');
  const [supplier] = await ds.query(`select id from locations where type = 'SUPPLIER'`);
  const [rack] = await ds.query(`select id from locations where code = 'WH-RAW-A1'`);
  const products = new Map<string, string>(
    (await ds.query('select code, id from products')).map((r: { code: string; id: string }) => [
      r.code,
      r.id,
    ]),
  );

  let completed = 0;
  for (const plan of PLANS) {
    const [code, route, destination] = ARTICLES[plan.article];
    const start = plan.daysAgo;
    const due = new Date(Date.now() + (plan.dueInDays - start) * 86_400_000).toISOString().slice(0, 10);
    const week = isoWeek(at(start, 0));
    const mo = await orders.create(
      {
        productId: products.get(code)!,
        plannedQuantity: plan.qty,
        route,
        dueDate: due,
        week,
        destination: plan.destination ?? destination,
        notes: 'Demo history',
      },
      planner,
    );
    if (plan.state === 'DRAFT') {
      await stamp(ds, mo.id, { created_at: at(start, 0) });
      continue;
    }
    if (plan.state === 'CANCELLED') {
      await transitions.run('cancel', mo.id, { reason: 'Buyer moved the order to a later week' }, planner);
      await stamp(ds, mo.id, { created_at: at(start, 0), cancelled_at: at(start, 20) });
      continue;
    }
    await transitions.run('approve', mo.id, { notes: 'Weekly plan' }, manager);
    await stamp(ds, mo.id, { created_at: at(start, 0), approved_at: at(start, 4) });
    if (plan.state === 'APPROVED') continue;

    // Materials arrive for the order (a purchase order per batch), then it starts.
    await receiveNeeds(ds, posting, mo.id, supplier.id, rack.id, mo.batchNumber);
    await transitions.run('start', mo.id, { notes: 'Materials staged' }, supervisor);
    const steps = ROUTES[route];
    const wos: Array<{ id: string; department: string }> = await ds.query(
      'select id, department from work_orders where mo_id = $1 order by sequence',
      [mo.id],
    );
    let quantity = new Decimal(plan.qty);
    let clock = start * 24 - 24; // hours ago when the first department was ready
    const lastStep = plan.state === 'COMPLETED' ? steps.length : plan.stopAfter!;
    for (let i = 0; i < lastStep; i++) {
      const wo = wos[i];
      const worker = await principal(ds, workerOf(wo.department));
      const pace = PACE[wo.department];
      const loss = i === 2 ? quantity.times(plan.yieldLoss ?? 0).floor() : new Decimal(0);
      const good = quantity.minus(loss);
      const readyAt = clock;
      const startedAt = readyAt - pace.wait;
      const endedAt = startedAt - pace.work;
      await workOrders.start(wo.id, worker);
      const runningNow = plan.state === 'IN_PROGRESS' && i === lastStep - 1;
      // QC at finishing: the metal detector before any output, and the stuffing weights.
      if (wo.department === 'FINISHING') {
        const detected = runningNow ? good.div(2).floor() : good;
        await recordFinishingChecks(app, wo.id, detected.toNumber(), startedAt - 1, qcSeedOf(plan));
      }
      if (runningNow) {
        // The department in front of the queue today: half done.
        const half = good.div(2).floor();
        if (half.gt(0)) await workOrders.output(wo.id, { goodQuantity: half.toNumber() }, worker);
        if (PLANS.indexOf(plan) === BLOCKED_SENDER) await sendOntoBusyLine(workOrders, wo.id, half, worker);
        await stampWorkOrder(ds, wo.id, readyAt, startedAt, null);
        break;
      }
      await workOrders.output(
        wo.id,
        {
          goodQuantity: good.toNumber(),
          rejectedQuantity: loss.toNumber(),
          rejectReason: loss.gt(0) ? 'Stitching defect at QC' : undefined,
        },
        worker,
      );
      await stampWorkOrder(ds, wo.id, readyAt, startedAt, endedAt);
      if (i < steps.length - 1) {
        const next = wos[i + 1];
        const handover = await workOrders.handover(wo.id, good.toNumber(), worker);
        const receiver = await principal(ds, workerOf(next.department));
        await acknowledgeSegregation(app, handover.id, receiver);
        await workOrders.accept(handover.id, good.toNumber(), receiver);
      }
      quantity = good;
      clock = endedAt - 1;
    }
    if (plan.state === 'COMPLETED') {
      await transitions.run(
        'complete',
        mo.id,
        { actualQuantity: quantity.toNumber(), qualityNotes: 'Final QC passed' },
        supervisor,
      );
      await stamp(ds, mo.id, {
        started_at: at(start - 1, 0),
        completed_at: new Date(Date.now() - (clock - 2) * 3_600_000),
      });
      // The lab tests the batch: released, blocked by a failed seam test, or still waiting for one test.
      await testBatch(app, mo.batchNumber, clock - 6, labOutcome(completed));
      completed++;
    } else {
      await stamp(ds, mo.id, { started_at: at(start - 1, 0) });
    }
  }
  log(`demo production: ${PLANS.length} manufacturing orders over eight weeks`);
}

/**
 * A handover that meets a segregation alarm (the same article for another destination or week on the
 * receiving line): the receiver keeps the batches apart with a 5 m gap and says so before accepting.
 */
async function acknowledgeSegregation(
  app: INestApplicationContext,
  handoverId: string,
  receiver: Principal,
): Promise<void> {
  const [alarm]: Array<{ id: string }> = await app
    .get(DataSource)
    .query(`select id from segregation_alarms where handover_id = $1 and state = 'OPEN'`, [handoverId]);
  if (!alarm) return;
  await app.get(LineCommandsService, { strict: false }).acknowledge(
    alarm.id,
    {
      method: 'PHYSICAL_GAP',
      notes: 'AP cartons packed first; 5 m empty gap on the conveyor before the EU batch, packing told',
    },
    receiver,
  );
}

/**
 * The half-cut batch is sent on while the receiving line still holds another article's WIP: the handover
 * is refused (409 LINE_NOT_CLEAR), the block recorded and its alert open, waiting for the line to clear.
 */
async function sendOntoBusyLine(
  workOrders: WorkOrdersService,
  workOrderId: string,
  quantity: Decimal,
  worker: Principal,
): Promise<void> {
  try {
    await workOrders.handover(workOrderId, quantity.toNumber(), worker);
  } catch (error) {
    if (error instanceof LineNotClear) return;
    throw error;
  }
  throw new Error('demo: the handover onto the busy line went through; the demo expects it blocked');
}

/** Who works each department's orders; the subcontractor has no account, so an administrator books its work. */
function workerOf(department: string): string {
  return (
    {
      CUTTING: 'cutting',
      EMBROIDERY: 'embroidery',
      SUBCON: 'admin',
      SEWING: 'spv_sewing',
      FINISHING: 'finishing',
      PACKING: 'packing',
    }[department] ?? 'admin'
  );
}

export async function receiveNeeds(
  ds: DataSource,
  posting: PostingService,
  moId: string,
  supplier: string,
  rack: string,
  reference: string,
): Promise<void> {
  const needs: Array<{ product_id: string; quantity: string }> = await ds.query(
    'select product_id, sum(quantity) as quantity from mo_materials where mo_id = $1 group by product_id',
    [moId],
  );
  await ds.transaction((m: EntityManager) =>
    posting.post(
      m,
      needs.map((n) => ({
        kind: 'move',
        type: 'RECEIPT',
        productId: n.product_id,
        fromLocationId: supplier,
        toLocationId: rack,
        quantity: new Decimal(n.quantity).toDecimalPlaces(4, Decimal.ROUND_UP).toFixed(4),
      })),
      { reference: `PO-${reference}` },
    ),
  );
}

async function stamp(ds: DataSource, id: string, values: Record<string, Date>): Promise<void> {
  const entries = Object.entries(values);
  await ds.query(
    `update manufacturing_orders set ${entries.map(([c], i) => `${c} = $${i + 2}`).join(', ')} where id = $1`,
    [id, ...entries.map(([, v]) => v)],
  );
}

/** Work-order times in hours ago; outputs and handovers follow the work order's end. */
async function stampWorkOrder(
  ds: DataSource,
  id: string,
  ready: number,
  started: number,
  ended: number | null,
): Promise<void> {
  const ago = (h: number) => new Date(Date.now() - h * 3_600_000);
  await ds.query('update work_orders set ready_at = $2, started_at = $3, ended_at = $4 where id = $1', [
    id,
    ago(ready),
    ago(started),
    ended === null ? null : ago(ended),
  ]);
  await ds.query('update work_order_outputs set created_at = $2 where work_order_id = $1', [
    id,
    ago(ended ?? started - 1),
  ]);
  await ds.query('update handovers set created_at = $2, accepted_at = $2 where from_work_order_id = $1', [
    id,
    ago((ended ?? started) - 0.5),
  ]);
}

function isoWeek(d: Date): string {
  const date = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const day = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(date.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((date.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${String(week).padStart(2, '0')}-${date.getUTCFullYear()}`;
}
