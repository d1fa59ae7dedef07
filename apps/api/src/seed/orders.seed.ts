import {
  factoryToday,
  isoWeekOf,
  type Destination,
  type PartnerType,
  type Unit,
  type UnitConversion,
} from '@kapok/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PartnersService } from '../modules/partners/partners.service.js';
import { PurchasingService } from '../modules/purchasing/purchasing.service.js';
import { SalesService } from '../modules/sales/sales.service.js';
import { principal } from './principal.js';

/** The partners of planning.md; names after the original system's suppliers. */
const PARTNERS: Array<{
  code: string;
  name: string;
  type: PartnerType;
  transitDays?: number;
  leadTimeDays?: number;
}> = [
  { code: 'IKEA', name: 'IKEA of Sweden AB', type: 'CUSTOMER', transitDays: 21 },
  { code: 'SUP-MILL', name: 'PT Sinar Tekstil Bandung (fabric mill)', type: 'SUPPLIER', leadTimeDays: 21 },
  { code: 'SUP-DACRON', name: 'PT Indo Dacron Filling', type: 'SUPPLIER', leadTimeDays: 10 },
  { code: 'SUP-ACC', name: 'CV Aksesoris Mainan Jaya', type: 'SUPPLIER', leadTimeDays: 14 },
  { code: 'SUP-CARTON', name: 'PT Karton Prima Packaging', type: 'SUPPLIER', leadTimeDays: 7 },
  {
    code: 'SUB-SEWING',
    name: 'CV Jahit Makmur (sewing subcontractor)',
    type: 'SUBCONTRACTOR',
    leadTimeDays: 5,
  },
];

/** Left without a supplier item on purpose: the first MRP run shows a NO_SUPPLIER exception. */
const UNSOURCED = 'WBT-6MM';

const ARTICLES = ['40551542', '40551543', '40551544', '40551545', '40551546'];

interface Material {
  id: string;
  code: string;
  uom: Unit;
  unit_conversions: UnitConversion[];
}

/** Which supplier sells a material, and how (purchase unit, pack, minimum). */
function sourcing(p: Material): { supplier: string; uom: Unit; packSize?: number; minimumQuantity?: number } {
  const has = (u: Unit) => p.unit_conversions.some((c) => c.uom === u);
  if (p.code.startsWith('PKG') || p.code.startsWith('ACB'))
    return { supplier: 'SUP-CARTON', uom: has('PACK') ? 'PACK' : p.uom, packSize: has('PACK') ? 1 : 100 };
  if (p.uom === 'KG')
    return { supplier: 'SUP-DACRON', uom: has('PACK') ? 'PACK' : 'KG', packSize: has('PACK') ? 1 : 20 };
  if (p.uom === 'METER' && has('ROLL'))
    return { supplier: 'SUP-MILL', uom: 'YARD', packSize: 50, minimumQuantity: 100 };
  if (p.uom === 'METER' && has('CONE')) return { supplier: 'SUP-ACC', uom: 'CONE', minimumQuantity: 10 };
  if (has('PACK')) return { supplier: 'SUP-ACC', uom: 'PACK', packSize: 1 };
  return { supplier: 'SUP-ACC', uom: p.uom, packSize: p.uom === 'PCS' ? 100 : undefined };
}

const inWeeks = (weeks: number) => {
  const d = new Date(`${factoryToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + weeks * 7);
  return d.toISOString().slice(0, 10);
};

/**
 * Partners, supplier items for the demo materials, confirmed IKEA orders over the next weeks and a few
 * open purchase orders (the fabric one partly received, with a fixed lot number), through the modules'
 * own services. Once only: nothing
 * is added when IKEA exists.
 */
export async function seedOrders(app: INestApplicationContext, log: (m: string) => void): Promise<void> {
  const ds = app.get(DataSource);
  const [existing] = await ds.query(`select 1 from partners where code = 'IKEA'`);
  if (existing) return;
  const partners = app.get(PartnersService, { strict: false });
  const sales = app.get(SalesService, { strict: false });
  const purchasing = app.get(PurchasingService, { strict: false });
  const merchandiser = await principal(ds, 'merchandiser');
  const buyer = await principal(ds, 'purchasing');
  const manager = await principal(ds, 'purchasing_mgr');

  const ids = new Map<string, string>();
  for (const p of PARTNERS) ids.set(p.code, (await partners.create(p)).id);

  const materials: Material[] = await ds.query(
    `select id, code, uom, unit_conversions from products where type in ('RAW_MATERIAL', 'ACCESSORY') and active order by code`,
  );
  let items = 0;
  for (const m of materials.filter((x) => x.code !== UNSOURCED)) {
    const s = sourcing(m);
    await partners.createItem({
      supplierId: ids.get(s.supplier)!,
      productId: m.id,
      uom: s.uom,
      packSize: s.packSize,
      minimumQuantity: s.minimumQuantity,
      preferred: true,
    });
    items++;
  }

  const articles: Array<{ id: string; code: string }> = await ds.query(
    `select id, code from products where code = any($1) order by code`,
    [ARTICLES],
  );
  const destinations: Destination[] = ['EU', 'US', 'GB', 'AP', 'CA', 'ME', 'NA'];
  const orders: Array<{ po: string; weeks: number[] }> = [
    { po: '4500812231', weeks: [3, 4, 5] },
    { po: '4500812232', weeks: [6, 7, 8] },
    { po: '4500812233', weeks: [9, 10, 11] },
  ];
  for (const [n, o] of orders.entries()) {
    const lines = o.weeks.flatMap((w, i) =>
      articles.map((a, j) => ({
        productId: a.id,
        quantity: 240 + 48 * ((i + j + n) % 5),
        deliveryWeek: isoWeekOf(inWeeks(w)),
        destination: destinations[(i + j + n) % destinations.length]!,
      })),
    );
    const so = await sales.create({ customerId: ids.get('IKEA')!, customerPo: o.po, lines }, merchandiser);
    await sales.transition(so.id, 'confirm', merchandiser);
  }

  const byCode = new Map(materials.map((m) => [m.code, m]));
  const first = (supplier: string) =>
    materials.filter((m) => m.code !== UNSOURCED && sourcing(m).supplier === supplier).slice(0, 3);
  const fabricPo = await purchasing.create(
    {
      supplierId: ids.get('SUP-MILL')!,
      notes: 'Fabric for the coming IKEA weeks',
      lines: first('SUP-MILL').map((m) => ({
        productId: m.id,
        quantity: 500,
        uom: 'YARD',
        expectedDate: inWeeks(2),
      })),
    },
    buyer,
  );
  await purchasing.transition(fabricPo.id, 'approve', manager);
  // The first fabric arrived: 200 of 500 YARD on line 1, so the order is partly received.
  const [rack] = await ds.query(`select id from locations where code = 'WH-RAW-A3'`);
  await purchasing.receive(
    fabricPo.id,
    {
      lines: [
        { lineId: fabricPo.lines[0]!.id, quantity: 200, lotNumber: 'GRN-DEMO-FABRIC-1', locationId: rack.id },
      ],
      notes: 'First delivery of the fabric order',
    },
    await principal(ds, 'warehouse'),
  );
  const filling = first('SUP-DACRON');
  const fillingPo = await purchasing.create(
    {
      supplierId: ids.get('SUP-DACRON')!,
      lines: filling.map((m) => ({
        productId: m.id,
        quantity: sourcing(m).uom === 'PACK' ? 10 : 200,
        uom: sourcing(m).uom,
        expectedDate: inWeeks(1),
      })),
    },
    buyer,
  );
  await purchasing.transition(fillingPo.id, 'approve', manager);
  await purchasing.create(
    {
      supplierId: ids.get('SUP-CARTON')!,
      notes: 'Draft: cartons for week ' + isoWeekOf(inWeeks(4)),
      lines: first('SUP-CARTON').map((m) => ({
        productId: m.id,
        quantity: 10,
        uom: sourcing(byCode.get(m.code)!).uom,
        expectedDate: inWeeks(3),
      })),
    },
    buyer,
  );
  log(
    `demo orders: ${PARTNERS.length} partners, ${items} supplier items, ${orders.length} IKEA orders, 3 purchase orders (one partly received)`,
  );
}
