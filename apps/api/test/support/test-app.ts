import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createKapokClient, type KapokClient, unwrap } from '@kapok/api-client';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../../src/app.factory.js';
import { type AppConfig, loadConfig } from '../../src/core/config/config.js';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate } from '../../src/core/database/data-source.js';
import { ensureDatabase } from '../../src/core/database/embedded.js';
import { seedDemo } from '../../src/seed/demo.seed.js';
import { ensureReferenceData } from '../../src/seed/reference-data.js';
import { EventsHub } from '../../src/core/events/events.hub.js';

export const DEMO_PASSWORD = 'kapok-demo';
export const TEST_JWT_SECRET = 'kapok-test-secret-0123456789abcdef0123456789';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  databaseUrl: string;
  config: AppConfig;
  /** A pool on the suite's database, for checking what was written. */
  db: pg.Pool;
  /** A client without a token. */
  anonymous: KapokClient;
  /** A signed-in demo user, one session per username per suite (cheap to call often). */
  as(username: string): Promise<SignedInClient>;
  /** Signs a demo user in anew: a fresh session every call. */
  signIn(username: string): Promise<SignedInClient>;
  close(): Promise<void>;
}

export interface SignedInClient {
  client: KapokClient;
  accessToken: string;
  refreshToken: string;
  userId: string;
}

const TEMPLATE = 'kapok_template';

/** Migrates and seeds the template database once per run; every suite clones it (CREATE DATABASE ... TEMPLATE). */
async function ensureTemplate(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(424242)');
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1 and datistemplate', [
      TEMPLATE,
    ]);
    if (rowCount) return;
    await admin.query(`drop database if exists ${TEMPLATE}`);
    await admin.query(`create database ${TEMPLATE}`);
    const url = adminUrl.replace(/\/postgres$/, `/${TEMPLATE}`);
    await migrate(url);
    const ds = new DataSource(dataSourceOptions(url, 1));
    await ds.initialize();
    await ensureReferenceData(ds);
    await ds.destroy();
    const app = await createApp(testConfig(), url);
    await app.init();
    await seedDemo(app);
    await app.close();
    await admin.query(`alter database ${TEMPLATE} with is_template true allow_connections false`);
  } finally {
    await admin.query('select pg_advisory_unlock(424242)').catch(() => undefined);
    await admin.end();
  }
}

const testConfig = (env: Record<string, string> = {}): AppConfig =>
  loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    SSE_HEARTBEAT_SECONDS: '1',
    ...env,
  });

/** A new database: a clone of the migrated, seeded template, or empty (not even migrated). */
export async function freshDatabase(kind: 'seeded' | 'empty' = 'seeded'): Promise<string> {
  const adminUrl = process.env.KAPOK_TEST_PG_ADMIN_URL;
  if (!adminUrl)
    throw new Error('KAPOK_TEST_PG_ADMIN_URL is not set: run the tests through jest (global setup)');
  if (kind === 'seeded') await ensureTemplate(adminUrl);
  const name = `kapok_test_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(adminUrl, name, kind === 'seeded' ? TEMPLATE : undefined);
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

/** The real app over real HTTP on a fresh database cloned from the migrated, seeded template. */
export async function startTestApp(
  env: Record<string, string> = {},
  databaseUrl?: string,
  /** Runs after the app is built and before it starts (e.g. to register a job handler). */
  prepare?: (app: NestFastifyApplication) => void,
): Promise<TestApp> {
  const url = databaseUrl ?? (await freshDatabase());
  const config = testConfig(env);
  const app = await createApp(config, url);
  prepare?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  await app.get(EventsHub).ready;
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const db = new pg.Pool({ connectionString: url, max: 3 });
  const anonymous = createKapokClient({ baseUrl });
  const signIn = async (username: string): Promise<SignedInClient> => {
    const login = unwrap(
      await anonymous.POST('/api/v1/auth/login', { body: { username, password: DEMO_PASSWORD } }),
    );
    const client = createKapokClient({ baseUrl, getAccessToken: () => login.accessToken });
    return {
      client,
      accessToken: login.accessToken,
      refreshToken: login.refreshToken,
      userId: login.user.id,
    };
  };
  const sessions = new Map<string, Promise<SignedInClient>>();
  return {
    app,
    baseUrl,
    databaseUrl: url,
    config,
    db,
    anonymous,
    signIn,
    as(username: string) {
      if (!sessions.has(username)) sessions.set(username, signIn(username));
      return sessions.get(username)!;
    },
    async close() {
      await app.close();
      await db.end();
    },
  };
}

/** Calls a route with a raw fetch (for headers, odd bodies and paths outside the client). */
export async function raw(baseUrl: string, path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const response = await fetch(`${baseUrl}${path}`, { ...init, headers });
  const text = await response.text();
  let body: any;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body };
}
