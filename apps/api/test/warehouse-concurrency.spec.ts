import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Transactions } from '../src/core/database/transactions.js';
import { AppError } from '../src/core/errors/app-error.js';
import { checkLedger } from '../src/modules/warehouse/stock/ledger-check.js';
import { PostingService } from '../src/modules/warehouse/stock/posting.service.js';
import type { PostingOp } from '../src/modules/warehouse/stock/posting.types.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { warehouseFixtures } from './support/warehouse-fixtures.js';

let t: TestApp;
let token: string;
let f: ReturnType<typeof warehouseFixtures>;
beforeAll(async () => {
  t = await startTestApp({ DB_POOL_SIZE: '30' });
  token = (await t.as('warehouse')).accessToken;
  f = warehouseFixtures(t, () => token);
});
afterEach(async () => {
  expect(await checkLedger(t.app.get(DataSource))).toEqual([]);
});
afterAll(() => t.close());

describe('stock under concurrency', () => {
  it('200 parallel issues of 1 against 100 in stock: exactly 100 succeed and on-hand ends at 0', async () => {
    const p = await f.product();
    const rack = await f.rack();
    await f.receive(p.id, rack.id, 100);
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        f.call('POST', '/warehouse/stock/issues', { productId: p.id, fromLocationId: rack.id, quantity: 1 }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(100);
    expect(statuses.filter((s) => s === 409)).toHaveLength(100);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'INSUFFICIENT_STOCK')).toBe(
      true,
    );
    expect(await f.stock(p.id)).toMatchObject({ onHand: 0, available: 0 });
    const { rows } = await t.db.query('select on_hand from stock_balances where product_id = $1', [p.id]);
    expect(rows.every((r) => Number(r.on_hand) >= 0)).toBe(true);
  });

  it('30 parallel reservations of 10 against 100 available: exactly 10 hold stock', async () => {
    const p = await f.product();
    const rack = await f.rack();
    await f.receive(p.id, rack.id, 100);
    const posting = t.app.get(PostingService);
    const tx = t.app.get(Transactions);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        tx.run((m) =>
          posting.post(m, [
            {
              kind: 'reserve',
              productId: p.id,
              locationIds: [rack.id],
              quantity: 10,
              document: { type: 'kanban_card', id: randomUUID() },
            },
          ]),
        ),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    for (const o of outcomes)
      if (o.status === 'rejected') expect((o.reason as AppError).code).toBe('INSUFFICIENT_STOCK');
    expect(await f.stock(p.id)).toMatchObject({ onHand: 100, reserved: 100, available: 0 });
  });

  it('random sequences of postings never break a constraint and always pass the ledger check (fast-check)', async () => {
    const posting = t.app.get(PostingService);
    const tx = t.app.get(Transactions);
    const products = [await f.product({ uom: 'METER' }), await f.product({ uom: 'KG' })].map((p) => p.id);
    const racks = [(await f.rack()).id, (await f.rack()).id];
    const line = (await f.location('LINE-CUTTING')).id;
    const internal = [...racks, line];
    const [supplier, production, loss] = await Promise.all(
      ['SUPPLIER', 'PRODUCTION', 'LOSS'].map(async (c) => (await f.location(c)).id),
    );
    const lots = await Promise.all(
      products.flatMap((productId) =>
        ['A', 'B'].map(async (n, i) => ({
          productId,
          id: (
            await f.ok('POST', '/warehouse/lots', {
              productId,
              lotNumber: `P-${n}-${randomUUID().slice(0, 6)}`,
              receivedAt: new Date(Date.now() - (i + 1) * 86_400_000).toISOString(),
            })
          ).id as string,
        })),
      ),
    );
    const documents = Array.from({ length: 3 }, () => ({ type: 'manufacturing_order', id: randomUUID() }));
    const quantity = fc.integer({ min: 1, max: 4000 }).map((n) => n / 100);
    const pick = <T>(xs: T[]) => fc.constantFrom(...xs);

    const op: fc.Arbitrary<PostingOp> = fc.oneof(
      fc
        .record({
          productId: pick(products),
          to: pick(internal),
          q: quantity,
          withLot: fc.boolean(),
          lotIndex: fc.nat(1),
        })
        .map(({ productId, to, q, withLot, lotIndex }) => ({
          kind: 'move' as const,
          type: 'RECEIPT' as const,
          productId,
          fromLocationId: supplier,
          toLocationId: to,
          quantity: q,
          lotId: withLot ? lots.filter((l) => l.productId === productId)[lotIndex].id : null,
        })),
      fc
        .record({
          productId: pick(products),
          from: pick(internal),
          to: pick([...internal, production, loss]),
          q: quantity,
          doc: fc.option(pick(documents), { nil: undefined }),
        })
        .filter(({ from, to }) => from !== to)
        .map(({ productId, from, to, q, doc }) => ({
          kind: 'move' as const,
          type: 'ISSUE' as const,
          productId,
          fromLocationId: from,
          toLocationId: to,
          quantity: q,
          fromReservationOf: doc,
        })),
      fc
        .record({
          productId: pick(products),
          locations: fc.subarray(internal, { minLength: 1 }),
          q: quantity,
          doc: pick(documents),
        })
        .map(({ productId, locations, q, doc }) => ({
          kind: 'reserve' as const,
          productId,
          locationIds: locations,
          quantity: q,
          document: doc,
        })),
      fc
        .record({ doc: pick(documents), productId: fc.option(pick(products), { nil: undefined }) })
        .map(({ doc, productId }) => ({ kind: 'release' as const, document: doc, productId })),
    );

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        async (postings) => {
          for (const ops of postings) {
            try {
              await tx.run((m) => posting.post(m, ops));
            } catch (e) {
              // Refusals are expected (not enough stock); anything else is a defect.
              if (!(e instanceof AppError) || e.code !== 'INSUFFICIENT_STOCK') throw e;
            }
          }
          expect(await checkLedger(t.app.get(DataSource))).toEqual([]);
          const { rows } = await t.db.query(
            'select count(*)::int as bad from stock_balances where on_hand < 0 or reserved < 0 or reserved > on_hand',
          );
          expect(rows[0].bad).toBe(0);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('stock alerts', () => {
  it('opens when a posting crosses the threshold, is acknowledged, re-raised when worse, resolved on recovery', async () => {
    const p = await f.product();
    const rack = await f.rack();
    await f.receive(p.id, rack.id, 100);
    const threshold = await f.ok('POST', '/warehouse/alerts/thresholds', {
      productId: p.id,
      minimumQuantity: 50,
    });
    expect(threshold).toMatchObject({ minimumQuantity: 50, criticalQuantity: 7.5, locationId: null });
    const alerts = async () => (await f.ok('GET', `/warehouse/alerts?productId=${p.id}`)).items;
    expect(await alerts()).toEqual([]);

    await f.ok('POST', '/warehouse/stock/issues', { productId: p.id, fromLocationId: rack.id, quantity: 60 });
    const [opened] = await alerts();
    expect(opened).toMatchObject({
      level: 'LOW',
      status: 'OPEN',
      availableAtOpen: 40,
      availableNow: 40,
      productCode: p.code,
    });
    expect((await f.ok('GET', `/warehouse/stock/summary?search=${p.code}`)).items[0].alertLevel).toBe('LOW');

    const ack = await f.call('POST', `/warehouse/alerts/${opened.id}/acknowledge`, {
      note: 'PO sent to supplier',
    });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({
      status: 'ACKNOWLEDGED',
      acknowledgeNote: 'PO sent to supplier',
      acknowledgedBy: { username: 'warehouse' },
    });
    expect((await f.call('POST', `/warehouse/alerts/${opened.id}/acknowledge`, {})).body.code).toBe(
      'INVALID_STATE',
    );

    await f.ok('POST', '/warehouse/stock/issues', { productId: p.id, fromLocationId: rack.id, quantity: 35 });
    const [raised] = await alerts();
    expect(raised).toMatchObject({ id: opened.id, level: 'CRITICAL', status: 'OPEN', availableNow: 5 });

    await f.ok('POST', '/warehouse/stock/issues', { productId: p.id, fromLocationId: rack.id, quantity: 5 });
    expect((await alerts())[0]).toMatchObject({ level: 'OUT', status: 'OPEN' });

    await f.receive(p.id, rack.id, 80);
    const [resolved] = await alerts();
    expect(resolved).toMatchObject({ id: opened.id, status: 'RESOLVED', availableNow: 80 });
    expect(resolved.resolvedAt).toEqual(expect.any(String));
    expect((await f.call('POST', `/warehouse/alerts/${opened.id}/acknowledge`, {})).status).toBe(409);

    await f.ok('POST', '/warehouse/stock/issues', { productId: p.id, fromLocationId: rack.id, quantity: 79 });
    const history = await alerts();
    expect(history.map((a: { status: string }) => a.status)).toEqual(['OPEN', 'RESOLVED']);
    expect((await f.ok('GET', `/warehouse/alerts?productId=${p.id}&status=RESOLVED`)).total).toBe(1);
  });

  it('a reservation lowers the available quantity and can open an alert; a location threshold watches its location', async () => {
    const p = await f.product();
    const rack = await f.rack();
    const line = await f.location('LINE-PACKING');
    await f.receive(p.id, rack.id, 100);
    await f.ok('POST', '/warehouse/alerts/thresholds', {
      productId: p.id,
      minimumQuantity: 40,
      criticalQuantity: 10,
    });
    await f.ok('POST', '/warehouse/alerts/thresholds', {
      productId: p.id,
      locationId: line.id,
      minimumQuantity: 5,
    });
    // The line has nothing: setting its threshold opens an OUT alert at once.
    expect(
      (await f.ok('GET', `/warehouse/alerts?productId=${p.id}`)).items.map(
        (a: { level: string; locationCode: string }) => [a.locationCode, a.level],
      ),
    ).toEqual([['LINE-PACKING', 'OUT']]);
    await t.app.get(Transactions).run((m) =>
      t.app.get(PostingService).post(m, [
        {
          kind: 'reserve',
          productId: p.id,
          locationIds: [rack.id],
          quantity: 65,
          document: { type: 'manufacturing_order', id: randomUUID() },
        },
      ]),
    );
    const levels = (await f.ok('GET', `/warehouse/alerts?productId=${p.id}&status=OPEN`)).items.map(
      (a: { level: string; locationCode: string | null }) => [a.locationCode, a.level],
    );
    expect(levels).toEqual(
      expect.arrayContaining([
        [null, 'LOW'],
        ['LINE-PACKING', 'OUT'],
      ]),
    );
    await f.ok('POST', '/warehouse/stock/transfers', {
      productId: p.id,
      fromLocationId: rack.id,
      toLocationId: line.id,
      quantity: 30,
    });
    const after = (await f.ok('GET', `/warehouse/alerts?productId=${p.id}`)).items.map(
      (a: { level: string; status: string; locationCode: string | null }) => [
        a.locationCode,
        a.level,
        a.status,
      ],
    );
    expect(after).toEqual(
      expect.arrayContaining([
        [null, 'CRITICAL', 'OPEN'],
        ['LINE-PACKING', 'OK', 'RESOLVED'],
      ]),
    );
  });

  it('a threshold crossed only by two concurrent postings opens exactly one alert with the right level', async () => {
    for (let round = 0; round < 5; round++) {
      const p = await f.product();
      const [a, b] = [await f.rack(), await f.rack()];
      await f.receive(p.id, a.id, 60);
      await f.receive(p.id, b.id, 60);
      await f.ok('POST', '/warehouse/alerts/thresholds', { productId: p.id, minimumQuantity: 100 });
      // Each issue alone leaves 105 (OK); together they leave 90 (LOW).
      const results = await Promise.all([
        f.call('POST', '/warehouse/stock/issues', { productId: p.id, fromLocationId: a.id, quantity: 15 }),
        f.call('POST', '/warehouse/stock/issues', { productId: p.id, fromLocationId: b.id, quantity: 15 }),
      ]);
      expect(results.map((r) => r.status)).toEqual([201, 201]);
      const open = (await f.ok('GET', `/warehouse/alerts?productId=${p.id}`)).items;
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ level: 'LOW', status: 'OPEN', availableNow: 90 });
    }
  });

  it('validates thresholds and answers 404 for unknown alerts and products', async () => {
    const p = await f.product();
    expect(
      (
        await f.call('POST', '/warehouse/alerts/thresholds', {
          productId: p.id,
          minimumQuantity: 10,
          criticalQuantity: 20,
        })
      ).status,
    ).toBe(422);
    expect(
      (await f.call('POST', '/warehouse/alerts/thresholds', { productId: p.id, minimumQuantity: 0 })).status,
    ).toBe(422);
    expect(
      (
        await f.call('POST', '/warehouse/alerts/thresholds', {
          productId: '00000000-0000-4000-8000-000000000000',
          minimumQuantity: 5,
        })
      ).status,
    ).toBe(404);
    expect(
      (await f.call('POST', '/warehouse/alerts/00000000-0000-4000-8000-000000000000/acknowledge', {})).status,
    ).toBe(404);
    const set = await f.ok('POST', '/warehouse/alerts/thresholds', { productId: p.id, minimumQuantity: 5 });
    const replaced = await f.ok('POST', '/warehouse/alerts/thresholds', {
      productId: p.id,
      minimumQuantity: 8,
    });
    expect(replaced).toMatchObject({ id: set.id, minimumQuantity: 8, version: 2 });
    expect((await f.ok('GET', `/warehouse/alerts/thresholds?productId=${p.id}`)).total).toBe(1);
    expect((await f.call('DELETE', `/warehouse/alerts/thresholds/${set.id}`)).status).toBe(204);
    expect((await f.call('DELETE', `/warehouse/alerts/thresholds/${set.id}`)).status).toBe(404);
  });
});
