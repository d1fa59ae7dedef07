import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MoTransitions } from '../modules/ppic/orders/mo-transitions.service.js';
import { MoService } from '../modules/ppic/orders/mo.service.js';
import { WorkOrdersService } from '../modules/ppic/production/work-orders.service.js';
import { GatePassesService } from '../modules/subcon/gate-passes.service.js';
import { PostingService } from '../modules/warehouse/stock/posting.service.js';
import { receiveNeeds } from './ppic.seed.js';
import { principal } from './principal.js';

const ARTICLE = '40551545';
const QUANTITY = 120;

/**
 * The subcontract route in the demo (issue 17): a ROUTE_3 order of DJUNGELSKOG whose 120 cut panels
 * went to the sewing subcontractor on two released gate passes OUT (one with the supporting material);
 * the first 60 came back sewn on a gate pass IN and wait in QUARANTINE for the incoming inspection, the
 * other 60 are still at the subcontractor. Through the services, once (skipped when any pass exists).
 */
export async function seedSubcon(
  app: INestApplicationContext,
  log: (m: string) => void = () => undefined,
): Promise<void> {
  const ds = app.get(DataSource);
  const [{ n }] = await ds.query('select count(*)::int as n from gate_passes');
  if (n > 0) return;
  const [partner] = await ds.query(
    `select id from partners where type = 'SUBCONTRACTOR' order by code limit 1`,
  );
  const [product] = await ds.query('select id from products where code = $1', [ARTICLE]);
  const [supplier] = await ds.query(`select id from locations where type = 'SUPPLIER'`);
  const [rack] = await ds.query(`select id from locations where code = 'WH-RAW-A1'`);
  if (!partner || !product || !supplier || !rack) return;

  const orders = app.get(MoService, { strict: false });
  const transitions = app.get(MoTransitions, { strict: false });
  const workOrders = app.get(WorkOrdersService, { strict: false });
  const passes = app.get(GatePassesService, { strict: false });
  const posting = app.get(PostingService, { strict: false });
  const [planner, manager, supervisor, cutting, admin, warehouse, security] = await Promise.all(
    ['ppic_admin', 'manager', 'ppic', 'cutting', 'admin', 'warehouse', 'security'].map((u) =>
      principal(ds, u),
    ),
  );

  const due = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  const mo = await orders.create(
    {
      productId: product.id,
      plannedQuantity: QUANTITY,
      route: 'ROUTE_3',
      dueDate: due,
      destination: 'USA',
      notes: 'Demo: sewn by the subcontractor',
    },
    planner,
  );
  await transitions.run('approve', mo.id, { notes: 'Weekly plan' }, manager);
  await receiveNeeds(ds, posting, mo.id, supplier.id, rack.id, mo.batchNumber);
  await transitions.run('start', mo.id, { notes: 'Materials staged' }, supervisor);
  const [cut, subcon]: Array<{ id: string; input_product_id: string; output_product_id: string }> =
    await ds.query(
      'select id, input_product_id, output_product_id from work_orders where mo_id = $1 order by sequence',
      [mo.id],
    );
  await workOrders.start(cut.id, cutting);
  await workOrders.output(cut.id, { goodQuantity: QUANTITY }, cutting);
  const handover = await workOrders.handover(cut.id, QUANTITY, cutting);
  await workOrders.accept(handover.id, QUANTITY, admin);
  await workOrders.start(subcon.id, admin);

  const materials: Array<{ product_id: string; quantity: string }> = await ds.query(
    `select product_id, quantity::text from mo_materials where mo_id = $1 and department = 'SUBCON' order by product_id`,
    [mo.id],
  );
  const half = QUANTITY / 2;
  const out = async (
    lines: Array<{ productId: string; quantity: number }>,
    vehicle: string,
    customs: string,
  ) => {
    const pass = await passes.create(
      {
        direction: 'OUT',
        workOrderId: subcon.id,
        partnerId: partner.id,
        vehicleNumber: vehicle,
        driverName: 'Slamet Riyadi',
        customsReference: customs,
        lines,
      },
      warehouse,
    );
    return passes.count(
      pass.id,
      { lines: pass.lines.map((l) => ({ lineId: l.id, countedQuantity: l.quantity })) },
      security,
    );
  };
  await out(
    [
      { productId: subcon.input_product_id, quantity: half },
      ...materials.map((x) => ({ productId: x.product_id, quantity: Number(x.quantity) })),
    ],
    'B 9123 KX',
    'BC261-000412',
  );
  await out([{ productId: subcon.input_product_id, quantity: half }], 'B 9123 KX', 'BC261-000413');

  const back = await passes.create(
    {
      direction: 'IN',
      workOrderId: subcon.id,
      partnerId: partner.id,
      vehicleNumber: 'D 4410 RP',
      driverName: 'Asep Saepudin',
      customsReference: 'BC262-000187',
      deliveryNote: 'SJ-JM-2026-0311',
      lines: [{ productId: subcon.output_product_id, quantity: half }],
    },
    warehouse,
  );
  await passes.count(
    back.id,
    { lines: back.lines.map((l) => ({ lineId: l.id, countedQuantity: l.quantity })) },
    security,
  );
  log(
    `demo subcontract: ${mo.batchNumber}, ${QUANTITY} panels out on two gate passes, ${half} back in quarantine`,
  );
}
