import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';

const OLD_DEV_JWT_SECRET = 'kapok-development-secret-not-for-production-use';
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  KAPOK_DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  JWT_SECRET: z.string().min(1).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .default(14 * 86_400),
  CORS_ORIGINS: z.string().optional(),
  KAPOK_SEED_DEMO: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST_DIR: z.string().optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  SSE_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(20),
  MRP_SYNC_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(2000),
  KAPOK_BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12).optional(),
  TRUST_PROXY: z.string().optional(),
  METRICS_TOKEN: z.string().min(16).optional(),
  API_DOCS: bool.optional(),
  JOBS_ENABLED: bool.optional(),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: bool.optional(),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(10_000),
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(2),
  JOBS_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  corsOrigins: string[];
  seedDemo: boolean;
  logLevel: string;
  webDistDir: string | undefined;
  dbPoolSize: number;
  sseHeartbeatSeconds: number;
  /** How long POST /planning/mrp/runs waits for the plan before answering 202 (0: always 202). */
  mrpSyncWaitMs: number;
  /** Creates the first superadmin `admin` with this password when the database has no user. */
  bootstrapAdminPassword: string | undefined;
  /** Proxies whose X-Forwarded-For is believed: none (false), a hop count, or addresses/CIDR ranges. */
  trustProxy: false | number | string[];
  /** Bearer token `/metrics` asks for; in production without it `/metrics` is closed. */
  metricsToken: string | undefined;
  /** Swagger UI and `/api/docs-json` (default on, off in production). */
  apiDocs: boolean;
  /** The job queue's worker in this process (off in tests, which run jobs with `Jobs.runDue`). */
  jobs: { enabled: boolean; concurrency: number; pollIntervalMs: number };
  /** Outgoing webhooks: private/loopback/link-local targets allowed (development), time per attempt. */
  webhooks: { allowPrivateTargets: boolean; timeoutMs: number };
}

export class ConfigError extends Error {}

/** Reads and validates the environment; a bad value stops the process with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  if (trustProxy === undefined)
    throw new ConfigError(
      'Invalid configuration:\n  TRUST_PROXY: a hop count or a comma-separated list of addresses/CIDR ranges',
    );
  const seedDemo = e.KAPOK_SEED_DEMO ?? !production;
  if (production) {
    const problems: string[] = [];
    if (!e.JWT_SECRET || e.JWT_SECRET.length < 32 || e.JWT_SECRET === OLD_DEV_JWT_SECRET)
      problems.push('JWT_SECRET must be set to a secret of at least 32 characters');
    if (!e.DATABASE_URL) problems.push('DATABASE_URL must point to the production PostgreSQL');
    if (seedDemo) problems.push('KAPOK_SEED_DEMO must be false: the demo seed never runs in production');
    if (problems.length)
      throw new ConfigError(`Refusing to start in production:\n  ${problems.join('\n  ')}`);
  }
  const corsOrigins = e.CORS_ORIGINS
    ? e.CORS_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter(Boolean)
    : production
      ? []
      : ['http://localhost:5173', 'http://localhost:3000'];
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.KAPOK_DATA_DIR,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    // Empty until main.ts fills in the development secret of the data directory.
    jwtSecret: e.JWT_SECRET ?? '',
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
    corsOrigins,
    seedDemo,
    logLevel: e.LOG_LEVEL,
    webDistDir: e.WEB_DIST_DIR,
    dbPoolSize: e.DB_POOL_SIZE,
    sseHeartbeatSeconds: e.SSE_HEARTBEAT_SECONDS,
    mrpSyncWaitMs: e.MRP_SYNC_WAIT_MS,
    bootstrapAdminPassword: e.KAPOK_BOOTSTRAP_ADMIN_PASSWORD,
    trustProxy: trustProxy ?? false,
    metricsToken: e.METRICS_TOKEN,
    apiDocs: e.API_DOCS ?? !production,
    jobs: {
      enabled: e.JOBS_ENABLED ?? e.NODE_ENV !== 'test',
      concurrency: e.JOBS_CONCURRENCY,
      pollIntervalMs: e.JOBS_POLL_INTERVAL_MS,
    },
    webhooks: {
      allowPrivateTargets: e.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? !production,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
    },
  };
}

/** `TRUST_PROXY`: unset or empty = trust nobody; digits = hop count; else addresses or CIDR ranges. */
function parseTrustProxy(value: string | undefined): false | number | string[] | undefined {
  const v = value?.trim();
  if (!v || v === 'false' || v === '0') return false;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const entries = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const valid = entries.every((x) => {
    const [address, bits, extra] = x.split('/');
    if (extra !== undefined || !isIP(address)) return false;
    return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128));
  });
  return valid ? entries : undefined;
}

/**
 * Without JWT_SECRET (development only) the secret is random per data directory, made on first start
 * and kept in `<dataDir>/jwt-secret`, so no two installations share a signing key.
 */
export function withDevelopmentSecret(config: AppConfig): AppConfig {
  if (config.jwtSecret) return config;
  const file = join(config.dataDir, 'jwt-secret');
  mkdirSync(config.dataDir, { recursive: true });
  // Written aside and linked into place: a second process starting at once never reads half a file.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, randomBytes(48).toString('base64url'), { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(draft);
  }
  return { ...config, jwtSecret: readFileSync(file, 'utf8').trim() };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
