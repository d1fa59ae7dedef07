import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { RequestContext } from '../context/request-context.js';
import { statementCounts } from '../database/statement-counter.js';
import { EventsHub } from '../events/events.hub.js';
import { committed, happened } from './counters.js';

/**
 * Prometheus metrics at `/metrics` (no /api/v1 prefix): request durations and statements by route
 * template and status (static files under one label), process metrics, the database pool, and business
 * counters of this process bumped when a command commits (sum them over replicas). A scrape costs one
 * small query (open alerts), whatever the size of the ledger; without a database it still answers with
 * everything else.
 */
/**
 * `token`: a string asks scrapers for `Authorization: Bearer <token>`; null closes `/metrics` (production
 * without METRICS_TOKEN); undefined leaves it open (development).
 */
export function registerMetrics(app: NestFastifyApplication, token?: string | null): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kapok_' });
  const dataSource = app.get(DataSource);
  const hub = app.get(EventsHub);

  const duration = new Histogram({
    name: 'kapok_http_request_duration_seconds',
    help: 'HTTP request duration by route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const statements = new Histogram({
    name: 'kapok_http_request_statements',
    help: 'SQL statements one HTTP request sent, by route template (transaction control included)',
    labelNames: ['method', 'route'],
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [registry],
  });
  new Counter({
    name: 'kapok_db_statements_total',
    help: 'SQL statements this process sent, by whether a request or background work sent them',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      this.reset();
      this.inc({ source: 'request' }, statementCounts.inRequests);
      this.inc({ source: 'background' }, statementCounts.total - statementCounts.inRequests);
    },
  });
  new Counter({
    name: 'kapok_stock_moves_total',
    help: 'Stock moves committed by this process, by move type',
    labelNames: ['type'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [type, n] of committed.stockMoves) this.inc({ type }, n);
    },
  });
  new Counter({
    name: 'kapok_transitions_total',
    help: 'Audited changes committed by this process (state transitions, creates, edits), by entity and action',
    labelNames: ['entity', 'action'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [key, n] of committed.changes) {
        const [entity, action] = key.split('|');
        this.inc({ entity, action }, n);
      }
    },
  });
  new Counter({
    name: 'kapok_login_failures_total',
    help: 'Sign-ins refused for a wrong username or password on this process',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(happened.loginFailures);
    },
  });
  new Counter({
    name: 'kapok_idempotent_replays_total',
    help: 'Requests answered again from a stored answer of the same Idempotency-Key',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(happened.idempotentReplays);
    },
  });
  new Counter({
    name: 'kapok_webhook_deliveries_total',
    help: 'Webhook delivery attempts of this process, by outcome (delivered, failed)',
    labelNames: ['outcome'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [outcome, n] of happened.webhookDeliveries) this.inc({ outcome }, n);
    },
  });
  const up = new Gauge({
    name: 'kapok_database_up',
    help: '1 when the last scrape could read from the database, else 0',
    registers: [registry],
  });
  new Gauge({
    name: 'kapok_open_alerts',
    help: 'Stock alerts not resolved, by level',
    labelNames: ['level'],
    registers: [registry],
    async collect() {
      // The database being down must not take the process metrics with it.
      try {
        const rows: Array<{ level: string; n: string }> = await dataSource.query(
          `select level, count(*) as n from stock_alerts where status <> 'RESOLVED' group by level`,
        );
        this.reset();
        for (const r of rows) this.set({ level: r.level }, Number(r.n));
        up.set(1);
      } catch {
        this.reset();
        up.set(0);
      }
    },
  });
  const pool = (dataSource.driver as unknown as { master?: PoolStats }).master;
  new Gauge({
    name: 'kapok_db_pool_connections',
    help: 'Connections of this process’s database pool: open, idle, and requests waiting for one',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'open' }, pool?.totalCount ?? 0);
      this.set({ state: 'idle' }, pool?.idleCount ?? 0);
      this.set({ state: 'waiting' }, pool?.waitingCount ?? 0);
    },
  });
  new Gauge({
    name: 'kapok_db_pool_max',
    help: 'The largest number of connections this process’s pool opens (DB_POOL_SIZE)',
    registers: [registry],
    collect() {
      this.set(pool?.options?.max ?? 0);
    },
  });
  new Gauge({
    name: 'kapok_sse_clients',
    help: 'Open server-sent-event streams on this instance',
    registers: [registry],
    collect() {
      this.set(hub.subscriberCount);
    },
  });
  new Gauge({
    name: 'kapok_build_info',
    help: 'The running build: API version and Node version (always 1)',
    labelNames: ['version', 'node'],
    registers: [registry],
  }).set({ version: API_VERSION, node: process.version }, 1);

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = routeLabel(request.routeOptions?.url);
    if (route !== '/metrics') {
      duration.observe(
        { method: request.method, route, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      statements.observe({ method: request.method, route }, RequestContext.of(request)?.statements ?? 0);
    }
    done();
  });
  const expected = token ? createHash('sha256').update(`Bearer ${token}`).digest() : undefined;
  fastify.get('/metrics', async (request, reply) => {
    if (token !== undefined) {
      const given = createHash('sha256')
        .update(String(request.headers.authorization ?? ''))
        .digest();
      if (!expected || !timingSafeEqual(given, expected)) {
        return reply
          .status(401)
          .header('www-authenticate', 'Bearer')
          .send({
            statusCode: 401,
            code: 'UNAUTHORIZED',
            message: expected
              ? 'Metrics need the bearer token of METRICS_TOKEN'
              : 'Metrics are closed: set METRICS_TOKEN to open them to a scraper',
            requestId: String(request.id),
          });
      }
    }
    try {
      const body = await registry.metrics();
      return reply.header('content-type', registry.contentType).send(body);
    } catch {
      return reply
        .status(503)
        .header('content-type', 'text/plain')
        .send('# metrics unavailable: the database is unreachable\n');
    }
  });
  return registry;
}

interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/** The route template; the web app's files (one route each, with hashed names) share one label. */
export function routeLabel(url: string | undefined): string {
  if (!url) return 'unmatched';
  if (url === '/metrics' || url.startsWith('/api/')) return url;
  return 'static';
}

const API_VERSION = (() => {
  try {
    const pkg = resolve(import.meta.dirname, '../../../package.json');
    return String((JSON.parse(readFileSync(pkg, 'utf8')) as { version?: unknown }).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
})();
