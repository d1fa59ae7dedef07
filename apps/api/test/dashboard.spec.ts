import { ppicFixtures } from './support/ppic-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
let p: Awaited<ReturnType<typeof ppicFixtures>>;

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['warehouse', 'engineer', 'ppic', 'ppic_admin', 'manager', 'cutting'])
    tokens[u] = (await t.as(u)).accessToken;
  p = await ppicFixtures(t, tokens);
});
afterAll(() => t.close());

/** WIB wall-clock time as an instant. */
const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

async function completedOrder(planned: number, actual: number, goodFirst?: { good: number; reject: number }) {
  const a = await p.article({ fabric: 500, label: 100, carton: 100 });
  const mo = await p.mo(a.fg.id, planned);
  await p.transition('manager', mo.id, 'approve');
  await p.transition('ppic_admin', mo.id, 'start');
  const wos = (await p.call('ppic', 'GET', `/production/work-orders?moId=${mo.id}`)).body.items;
  if (goodFirst) {
    await p.call('cutting', 'POST', `/production/work-orders/${wos[0].id}/start`);
    await p.call('cutting', 'POST', `/production/work-orders/${wos[0].id}/output`, {
      goodQuantity: goodFirst.good,
      rejectedQuantity: goodFirst.reject,
      rejectReason: 'Misprint',
    });
  }
  const done = await p.transition('ppic_admin', mo.id, 'complete', { actualQuantity: actual });
  expect(done.status).toBe(200);
  return { mo, wos };
}

describe('MO dashboard on a hand-built history', () => {
  it('computes plan attainment, yield, on-time rate, cycle time, throughput and the bottleneck', async () => {
    const a = await completedOrder(10, 10, { good: 9, reject: 1 });
    const b = await completedOrder(10, 8);
    const c = await completedOrder(20, 18);
    const setMo = (id: string, started: string, completed: string, due: string | null) =>
      t.db.query(
        'update manufacturing_orders set started_at = $2, completed_at = $3, due_date = $4 where id = $1',
        [id, wib(started), wib(completed), due],
      );
    await setMo(a.mo.id, '2025-03-02T08:00:00', '2025-03-03T08:00:00', '2025-03-05');
    await setMo(b.mo.id, '2025-03-03T08:00:00', '2025-03-05T08:00:00', '2025-03-04');
    await setMo(c.mo.id, '2025-03-04T08:00:00', '2025-03-04T20:00:00', null);
    await t.db.query('update work_order_outputs set created_at = $2 where work_order_id = $1', [
      a.wos[0].id,
      wib('2025-03-02T10:00:00'),
    ]);
    const setWo = (id: string, ready: string, started: string, ended: string) =>
      t.db.query('update work_orders set ready_at = $2, started_at = $3, ended_at = $4 where id = $1', [
        id,
        wib(ready),
        wib(started),
        wib(ended),
      ]);
    await setWo(a.wos[0].id, '2025-03-02T08:00:00', '2025-03-02T09:00:00', '2025-03-02T13:00:00'); // cutting: wait 1 h, 4 h work
    await setWo(b.wos[0].id, '2025-03-03T08:00:00', '2025-03-03T11:00:00', '2025-03-03T12:00:00'); // cutting: wait 3 h, 1 h work
    await setWo(a.wos[1].id, '2025-03-02T13:00:00', '2025-03-04T13:00:00', '2025-03-04T17:00:00'); // sewing: wait 48 h

    const perf = (await p.call('ppic', 'GET', '/ppic/dashboard/performance?from=2025-03-01&to=2025-03-10'))
      .body;
    expect(perf).toMatchObject({
      from: '2025-03-01',
      to: '2025-03-10',
      completedOrders: 3,
      plannedQuantity: 40,
      producedQuantity: 36,
      planAttainment: 0.9,
      yield: 0.9,
      onTimeRate: 0.6667,
      averageCycleHours: 28,
    });
    expect(perf.throughput).toHaveLength(10);
    const day = (d: string) => perf.throughput.find((x: { day: string }) => x.day === d);
    expect(day('2025-03-03')).toEqual({ day: '2025-03-03', produced: 10, completedOrders: 1 });
    expect(day('2025-03-04')).toEqual({ day: '2025-03-04', produced: 18, completedOrders: 1 });
    expect(day('2025-03-05')).toEqual({ day: '2025-03-05', produced: 8, completedOrders: 1 });
    expect(day('2025-03-01')).toEqual({ day: '2025-03-01', produced: 0, completedOrders: 0 });

    const load = (await p.call('ppic', 'GET', '/ppic/dashboard/bottlenecks?from=2025-03-01&to=2025-03-10'))
      .body;
    const dept = (d: string) => load.departments.find((x: { department: string }) => x.department === d);
    expect(dept('CUTTING')).toMatchObject({ averageWaitHours: 2, averageProcessingHours: 2.5 });
    expect(dept('CUTTING').utilisation).toBeCloseTo(5 / 240, 3);
    expect(dept('SEWING')).toMatchObject({ averageWaitHours: 48, averageProcessingHours: 4 });
    expect(load.bottleneck).toBe('SEWING');
    expect(load.departments.map((d: { department: string }) => d.department)).toEqual([
      'CUTTING',
      'EMBROIDERY',
      'SUBCON',
      'SEWING',
      'FINISHING',
      'PACKING',
    ]);
    expect(
      (await p.call('ppic', 'GET', '/ppic/dashboard/performance?from=2025-03-10&to=2025-03-01')).status,
    ).toBe(422);
  });

  it('counts orders by state, work in progress per department, and late orders', async () => {
    const before = (await p.call('ppic', 'GET', '/ppic/dashboard/overview')).body;
    const a = await p.article({ fabric: 100, label: 50, carton: 50 });
    const late = await p.mo(a.fg.id, 5, { dueDate: '2025-01-01' });
    await p.transition('manager', late.id, 'approve');
    const running = await p.mo(a.fg.id, 6);
    await p.transition('manager', running.id, 'approve');
    await p.transition('ppic_admin', running.id, 'start');
    const after = (await p.call('ppic', 'GET', '/ppic/dashboard/overview')).body;
    const count = (o: { byState: Array<{ state: string; count: number }> }, s: string) =>
      o.byState.find((x) => x.state === s)!.count;
    expect(count(after, 'APPROVED') - count(before, 'APPROVED')).toBe(1);
    expect(count(after, 'IN_PROGRESS') - count(before, 'IN_PROGRESS')).toBe(1);
    expect(after.lateCount - before.lateCount).toBe(1);
    expect(after.late.find((l: { id: string }) => l.id === late.id)).toMatchObject({
      state: 'APPROVED',
      dueDate: '2025-01-01',
    });
    const cutting = (x: {
      wipByDepartment: Array<{ department: string; queuedQuantity: number; activeOrders: number }>;
    }) => x.wipByDepartment.find((d) => d.department === 'CUTTING')!;
    expect(cutting(after).queuedQuantity - cutting(before).queuedQuantity).toBe(6);
    expect(cutting(after).activeOrders - cutting(before).activeOrders).toBe(1);
  });
});
