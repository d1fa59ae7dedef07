import type { Department, ProductType, Unit, UnitConversion } from '@kapok/contracts';
import { toStockUnits } from '@kapok/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AlertsEvaluator } from '../modules/warehouse/alerts/alerts.evaluator.js';
import { Locations } from '../modules/warehouse/locations/location-directory.js';
import { PostingService } from '../modules/warehouse/stock/posting.service.js';
import type { MoveOp } from '../modules/warehouse/stock/posting.types.js';

interface DemoProduct {
  code: string;
  name: string;
  type: ProductType;
  uom: Unit;
  conversions?: UnitConversion[];
  /** Finished goods: cartons on one pallet (the packing plan's pallet size). */
  cartonsPerPallet?: number;
  /** Receipts: [quantity, unit, lot number or null, days ago, rack]. */
  receipts?: Array<[number, Unit, string | null, number, string]>;
  /** Product-wide threshold [minimumQuantity, criticalQuantity?] in the stock unit. */
  threshold?: [number, number?];
}

const YARD_FABRIC = (
  code: string,
  name: string,
  receipts: DemoProduct['receipts'],
  threshold?: DemoProduct['threshold'],
): DemoProduct => ({
  code,
  name,
  type: 'RAW_MATERIAL',
  uom: 'METER',
  conversions: [{ uom: 'ROLL', factor: 45.72 }],
  receipts,
  threshold,
});

const THREAD = (code: string, name: string, cones: number, threshold?: number): DemoProduct => ({
  code,
  name,
  type: 'RAW_MATERIAL',
  uom: 'METER',
  conversions: [{ uom: 'CONE', factor: 5000 }],
  receipts: [[cones, 'CONE', null, 20, 'WH-ACC-C1']],
  threshold: threshold ? [threshold] : undefined,
});

/** Materials of the factory (names from the original system's masterdata and SOPs). */
export const DEMO_MATERIALS: DemoProduct[] = [
  YARD_FABRIC(
    'IKHR504',
    'KOHAIR 7MM RECYCLE D.BROWN',
    [
      [220, 'YARD', 'R-IKHR504-2609-01', 58, 'WH-RAW-A1'],
      [250, 'YARD', 'R-IKHR504-2610-02', 31, 'WH-RAW-A1'],
      [250, 'YARD', 'R-IKHR504-2611-03', 6, 'WH-RAW-A2'],
    ],
    [300],
  ),
  YARD_FABRIC(
    'IJBR105',
    'JS BOA RECYCLE BROWN',
    [
      [60, 'YARD', 'R-IJBR105-2610-01', 40, 'WH-RAW-A1'],
      [40, 'YARD', 'R-IJBR105-2611-02', 9, 'WH-RAW-A1'],
    ],
    [40],
  ),
  YARD_FABRIC('INYR002', 'NYLEX RECYCLE BLACK', [[30, 'YARD', 'R-INYR002-2610-01', 35, 'WH-RAW-A2']], [20]),
  YARD_FABRIC('INYR001', 'NYLEX RECYCLE WHITE', [], [20]),
  YARD_FABRIC(
    'IPPR351',
    'POLYESTER PRINT WHITE',
    [
      [80, 'YARD', 'R-IPPR351-2610-01', 44, 'WH-RAW-A2'],
      [60, 'YARD', 'R-IPPR351-2611-02', 12, 'WH-RAW-A2'],
    ],
    [50],
  ),
  YARD_FABRIC(
    'IPR301',
    'POLYESTER WHITE',
    [
      [120, 'YARD', 'R-IPR301-2610-01', 41, 'WH-RAW-A2'],
      [100, 'YARD', 'R-IPR301-2611-02', 4, 'WH-RAW-A2'],
    ],
    [250, 60],
  ),
  YARD_FABRIC(
    'IVBR210',
    'VELBOA RECYCLE BLUE GREY',
    [
      [400, 'YARD', 'R-IVBR210-2609-01', 62, 'WH-RAW-A1'],
      [350, 'YARD', 'R-IVBR210-2611-02', 15, 'WH-RAW-A1'],
    ],
    [400],
  ),
  YARD_FABRIC(
    'IVBR211',
    'VELBOA RECYCLE WHITE',
    [[300, 'YARD', 'R-IVBR211-2610-01', 28, 'WH-RAW-A1']],
    [150],
  ),
  YARD_FABRIC('IMNK402', 'MINKY PLUSH ORANGE', [[260, 'YARD', 'R-IMNK402-2610-01', 33, 'WH-RAW-A3']]),
  YARD_FABRIC('IMNK403', 'MINKY PLUSH BLACK STRIPE', [[90, 'YARD', 'R-IMNK403-2610-01', 33, 'WH-RAW-A3']]),
  YARD_FABRIC('ILPR110', 'LONG PILE GOLDEN MANE', [
    [70, 'YARD', 'R-ILPR110-2609-01', 55, 'WH-RAW-A3'],
    [50, 'YARD', 'R-ILPR110-2611-02', 3, 'WH-RAW-A3'],
  ]),
  YARD_FABRIC('ISHR305', 'SHORT PILE CARAMEL', [[280, 'YARD', 'R-ISHR305-2610-01', 26, 'WH-RAW-A3']]),
  YARD_FABRIC('IKHR510', 'KOHAIR 7MM RECYCLE GOLDEN', [[310, 'YARD', 'R-IKHR510-2610-01', 30, 'WH-RAW-A1']]),
  YARD_FABRIC('IFLC120', 'FLEECE RECYCLE CREAM', [[150, 'YARD', 'R-IFLC120-2611-01', 10, 'WH-RAW-A3']]),
  {
    code: 'IKP20157',
    name: 'RECYCLE HCS FILLING (DACRON)',
    type: 'RAW_MATERIAL',
    uom: 'KG',
    conversions: [{ uom: 'PACK', factor: 20 }],
    receipts: [
      [15, 'PACK', 'F-IKP20157-2610-01', 37, 'WH-RAW-B1'],
      [10, 'PACK', 'F-IKP20157-2611-02', 8, 'WH-RAW-B1'],
    ],
    threshold: [300],
  },
  {
    code: 'IKP20158',
    name: 'KAPAS VIRGIN FIBRE',
    type: 'RAW_MATERIAL',
    uom: 'KG',
    receipts: [[180, 'KG', 'F-IKP20158-2610-01', 29, 'WH-RAW-B1']],
    threshold: [100],
  },
  {
    code: 'IKP20160',
    name: 'RECYCLE 7D FIBRE (WHITE BAG)',
    type: 'RAW_MATERIAL',
    uom: 'KG',
    receipts: [[240, 'KG', 'F-IKP20160-2610-01', 24, 'WH-RAW-B1']],
  },
  {
    code: 'IKP20161',
    name: 'RECYCLE 15D FIBRE (YELLOW BAG)',
    type: 'RAW_MATERIAL',
    uom: 'KG',
    receipts: [[22, 'KG', 'F-IKP20161-2610-01', 47, 'WH-RAW-B1']],
    threshold: [60, 25],
  },
  THREAD('THR-5180-QA101', 'BENANG OBRAS 5180 QA101', 24, 40_000),
  THREAD('THR-5080-UB103', 'BENANG BIASA 5080 UB103', 30),
  THREAD('THR-5080-C7237', 'BENANG BIASA 5080 C7237', 12),
  THREAD('THR-2120-B3167', 'BENANG NILON 2120 B3167 PINK', 6),
  THREAD('THR-2120-B2285', 'BENANG NILON 2120 B2285 BROWN', 10),
  THREAD('THR-2120-B8183', 'BENANG NILON 2120 B8183 WHITE', 8),
  THREAD('THR-2030-Y1554', 'BENANG KUAT 2030 Y1554', 5, 30_000),
  {
    code: 'ALL40030',
    name: 'LABEL EU (CARE AND BRAND)',
    type: 'ACCESSORY',
    uom: 'PCS',
    receipts: [[6000, 'PCS', null, 21, 'WH-ACC-C2']],
    threshold: [2000],
  },
  {
    code: 'ALL40031',
    name: 'LABEL US (CARE AND BRAND)',
    type: 'ACCESSORY',
    uom: 'PCS',
    receipts: [[2500, 'PCS', null, 21, 'WH-ACC-C2']],
  },
  {
    code: 'ALB40011',
    name: 'HANG TAG GUNTING',
    type: 'ACCESSORY',
    uom: 'PCS',
    receipts: [[900, 'PCS', null, 18, 'WH-ACC-C2']],
    threshold: [1000],
  },
  {
    code: 'ALS40012',
    name: 'STICKER MIA (CARTON)',
    type: 'ACCESSORY',
    uom: 'PCS',
    receipts: [[400, 'PCS', null, 18, 'WH-ACC-C2']],
  },
  {
    code: 'AUL20220',
    name: 'STICKER ULL (PALLET)',
    type: 'ACCESSORY',
    uom: 'PCS',
    receipts: [[60, 'PCS', null, 18, 'WH-ACC-C2']],
  },
  {
    code: 'ALH40015',
    name: 'HEADER CARD',
    type: 'ACCESSORY',
    uom: 'PCS',
    receipts: [[1500, 'PCS', null, 16, 'WH-ACC-C2']],
  },
  {
    code: 'ALB40016',
    name: 'BOOKLET ASSORTED ITEMS',
    type: 'ACCESSORY',
    uom: 'PCS',
    receipts: [[800, 'PCS', null, 16, 'WH-ACC-C2']],
  },
  {
    code: 'ACC-EYE-10MM',
    name: 'SAFETY EYES 10MM BLACK',
    type: 'ACCESSORY',
    uom: 'PCS',
    conversions: [{ uom: 'PACK', factor: 500 }],
    receipts: [[12, 'PACK', 'E-2610-01', 27, 'WH-ACC-C1']],
    threshold: [2000],
  },
  {
    code: 'ACC-EYE-14MM',
    name: 'SAFETY EYES 14MM AMBER',
    type: 'ACCESSORY',
    uom: 'PCS',
    conversions: [{ uom: 'PACK', factor: 500 }],
    receipts: [[4, 'PACK', 'E-2610-02', 27, 'WH-ACC-C1']],
  },
  {
    code: 'ACC-NOSE-12MM',
    name: 'SAFETY NOSE 12MM BLACK',
    type: 'ACCESSORY',
    uom: 'PCS',
    conversions: [{ uom: 'PACK', factor: 500 }],
    receipts: [[3, 'PACK', null, 27, 'WH-ACC-C1']],
  },
  {
    code: 'WBT-6MM',
    name: 'WEBBING TAPE WHITE 6MM RECYCLE',
    type: 'ACCESSORY',
    uom: 'METER',
    conversions: [{ uom: 'ROLL', factor: 50 }],
    receipts: [[20, 'ROLL', null, 19, 'WH-ACC-C1']],
  },
  {
    code: 'ACB30104',
    name: 'CARTON 570X375X450',
    type: 'ACCESSORY',
    uom: 'PCS',
    receipts: [[320, 'PCS', null, 14, 'WH-PKG-D1']],
    threshold: [150],
  },
  {
    code: 'ACB30121',
    name: 'PALLET',
    type: 'ACCESSORY',
    uom: 'PCS',
    receipts: [[45, 'PCS', null, 14, 'WH-PKG-D1']],
    threshold: [20],
  },
  {
    code: 'ACB30132',
    name: 'PAD (PALLET LAYER)',
    type: 'ACCESSORY',
    uom: 'PCS',
    receipts: [[90, 'PCS', null, 14, 'WH-PKG-D1']],
  },
  {
    code: 'PKG-TAPE',
    name: 'PACKING TAPE 48MM',
    type: 'ACCESSORY',
    uom: 'ROLL',
    receipts: [[72, 'ROLL', null, 14, 'WH-PKG-D1']],
  },
  {
    code: 'PKG-SHRINK',
    name: 'SHRINK WRAP',
    type: 'ACCESSORY',
    uom: 'ROLL',
    receipts: [[9, 'ROLL', null, 14, 'WH-PKG-D1']],
  },
  {
    code: 'PKG-PB-3040',
    name: 'POLYBAG 30X40',
    type: 'ACCESSORY',
    uom: 'PCS',
    conversions: [{ uom: 'PACK', factor: 100 }],
    receipts: [[40, 'PACK', null, 14, 'WH-PKG-D1']],
  },
];

/** Finished articles for IKEA: cartons of 60 pieces. Their BOMs and WIP chains come with the BOM module. */
export const DEMO_ARTICLES: DemoProduct[] = [
  {
    code: '40551542',
    name: 'AFTONSPARV soft toy w astronaut suit 28 bear',
    type: 'FINISHED_GOOD',
    uom: 'PCS',
    conversions: [{ uom: 'CARTON', factor: 60 }],
    cartonsPerPallet: 8,
  },
  {
    code: '40551543',
    name: 'BLAHAJ soft toy 100 shark',
    type: 'FINISHED_GOOD',
    uom: 'PCS',
    conversions: [{ uom: 'CARTON', factor: 12 }],
    cartonsPerPallet: 6,
  },
  {
    code: '40551544',
    name: 'KRAMIG soft toy tiger',
    type: 'FINISHED_GOOD',
    uom: 'PCS',
    conversions: [{ uom: 'CARTON', factor: 24 }],
    cartonsPerPallet: 10,
  },
  {
    code: '40551545',
    name: 'DJUNGELSKOG soft toy 100 lion',
    type: 'FINISHED_GOOD',
    uom: 'PCS',
    conversions: [{ uom: 'CARTON', factor: 8 }],
    cartonsPerPallet: 6,
  },
  {
    code: '40551546',
    name: 'GOSIG GOLDEN soft toy 70 dog',
    type: 'FINISHED_GOOD',
    uom: 'PCS',
    conversions: [{ uom: 'CARTON', factor: 16 }],
    cartonsPerPallet: 8,
  },
];

const RACKS = [
  ['WH-RAW-A1', 'Rak A1 — plush fabric'],
  ['WH-RAW-A2', 'Rak A2 — nylex and polyester'],
  ['WH-RAW-A3', 'Rak A3 — minky, long pile, fleece'],
  ['WH-RAW-B1', 'Rak B1 — filling'],
  ['WH-ACC-C1', 'Rak C1 — threads and trims'],
  ['WH-ACC-C2', 'Rak C2 — labels and stickers'],
  ['WH-PKG-D1', 'Rak D1 — packaging'],
] as const;

const LINE_DEPARTMENTS: Array<[Department, string]> = [
  ['CUTTING', 'Cutting'],
  ['EMBROIDERY', 'Embroidery'],
  ['SUBCON', 'Subcon (PT Royal Puspita)'],
  ['SEWING', 'Sewing'],
  ['FINISHING', 'Finishing'],
  ['PACKING', 'Packing'],
];

/** Transfers to lines, so the lines hold stock too: [product, quantity, line department]. */
const LINE_STOCK: Array<[string, number, Department]> = [
  ['IKHR504', 60, 'CUTTING'],
  ['IVBR210', 80, 'CUTTING'],
  ['THR-5080-UB103', 15_000, 'SEWING'],
  ['ALL40030', 500, 'SEWING'],
  ['IKP20157', 40, 'FINISHING'],
  ['ACB30104', 40, 'PACKING'],
];

/** The demo warehouse: racks, lines, 40+ materials, lots with different dates, stock, thresholds and open alerts. */
export async function seedWarehouse(
  app: INestApplicationContext,
  log: (m: string) => void = () => undefined,
): Promise<void> {
  const ds = app.get(DataSource);
  for (const [code, name] of RACKS) {
    await ds.query(
      `insert into locations (code, name, type) values ($1, $2, 'WAREHOUSE') on conflict (code) do nothing`,
      [code, name],
    );
  }
  await ds.query(
    `insert into locations (code, name, type, is_finished_goods) select 'WH-FG', 'Finished goods warehouse', 'WAREHOUSE', true
      where not exists (select 1 from locations where is_finished_goods)`,
  );
  for (const [department, name] of LINE_DEPARTMENTS) {
    for (const type of ['LINE', 'TRANSIT'] as const) {
      await ds.query(
        `insert into locations (code, name, type, department) select $1, $2, $3::location_type, $4::department
          where not exists (select 1 from locations where type = $3::location_type and department = $4::department)`,
        [`${type}-${department}`, `${type === 'LINE' ? 'Line' : 'In transit to'} ${name}`, type, department],
      );
    }
  }
  for (const p of [...DEMO_MATERIALS, ...DEMO_ARTICLES]) {
    await ds.query(
      // A database seeded before pallet sizes existed gets them, once; a size someone set stays.
      `insert into products (code, name, type, uom, unit_conversions, cartons_per_pallet) values ($1, $2, $3, $4, $5, $6)
       on conflict (code) do update set cartons_per_pallet = coalesce(products.cartons_per_pallet, excluded.cartons_per_pallet)
       where products.cartons_per_pallet is null and excluded.cartons_per_pallet is not null`,
      [p.code, p.name, p.type, p.uom, JSON.stringify(p.conversions ?? []), p.cartonsPerPallet ?? null],
    );
  }

  const [{ moved }] = await ds.query('select exists(select 1 from stock_moves) as moved');
  if (moved) return;
  const ids = async (table: string) =>
    new Map<string, string>(
      (await ds.query(`select code, id from ${table}`)).map((r: { code: string; id: string }) => [
        r.code,
        r.id,
      ]),
    );
  const products = await ids('products');
  const locations = await ids('locations');
  // The seed wrote locations without the locations service: the directory must read them anew.
  app.get(Locations, { strict: false }).invalidate();
  const posting = app.get(PostingService, { strict: false });
  const alerts = app.get(AlertsEvaluator, { strict: false });

  await ds.transaction(async (m) => {
    const ops: MoveOp[] = [];
    for (const p of DEMO_MATERIALS) {
      for (const [quantity, uom, lotNumber, daysAgo, rack] of p.receipts ?? []) {
        const receivedAt = new Date(Date.now() - daysAgo * 86_400_000);
        let lotId: string | null = null;
        if (lotNumber) {
          const [lot] = await m.query(
            `insert into lots (product_id, lot_number, received_at, supplier_reference) values ($1, $2, $3, $4)
             on conflict (product_id, lot_number) do update set received_at = excluded.received_at returning id`,
            [products.get(p.code), lotNumber, receivedAt, `SJ-${lotNumber.slice(-7)}`],
          );
          lotId = lot.id;
        }
        const stock = toStockUnits(quantity, uom, p.uom, p.conversions ?? []);
        if (!stock) throw new Error(`demo seed: ${p.code} cannot take ${uom}`);
        ops.push({
          kind: 'move',
          type: 'RECEIPT',
          productId: products.get(p.code)!,
          fromLocationId: locations.get('SUPPLIER')!,
          toLocationId: locations.get(rack)!,
          quantity: stock,
          lotId,
          entered: uom === p.uom ? undefined : { quantity, uom },
        });
      }
    }
    await posting.post(m, ops, { reference: 'DEMO-OPENING' });
    await posting.post(
      m,
      LINE_STOCK.map(([code, quantity, department]) => ({
        kind: 'move',
        type: 'TRANSFER',
        productId: products.get(code)!,
        fromLocationId: locations.get(
          (DEMO_MATERIALS.find((p) => p.code === code)?.receipts?.[0]?.[4] as string) ?? 'WH-RAW-A1',
        )!,
        toLocationId: locations.get(`LINE-${department}`)!,
        quantity,
      })),
      { reference: 'DEMO-LINE-STOCK' },
    );
    for (const p of DEMO_MATERIALS.filter((p) => p.threshold)) {
      const [min, critical] = p.threshold!;
      await m.query(
        `insert into stock_thresholds (product_id, min_qty, critical_qty) values ($1, $2, $3) on conflict do nothing`,
        [products.get(p.code), min, critical ?? min * 0.15],
      );
    }
    await alerts.evaluate(
      m,
      DEMO_MATERIALS.filter((p) => p.threshold).map((p) => products.get(p.code)!),
      [],
    );
  });
  log(
    `demo warehouse: ${DEMO_MATERIALS.length} materials, ${DEMO_ARTICLES.length} articles, opening stock and thresholds`,
  );
}
