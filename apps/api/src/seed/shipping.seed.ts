import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ShippingService } from '../modules/shipping/shipping.service.js';
import { StockCommands } from '../modules/warehouse/stock/stock.commands.js';
import { principal } from './principal.js';

/** The first IKEA order of the demo; its first two delivery weeks ship. */
const CUSTOMER_PO = '4500812231';
/** Articles of that order that ship (not BLÅHAJ, whose finished-goods stock the PPIC demo follows). */
const ARTICLES = ['40551542', '40551544'];

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/**
 * One SHIPPED and one PICKED shipment for IKEA, through the modules' own services: finished goods
 * received on the finished-goods rack in RELEASED batches of different production weeks, a shipment
 * of the order's first delivery week picked and shipped (the order becomes partly shipped), and one of
 * its second week picked and waiting for the truck (its lots reserved, FIFO across two batches).
 * Once only: nothing is added when IKEA has a shipment, or without the IKEA order.
 */
export async function seedShipping(app: INestApplicationContext, log: (m: string) => void): Promise<void> {
  const ds = app.get(DataSource);
  const [ikea]: Array<{ id: string }> = await ds.query(`select id from partners where code = 'IKEA'`);
  if (!ikea) return;
  const [shipped] = await ds.query(`select 1 from shipments where customer_id = $1 limit 1`, [ikea.id]);
  if (shipped) return;
  const [rack]: Array<{ id: string }> = await ds.query(
    `select id from locations where is_finished_goods order by code limit 1`,
  );
  if (!rack) return;
  const shipping = app.get(ShippingService, { strict: false });
  const stock = app.get(StockCommands, { strict: false });
  const fg = await principal(ds, 'fg');

  const open = (await shipping.openLines({ customerId: ikea.id }))
    .filter((l) => l.customerPo === CUSTOMER_PO && ARTICLES.includes(l.productCode))
    .sort(
      (a, b) => a.deliveryWeek.localeCompare(b.deliveryWeek) || a.productCode.localeCompare(b.productCode),
    );
  const weeks = [...new Set(open.map((l) => l.deliveryWeek))].slice(0, 2);
  if (weeks.length < 2) return;
  const first = open.filter((l) => l.deliveryWeek === weeks[0]);
  // The second week: the whole line of the first article, a part of the second.
  const second = open
    .filter((l) => l.deliveryWeek === weeks[1])
    .map((l, i) => ({
      line: l,
      quantity: i === 0 ? l.availableQuantity : Math.min(48, l.availableQuantity),
    }));

  // Finished goods from packing: the first article in two batches (the second shipment takes the rest
  // of the older one first), the second article in one; all RELEASED, a few weeks old.
  const need = new Map<string, number>();
  for (const l of first) need.set(l.productId, (need.get(l.productId) ?? 0) + l.availableQuantity);
  for (const s of second) need.set(s.line.productId, (need.get(s.line.productId) ?? 0) + s.quantity);
  const code = new Map(open.map((l) => [l.productId, l.productCode]));
  for (const [i, [productId, quantity]] of [...need.entries()].entries()) {
    const older =
      i === 0 ? first.find((l) => l.productId === productId)!.availableQuantity + 60 : quantity + 24;
    const batches: Array<[number, number]> = [[older, 35]];
    if (quantity + 24 > older) batches.push([quantity + 24 - older, 14]);
    for (const [j, [qty, age]] of batches.entries()) {
      await stock.receive({
        productId,
        locationId: rack.id,
        quantity: qty,
        lotNumber: `FG-${code.get(productId)}-DEMO-${j + 1}`,
        receivedAt: daysAgo(age),
        reference: 'DEMO-FG-PACKING',
      });
    }
  }

  const one = await shipping.create(
    {
      customerId: ikea.id,
      lines: first.map((l) => ({ salesOrderLineId: l.id, quantity: l.availableQuantity })),
      notes: `IKEA ${CUSTOMER_PO}, week ${weeks[0]}`,
    },
    fg,
  );
  await shipping.pick(one.id, fg);
  await shipping.ship(one.id, fg);
  const two = await shipping.create(
    {
      customerId: ikea.id,
      lines: second.map((s) => ({ salesOrderLineId: s.line.id, quantity: s.quantity })),
      notes: `IKEA ${CUSTOMER_PO}, week ${weeks[1]}`,
    },
    fg,
  );
  await shipping.pick(two.id, fg);
  log(`demo shipping: ${one.number} shipped, ${two.number} picked for IKEA ${CUSTOMER_PO}`);
}
