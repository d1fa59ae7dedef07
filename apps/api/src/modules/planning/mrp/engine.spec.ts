import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { addWorkingDays, exFactoryDate, isoWeek, subtractWorkingDays } from './calendar.js';
import { planMrp } from './engine.js';
import type {
  MrpBomLine,
  MrpProduct,
  MrpResult,
  MrpSalesDemand,
  MrpSnapshot,
  MrpSupplierItem,
} from './engine.types.js';

// Monday of 2026-W50; the plan's weeks are W50, W51, W52.
const TODAY = '2026-12-07';

const product = (id: string, over: Partial<MrpProduct> = {}): MrpProduct => ({
  id,
  code: id.toUpperCase(),
  name: id,
  type: 'RAW_MATERIAL',
  uom: 'METER',
  unitConversions: [],
  safetyStock: null,
  productionLeadDays: 3,
  ...over,
});
const fg = (id: string, over: Partial<MrpProduct> = {}) =>
  product(id, { type: 'FINISHED_GOOD', uom: 'PCS', ...over });
const line = (
  parentId: string,
  componentId: string,
  neededQuantity: string,
  over: Partial<MrpBomLine> = {},
): MrpBomLine => ({
  parentId,
  componentId,
  neededQuantity,
  outputQuantity: '1',
  uom: 'METER',
  wastagePercent: '0',
  department: 'CUTTING',
  ...over,
});
const so = (
  id: string,
  productId: string,
  quantity: string,
  exFactory: string,
  destination = 'EU',
): MrpSalesDemand => ({
  salesOrderLineId: id,
  soNumber: `SO-${id}`,
  productId,
  quantity,
  exFactoryDate: exFactory,
  deliveryWeek: isoWeek(exFactory),
  destination,
});
const supplier = (productId: string, over: Partial<MrpSupplierItem> = {}): MrpSupplierItem => ({
  supplierItemId: `si-${productId}`,
  supplierId: 'mill',
  supplierName: 'Mill',
  productId,
  purchaseUom: 'METER',
  packSize: null,
  minimumQuantity: null,
  leadTimeDays: 2,
  ...over,
});
const snapshot = (over: Partial<MrpSnapshot>): MrpSnapshot => ({
  today: TODAY,
  horizonWeeks: 3,
  products: [],
  bomLines: [],
  stock: [],
  moSupply: [],
  moDemand: [],
  poSupply: [],
  salesDemand: [],
  supplierItems: [],
  ...over,
});

const rowOf = (r: MrpResult, productId: string) => {
  const row = r.grid.find((g) => g.productId === productId);
  if (!row) throw new Error(`no grid row for ${productId}`);
  return row.buckets.map((b) => [
    b.week,
    Number(b.grossDemand),
    Number(b.scheduledReceipts),
    Number(b.plannedReceipts),
    Number(b.projectedOnHand),
  ]);
};
const ordersOf = (r: MrpResult, productId: string) =>
  r.plannedOrders.filter((o) => o.productId === productId);

describe('calendar', () => {
  it('puts the ex-factory date on the Monday of the delivery week minus transit days', () => {
    expect(exFactoryDate('2026-W51', 0)).toBe('2026-12-14');
    expect(exFactoryDate('2027-W01', 3)).toBe('2027-01-01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
  });

  it('skips weekends when offsetting lead times', () => {
    expect(subtractWorkingDays('2026-12-15', 3)).toBe('2026-12-10'); // Tue → Thu before
    expect(subtractWorkingDays('2026-12-13', 1)).toBe('2026-12-10'); // Sun → Fri → Thu
    expect(addWorkingDays('2026-12-11', 1)).toBe('2026-12-14'); // Fri → Mon
    expect(subtractWorkingDays('2026-12-12', 0)).toBe('2026-12-12'); // no lead time: the day itself
  });
});

describe('MRP engine', () => {
  it('nets the hand-computed three-week, two-level example', () => {
    // BEAR (PCS, 3 working days to make, 30 free) needs 0.5 m FABRIC + 10% wastage = 0.55 m a piece.
    // FABRIC (METER, 5 free, safety stock 2) comes from the mill in multiples of 0.5 m, at least 20 m,
    // 2 working days after ordering.
    const result = planMrp(
      snapshot({
        products: [fg('bear'), product('fabric', { safetyStock: '2' })],
        bomLines: [line('bear', 'fabric', '0.5', { wastagePercent: '10' })],
        stock: [
          { productId: 'bear', free: '30' },
          { productId: 'fabric', free: '5' },
        ],
        salesDemand: [
          so('a', 'bear', '20', '2026-12-11', 'EU'),
          so('b', 'bear', '40', '2026-12-17', 'US'),
          so('c', 'bear', '50', '2026-12-23', 'EU'),
        ],
        moSupply: [
          { moId: 'mo1', batchNumber: 'MO-1', productId: 'bear', quantity: '10', dueDate: '2026-12-16' },
        ],
        poSupply: [
          {
            poLineId: 'pol1',
            poNumber: 'PO-1',
            productId: 'fabric',
            quantity: '10',
            uom: 'METER',
            expectedDate: '2026-12-08',
          },
        ],
        supplierItems: [supplier('fabric', { packSize: '0.5', minimumQuantity: '20' })],
      }),
    );

    // week, gross demand, scheduled receipts, planned receipts, projected on hand
    expect(rowOf(result, 'bear')).toEqual([
      ['2026-W50', 20, 0, 0, 10], // 30 − 20
      ['2026-W51', 40, 10, 20, 0], // 10 + 10 − 40 → short 20 → MAKE 20 for line b
      ['2026-W52', 50, 0, 50, 0], // short 50 → MAKE 50 for line c
    ]);
    expect(rowOf(result, 'fabric')).toEqual([
      ['2026-W50', 0, 10, 0, 15], // 5 + 10
      // 20 × 0.55 = 11 at Monday 14th, 50 × 0.55 = 27.5 at Friday 18th (the MAKE orders' starts):
      // 15 − 11 = 4, 4 − 27.5 = −23.5 is 25.5 below safety stock 2 → buy 25.5 (a multiple of 0.5, ≥ 20)
      ['2026-W51', 38.5, 0, 25.5, 2],
      ['2026-W52', 0, 0, 0, 2],
    ]);

    const [make20, make50] = ordersOf(result, 'bear');
    expect(make20).toMatchObject({
      type: 'MAKE',
      quantity: '20.0000',
      salesOrderLineId: 'b',
      destination: 'US',
      dueDate: '2026-12-17',
      startDate: '2026-12-14',
      week: '2026-W51',
      late: false,
    });
    expect(make50).toMatchObject({ quantity: '50.0000', salesOrderLineId: 'c', startDate: '2026-12-18' });
    const [buy] = ordersOf(result, 'fabric');
    expect(buy).toMatchObject({
      type: 'BUY',
      quantity: '25.5000',
      purchaseQuantity: '25.5000',
      purchaseUom: 'METER',
      supplierId: 'mill',
      startDate: '2026-12-16', // needed Fri 18th − 2 working days
      dueDate: '2026-12-18',
      week: '2026-W51',
    });
    expect(buy.pegs).toEqual([
      {
        kind: 'PLANNED_ORDER',
        refId: make50.key,
        label: make50.key,
        quantity: '25.5000',
        date: '2026-12-18',
      },
    ]);
    expect(result.exceptions).toEqual([]);
    expect(result.weeks).toEqual(['2026-W50', '2026-W51', '2026-W52']);
  });

  it('keeps the safety stock on hand in every bucket', () => {
    const result = planMrp(
      snapshot({
        products: [product('dacron', { uom: 'KG', safetyStock: '15' })],
        stock: [{ productId: 'dacron', free: '10' }],
        moDemand: [
          {
            moId: 'mo',
            batchNumber: 'MO-7',
            startDate: '2026-12-16',
            explode: null,
            materials: [{ productId: 'dacron', quantity: '8' }],
          },
        ],
        supplierItems: [supplier('dacron', { purchaseUom: 'KG', leadTimeDays: 0 })],
      }),
    );
    expect(rowOf(result, 'dacron')).toEqual([
      ['2026-W50', 0, 0, 5, 15],
      ['2026-W51', 8, 0, 8, 15],
      ['2026-W52', 0, 0, 0, 15],
    ]);
    const [safety, forMo] = ordersOf(result, 'dacron');
    expect(safety.pegs).toEqual([
      { kind: 'SAFETY_STOCK', refId: null, label: 'safety stock', quantity: '5.0000', date: TODAY },
    ]);
    expect(safety.late).toBe(false);
    expect(forMo.pegs[0]).toMatchObject({ kind: 'MANUFACTURING_ORDER', refId: 'mo', quantity: '8.0000' });
  });

  it('offsets lead times in working days across a weekend', () => {
    const plan = (exFactory: string, makeDays: number, buyDays: number) =>
      planMrp(
        snapshot({
          products: [fg('bear', { productionLeadDays: makeDays }), product('fabric')],
          bomLines: [line('bear', 'fabric', '1')],
          salesDemand: [so('a', 'bear', '10', exFactory)],
          supplierItems: [supplier('fabric', { leadTimeDays: buyDays })],
        }),
      );
    // Tuesday 15th − 3 working days = Thursday 10th (not Saturday 12th); fabric ordered Wednesday 9th.
    const tuesday = plan('2026-12-15', 3, 1);
    expect(ordersOf(tuesday, 'bear')[0]).toMatchObject({ startDate: '2026-12-10', dueDate: '2026-12-15' });
    expect(ordersOf(tuesday, 'fabric')[0]).toMatchObject({ startDate: '2026-12-09', dueDate: '2026-12-10' });
    // Monday 14th − 1 working day = Friday 11th; − 2 more for the fabric = Wednesday 9th.
    const monday = plan('2026-12-14', 1, 2);
    expect(ordersOf(monday, 'bear')[0].startDate).toBe('2026-12-11');
    expect(ordersOf(monday, 'fabric')[0].startDate).toBe('2026-12-09');
  });

  it('buys YARD by the ROLL of 50 and at least the minimum, converted from the stock unit', () => {
    const plan = (need: string) =>
      planMrp(
        snapshot({
          products: [product('velboa', { uom: 'METER' })],
          moDemand: [
            {
              moId: 'mo',
              batchNumber: 'MO-1',
              startDate: '2026-12-21',
              explode: null,
              materials: [{ productId: 'velboa', quantity: need }],
            },
          ],
          supplierItems: [
            supplier('velboa', { purchaseUom: 'YARD', packSize: '50', minimumQuantity: '100' }),
          ],
        }),
      );
    // 60 m = 65.6168 yd → one roll of 50 is short, two rolls = 100 yd (also the minimum) = 91.44 m.
    expect(ordersOf(plan('60'), 'velboa')[0]).toMatchObject({
      purchaseQuantity: '100.0000',
      purchaseUom: 'YARD',
      quantity: '91.4400',
    });
    // 120 m = 131.2336 yd → 3 rolls = 150 yd = 137.16 m.
    const big = plan('120');
    expect(ordersOf(big, 'velboa')[0]).toMatchObject({ purchaseQuantity: '150.0000', quantity: '137.1600' });
    expect(rowOf(big, 'velboa')[2]).toEqual(['2026-W52', 120, 0, 137.16, 17.16]);
  });

  it('never plans a discrete unit in fractions', () => {
    const result = planMrp(
      snapshot({
        products: [
          product('carton', { type: 'ACCESSORY', uom: 'CARTON' }),
          product('box', { type: 'ACCESSORY', uom: 'PCS' }),
        ],
        moDemand: [
          {
            moId: 'mo',
            batchNumber: 'MO-1',
            startDate: '2026-12-21',
            explode: null,
            materials: [
              { productId: 'carton', quantity: '7.5' },
              { productId: 'box', quantity: '2.01' },
            ],
          },
        ],
        supplierItems: [supplier('box', { purchaseUom: 'PCS' })],
      }),
    );
    expect(ordersOf(result, 'carton')[0].quantity).toBe('8.0000'); // no supplier: whole stock units
    expect(ordersOf(result, 'box')[0]).toMatchObject({ quantity: '3.0000', purchaseQuantity: '3.0000' });
  });

  it('plans one MAKE order per sales-order line, never mixing destinations', () => {
    const result = planMrp(
      snapshot({
        products: [fg('bear'), product('fabric')],
        bomLines: [line('bear', 'fabric', '1')],
        salesDemand: [
          so('eu', 'bear', '60', '2026-12-23', 'EU'),
          so('us', 'bear', '40', '2026-12-23', 'US'),
          so('eu2', 'bear', '5', '2026-12-24', 'EU'),
        ],
        stock: [{ productId: 'bear', free: '10' }],
        supplierItems: [supplier('fabric')],
      }),
    );
    // Free stock covers the first line in date and label order; every shortfall is its own order.
    expect(
      ordersOf(result, 'bear').map((o) => [
        o.salesOrderLineId,
        o.destination,
        Number(o.quantity),
        o.pegs[0].refId,
      ]),
    ).toEqual([
      ['eu', 'EU', 50, 'eu'],
      ['us', 'US', 40, 'us'],
      ['eu2', 'EU', 5, 'eu2'],
    ]);
  });

  it('counts the components of an approved, not started MO and explodes a draft MO through the BOM', () => {
    const result = planMrp(
      snapshot({
        products: [fg('bear'), product('fabric'), product('eye', { type: 'ACCESSORY', uom: 'PCS' })],
        bomLines: [line('bear', 'fabric', '0.5'), line('bear', 'eye', '2', { uom: 'PCS' })],
        moDemand: [
          {
            moId: 'approved',
            batchNumber: 'MO-A',
            startDate: '2026-12-09',
            explode: null,
            materials: [{ productId: 'fabric', quantity: '30' }],
          },
          {
            moId: 'draft',
            batchNumber: 'MO-D',
            startDate: '2026-12-16',
            explode: { productId: 'bear', quantity: '10' },
            materials: [],
          },
        ],
        stock: [{ productId: 'fabric', free: '20' }],
        supplierItems: [
          supplier('fabric', { leadTimeDays: 0 }),
          supplier('eye', { purchaseUom: 'PCS', leadTimeDays: 0 }),
        ],
      }),
    );
    expect(rowOf(result, 'fabric')).toEqual([
      ['2026-W50', 30, 0, 10, 0],
      ['2026-W51', 5, 0, 5, 0],
      ['2026-W52', 0, 0, 0, 0],
    ]);
    expect(ordersOf(result, 'fabric')[0].pegs).toEqual([
      {
        kind: 'MANUFACTURING_ORDER',
        refId: 'approved',
        label: 'MO-A',
        quantity: '10.0000',
        date: '2026-12-09',
      },
    ]);
    expect(ordersOf(result, 'eye')[0]).toMatchObject({ quantity: '20.0000' });
    expect(ordersOf(result, 'eye')[0].pegs[0]).toMatchObject({ kind: 'MANUFACTURING_ORDER', refId: 'draft' });
  });

  it('explodes through WIP made inside the MO, netting free WIP stock first', () => {
    const result = planMrp(
      snapshot({
        products: [fg('bear'), product('body', { type: 'WIP', uom: 'PCS' }), product('fabric')],
        bomLines: [
          line('bear', 'body', '1', { uom: 'PCS' }),
          line('body', 'fabric', '0.4', { wastagePercent: '25' }),
        ],
        stock: [{ productId: 'body', free: '4' }],
        salesDemand: [so('a', 'bear', '10', '2026-12-23')],
        supplierItems: [supplier('fabric', { leadTimeDays: 0 })],
      }),
    );
    expect(ordersOf(result, 'body')).toEqual([]); // no separate order for WIP
    expect(rowOf(result, 'body')[1]).toEqual(['2026-W51', 10, 0, 6, 0]); // at the MAKE's start, Fri 18th
    const [make] = ordersOf(result, 'bear');
    // 6 bodies made inside × 0.4 m × 1.25 = 3 m, pegged to the MAKE order.
    expect(ordersOf(result, 'fabric')[0]).toMatchObject({ quantity: '3.0000' });
    expect(ordersOf(result, 'fabric')[0].pegs[0]).toMatchObject({ kind: 'PLANNED_ORDER', refId: make.key });
  });

  describe('exceptions', () => {
    const types = (r: MrpResult) => r.exceptions.map((e) => [e.type, e.productId, e.week]);
    const bearWithFabric = (over: Partial<MrpSnapshot>) =>
      snapshot({
        products: [fg('bear'), product('fabric')],
        bomLines: [line('bear', 'fabric', '1')],
        supplierItems: [supplier('fabric', { leadTimeDays: 0 })],
        ...over,
      });

    it('LATE: a start before today is still planned, for today', () => {
      const result = planMrp(
        bearWithFabric({
          products: [fg('bear', { productionLeadDays: 10 }), product('fabric')],
          salesDemand: [so('a', 'bear', '10', '2026-12-11')],
          supplierItems: [supplier('fabric', { leadTimeDays: 5 })],
        }),
      );
      expect(types(result)).toEqual([
        ['LATE', 'bear', '2026-W50'],
        ['LATE', 'fabric', '2026-W50'],
      ]);
      expect(ordersOf(result, 'bear')[0]).toMatchObject({
        late: true,
        startDate: TODAY,
        dueDate: '2026-12-21',
      });
      expect(ordersOf(result, 'fabric')[0]).toMatchObject({
        late: true,
        startDate: TODAY,
        dueDate: '2026-12-14',
      });
      expect(result.exceptions[0].message).toContain('SO-a');
      // The reason and its params word the same in any language; the message is their English text.
      expect(result.exceptions[0]).toMatchObject({
        reason: 'MAKE_LATE',
        params: { product: 'BEAR', date: '2026-12-11', ready: '2026-12-21' },
      });
      expect(result.exceptions[1]).toMatchObject({
        reason: 'BUY_LATE',
        params: { leadDays: '5', arrives: '2026-12-14' },
      });
    });

    it('NO_BOM: a finished good without an active BOM is not planned', () => {
      const result = planMrp(
        snapshot({ products: [fg('bear')], salesDemand: [so('a', 'bear', '5', '2026-12-23')] }),
      );
      expect(types(result)).toEqual([['NO_BOM', 'bear', '2026-W52']]);
      expect(result.plannedOrders).toEqual([]);
      expect(rowOf(result, 'bear')[2][4]).toBe(-5);
    });

    it('NO_SUPPLIER: a purchased item without a supplier item is planned in its stock unit', () => {
      const result = planMrp(
        snapshot({
          products: [product('thread', { type: 'ACCESSORY', uom: 'CONE' })],
          moDemand: [
            {
              moId: 'm',
              batchNumber: 'MO-1',
              startDate: '2026-12-16',
              explode: null,
              materials: [{ productId: 'thread', quantity: '1.2' }],
            },
          ],
        }),
      );
      expect(types(result)).toEqual([['NO_SUPPLIER', 'thread', '2026-W51']]);
      expect(result.exceptions[0]).toMatchObject({
        reason: 'NO_SUPPLIER_ITEM',
        params: { product: 'THREAD', quantity: '1.2000', unit: 'CONE' },
        message: 'THREAD needs 1.2000 CONE but has no preferred supplier item',
      });
      expect(ordersOf(result, 'thread')[0]).toMatchObject({ quantity: '2.0000', supplierId: null });
    });

    it('EXCESS: on hand at the horizon end above 1.5 × (safety stock + later demand)', () => {
      const plan = (free: string) =>
        planMrp(
          bearWithFabric({
            products: [fg('bear', { safetyStock: '10' }), product('fabric')],
            stock: [{ productId: 'bear', free }],
            salesDemand: [so('a', 'bear', '20', '2026-12-16'), so('later', 'bear', '40', '2027-01-20')],
          }),
        );
      // 100 − 20 = 80 left > 1.5 × (10 + 40) = 75; 95 − 20 = 75 is not above it.
      expect(types(plan('100'))).toEqual([['EXCESS', 'bear', '2026-W52']]);
      expect(types(plan('95'))).toEqual([]);
    });

    it('PAST_DUE: demand before the horizon falls into the first week', () => {
      const result = planMrp(
        bearWithFabric({
          stock: [{ productId: 'bear', free: '5' }],
          salesDemand: [so('old', 'bear', '5', '2026-11-30')],
        }),
      );
      expect(types(result)).toEqual([['PAST_DUE', 'bear', '2026-W50']]);
      expect(rowOf(result, 'bear')[0]).toEqual(['2026-W50', 5, 0, 0, 0]);
    });
  });

  describe('properties', () => {
    const qty = fc.integer({ min: 0, max: 5000 }).map((n) => new Decimal(n).div(10).toString());
    const positive = qty.filter((q) => Number(q) > 0);
    const scenario = fc.record({
      freeBear: qty,
      freeFabric: qty,
      safetyBear: fc.option(positive, { nil: null }),
      safetyFabric: fc.option(positive, { nil: null }),
      pack: fc.option(fc.constantFrom('0.5', '1', '50', '12.5'), { nil: null }),
      minimum: fc.option(fc.constantFrom('1', '10', '100'), { nil: null }),
      wastage: fc.constantFrom('0', '5', '12.5'),
      demand: fc.array(
        fc.record({
          quantity: fc.integer({ min: 1, max: 300 }),
          day: fc.integer({ min: -10, max: 40 }),
          dest: fc.constantFrom('EU', 'US', 'GB'),
        }),
        { maxLength: 12 },
      ),
    });

    it('never plans a non-positive quantity, never leaves projected on hand below safety stock', () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const result = planMrp(
            snapshot({
              horizonWeeks: 6,
              products: [
                fg('bear', { safetyStock: s.safetyBear }),
                product('fabric', { uom: 'YARD', safetyStock: s.safetyFabric }),
              ],
              bomLines: [line('bear', 'fabric', '0.35', { wastagePercent: s.wastage })],
              stock: [
                { productId: 'bear', free: s.freeBear },
                { productId: 'fabric', free: s.freeFabric },
              ],
              salesDemand: s.demand.map((d, i) =>
                so(`l${i}`, 'bear', String(d.quantity), addWorkingDays(TODAY, Math.max(0, d.day)), d.dest),
              ),
              supplierItems: [
                supplier('fabric', { purchaseUom: 'METER', packSize: s.pack, minimumQuantity: s.minimum }),
              ],
            }),
          );
          for (const o of result.plannedOrders) expect(new Decimal(o.quantity).gt(0)).toBe(true);
          for (const row of result.grid)
            for (const b of row.buckets)
              expect(new Decimal(b.projectedOnHand).gte(row.safetyStock)).toBe(true);
          for (const o of result.plannedOrders.filter((p) => p.type === 'MAKE'))
            expect(o.pegs).toHaveLength(1);
        }),
        { numRuns: 300 },
      );
    });
  });
});
