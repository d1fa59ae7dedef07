import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { RequestContext } from '../context/request-context.js';
import { statementCounts } from '../database/statement-counter.js';
import { EventsHub } from '../events/events.hub.js';

/**
 * Prometheus metrics at `/metrics` (no /api/v1 prefix): request durations by
 * route template and status, process metrics, and business figures read from the database at scrape
 * time — the ledger and the audit log are append-only, so their counts are true counters, the same on
 * every replica (aggregate them with max, not sum).
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
    help: 'Stock moves in the ledger by move type',
    labelNames: ['type'],
    registers: [registry],
    async collect() {
      const rows: Array<{ type: string; n: string }> = await dataSource.query(
        'select type, count(*) as n from stock_moves group by type',
      );
      this.reset();
      for (const r of rows) this.inc({ type: r.type }, Number(r.n));
    },
  });
  new Counter({
    name: 'kapok_transitions_total',
    help: 'State transitions by entity and action (from the audit log)',
    labelNames: ['entity', 'action'],
    registers: [registry],
    async collect() {
      const rows: Array<{ entity_type: string; action: string; n: string }> = await dataSource.query(
        `select entity_type, action, count(*) as n from audit_log
          where entity_type in ('manufacturing_order', 'kanban_card', 'work_order', 'handover', 'stock_alert')
          group by entity_type, action`,
      );
      this.reset();
      for (const r of rows)
        this.inc({ entity: r.entity_type, action: r.action.split('.').pop()! }, Number(r.n));
    },
  });
  new Gauge({
    name: 'kapok_open_alerts',
    help: 'Stock alerts not resolved, by level',
    labelNames: ['level'],
    registers: [registry],
    async collect() {
      const rows: Array<{ level: string; n: string }> = await dataSource.query(
        `select level, count(*) as n from stock_alerts where status <> 'RESOLVED' group by level`,
      );
      this.reset();
      for (const r of rows) this.set({ level: r.level }, Number(r.n));
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

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
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
