/**
 * The load: autocannon runs for the reads (the same request sequence against Kapok and the baseline) and
 * for the write cycles (autocannon `requests` chained with setupRequest/onResponse: each HTTP request is
 * one step, a failed step restarts the connection's cycle), with what each cycle acknowledged kept to
 * prove afterwards that nothing acknowledged was lost.
 */
import autocannon from 'autocannon';

/** Signs in through the API; returns the access token. */
export async function login(base, username, password) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}

/** One autocannon run; resolves with its result. */
function run(options) {
  return new Promise((done, fail) => {
    autocannon({ timeout: 30, pipelining: 1, ...options }, (error, result) =>
      error ? fail(error) : done(result),
    );
  });
}

/** The figures the table shows, from an autocannon result. */
export function figures(result) {
  // A 304 is a served answer (the client already has it): counted with the 2xx.
  const notModified = result.statusCodeStats['304']?.count ?? 0;
  const ok = result['2xx'] + notModified;
  return {
    rps: result.duration > 0 ? ok / result.duration : 0,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx - notModified,
    notModified,
    requests: result.requests.total,
    ok,
    bytesPerRequest: result.requests.total ? result.throughput.total / result.requests.total : 0,
    duration: result.duration,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
  };
}

/**
 * A read scenario against one server: a short warm-up, then the measured run. `paths` rotate, so both
 * servers see the same sequence of ids.
 */
export async function readLoad({
  base,
  paths,
  headers = {},
  connections,
  duration,
  warmup,
  browser = false,
}) {
  const make = () => {
    let i = 0;
    if (!browser)
      return [
        { method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length], headers }) },
      ];
    // As a browser asks: gzip accepted, and the tag it holds sent back on a repeat. The tags live outside
    // autocannon's context, which it clears each time it loops over a one-request sequence.
    const tags = new Map();
    return [
      {
        method: 'GET',
        setupRequest: (req, ctx) => {
          const path = paths[i++ % paths.length];
          ctx.path = path;
          const tag = tags.get(path);
          return {
            ...req,
            path,
            headers: { ...headers, 'accept-encoding': 'gzip', ...(tag ? { 'if-none-match': tag } : {}) },
          };
        },
        onResponse: (status, _body, ctx, responseHeaders) => {
          const etag = responseHeaders?.etag;
          if (status === 200 && etag) tags.set(ctx.path, etag);
        },
      },
    ];
  };
  if (warmup > 0) await run({ url: base, connections, duration: warmup, requests: make() });
  return figures(await run({ url: base, connections, duration, requests: make() }));
}

const jsonHeaders = (token) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

/**
 * A cycle of chained steps. `steps[i]` = { name, expect, path(ctx), token, body(ctx) }; the first step's
 * answer gives the entity id. Returns the autocannon figures and, per step, the ids whose step was
 * acknowledged (2xx) plus the refusals by status and code.
 */
async function cycleLoad({ base, steps, connections, duration }) {
  const acked = Object.fromEntries(steps.map((s) => [s.name, new Set()]));
  const refused = {};
  const refuse = (step, status, body) => {
    let code = '';
    try {
      code = JSON.parse(body).code ?? '';
    } catch {
      // not JSON
    }
    const key = `${step} ${status} ${code}`.trim();
    refused[key] = (refused[key] ?? 0) + 1;
  };
  const requests = steps.map((step, i) => ({
    method: 'POST',
    setupRequest: (req, ctx) => {
      if (i > 0 && !ctx.id) return null;
      if (i === 0) ctx.id = null;
      return {
        ...req,
        path: step.path(ctx),
        headers: jsonHeaders(step.token),
        body: JSON.stringify(step.body(ctx)),
      };
    },
    onResponse: (status, body, ctx) => {
      if (status === step.expect) {
        if (i === 0) ctx.id = JSON.parse(body).id;
        acked[step.name].add(ctx.id);
      } else {
        refuse(step.name, status, body);
        ctx.id = null;
      }
    },
  }));
  const result = figures(await run({ url: base, connections, duration, requests }));
  return { ...result, acked, refused };
}

/**
 * The kanban cycle: packing requests 1 unit of a material, the warehouse approves (reserves) and ships
 * it, packing receives it. Products rotate over `productIds` so postings spread over balances.
 */
export function kanbanCycle({ base, tokens, productIds, connections, duration }) {
  let n = 0;
  const card = (action) => (ctx) => `/api/v1/ppic/kanban/cards/${ctx.id}/${action}`;
  return cycleLoad({
    base,
    connections,
    duration,
    steps: [
      {
        name: 'create',
        expect: 201,
        token: tokens.packing,
        path: () => '/api/v1/ppic/kanban/cards',
        body: () => ({
          productId: productIds[n++ % productIds.length],
          quantity: 1,
          reason: 'Benchmark cycle',
        }),
      },
      { name: 'approve', expect: 200, token: tokens.warehouse, path: card('approve'), body: () => ({}) },
      { name: 'ship', expect: 200, token: tokens.warehouse, path: card('ship'), body: () => ({}) },
      { name: 'receive', expect: 200, token: tokens.packing, path: card('receive'), body: () => ({}) },
    ],
  });
}

/**
 * The MO cycle: PPIC creates an order of `quantity` pieces of a hero article (five BOM levels, 30
 * purchased components), the manager approves it (explosion frozen), PPIC starts it (work orders,
 * cutting materials reserved) and completes it (goods received, 30 materials back-flushed).
 */
export function moCycle({ base, tokens, productIds, quantity, connections, duration }) {
  let n = 0;
  const mo = (action) => (ctx) => `/api/v1/ppic/tasks/${ctx.id}/${action}`;
  return cycleLoad({
    base,
    connections,
    duration,
    steps: [
      {
        name: 'create',
        expect: 201,
        token: tokens.ppic,
        path: () => '/api/v1/ppic/tasks',
        body: () => ({
          productId: productIds[n++ % productIds.length],
          plannedQuantity: quantity,
          route: 'ROUTE_1',
        }),
      },
      { name: 'approve', expect: 200, token: tokens.manager, path: mo('approve'), body: () => ({}) },
      { name: 'start', expect: 200, token: tokens.ppic, path: mo('start'), body: () => ({}) },
      {
        name: 'complete',
        expect: 200,
        token: tokens.ppic,
        path: mo('complete'),
        body: () => ({ actualQuantity: quantity }),
      },
    ],
  });
}

/**
 * "No lost update" for the kanban cycle: every acknowledged step is in the database, and each card's
 * stock effect is exactly its state (one reserved unit while approved, one unit in transit once shipped,
 * one unit on the line once received; nothing twice). Steps answered after autocannon stopped listening
 * may be in the database without an acknowledgement; they are counted, never an error.
 */
export async function verifyKanban(client, acked) {
  const ids = [...acked.create];
  const { rows } = await client.query(
    `select c.id, c.status, c.approved_at is not null as approved, c.shipped_at is not null as shipped, c.received_at is not null as received,
            coalesce((select sum(r.open_quantity) from stock_reservations r where r.document_type = 'kanban_card' and r.document_id = c.id and r.status = 'OPEN'), 0)::float as reserved,
            coalesce((select sum(m.quantity) from stock_moves m join locations t on t.id = m.to_location_id and t.type = 'TRANSIT' where m.document_id = c.id), 0)::float as shipped_qty,
            coalesce((select sum(m.quantity) from stock_moves m join locations t on t.id = m.to_location_id and t.type = 'LINE' where m.document_id = c.id), 0)::float as received_qty
       from kanban_cards c where c.id = any($1::uuid[])`,
    [ids],
  );
  const problems = [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (rows.length !== ids.length) problems.push(`${ids.length - rows.length} acknowledged cards are missing`);
  const check = (step, field) => {
    for (const id of acked[step])
      if (!byId.get(id)?.[field]) problems.push(`card ${id}: ${step} acknowledged, not recorded`);
  };
  check('approve', 'approved');
  check('ship', 'shipped');
  check('receive', 'received');
  let unacknowledged = 0;
  for (const r of rows) {
    const expectReserved = r.status === 'APPROVED' ? 1 : 0;
    const expectShipped = r.shipped ? 1 : 0;
    const expectReceived = r.received ? 1 : 0;
    if (r.reserved !== expectReserved || r.shipped_qty !== expectShipped || r.received_qty !== expectReceived)
      problems.push(
        `card ${r.id} (${r.status}): reserved ${r.reserved}, shipped ${r.shipped_qty}, received ${r.received_qty}`,
      );
    if (r.received && !acked.receive.has(r.id)) unacknowledged++;
  }
  return { cards: rows.length, problems, unacknowledged };
}

/** "No lost update" for the MO cycle: acknowledged steps recorded, each completed order received once with its reservations closed. */
export async function verifyMo(client, acked, quantity) {
  const ids = [...acked.create];
  const { rows } = await client.query(
    `select mo.id, mo.state::text as state, mo.approved_at is not null as approved, mo.started_at is not null as started,
            coalesce((select sum(m.quantity) from stock_moves m where m.document_id = mo.id and m.type = 'PRODUCTION_OUTPUT'), 0)::float as output,
            (select count(*) from stock_moves m where m.document_id = mo.id and m.type = 'PRODUCTION_CONSUME')::int as consumed,
            coalesce((select sum(r.open_quantity) from stock_reservations r join work_orders w on w.id = r.document_id
                       where w.mo_id = mo.id and r.status = 'OPEN'), 0)::float as reserved
       from manufacturing_orders mo where mo.id = any($1::uuid[])`,
    [ids],
  );
  const problems = [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (rows.length !== ids.length)
    problems.push(`${ids.length - rows.length} acknowledged orders are missing`);
  for (const [step, field] of [
    ['approve', 'approved'],
    ['start', 'started'],
  ])
    for (const id of acked[step])
      if (!byId.get(id)?.[field]) problems.push(`order ${id}: ${step} acknowledged, not recorded`);
  for (const id of acked.complete)
    if (byId.get(id)?.state !== 'COMPLETED')
      problems.push(`order ${id}: completion acknowledged, not recorded`);
  let unacknowledged = 0;
  let consumedMoves = 0;
  for (const r of rows) {
    const completed = r.state === 'COMPLETED';
    if (
      r.output !== (completed ? quantity : 0) ||
      (completed && r.reserved !== 0) ||
      (completed && r.consumed === 0)
    )
      problems.push(
        `order ${r.id} (${r.state}): output ${r.output}, consumption moves ${r.consumed}, still reserved ${r.reserved}`,
      );
    if (completed) consumedMoves += r.consumed;
    if (completed && !acked.complete.has(r.id)) unacknowledged++;
  }
  return { orders: rows.length, problems, unacknowledged, consumedMoves };
}
