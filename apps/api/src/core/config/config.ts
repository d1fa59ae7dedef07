import { z } from 'zod';

const DEV_JWT_SECRET = 'kapok-development-secret-not-for-production-use';
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
  KAPOK_BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12).optional(),
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
  /** Creates the first superadmin `admin` with this password when the database has no user. */
  bootstrapAdminPassword: string | undefined;
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
  const seedDemo = e.KAPOK_SEED_DEMO ?? !production;
  if (production) {
    const problems: string[] = [];
    if (!e.JWT_SECRET || e.JWT_SECRET.length < 32 || e.JWT_SECRET === DEV_JWT_SECRET)
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
    jwtSecret: e.JWT_SECRET ?? DEV_JWT_SECRET,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
    corsOrigins,
    seedDemo,
    logLevel: e.LOG_LEVEL,
    webDistDir: e.WEB_DIST_DIR,
    dbPoolSize: e.DB_POOL_SIZE,
    sseHeartbeatSeconds: e.SSE_HEARTBEAT_SECONDS,
    bootstrapAdminPassword: e.KAPOK_BOOTSTRAP_ADMIN_PASSWORD,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
