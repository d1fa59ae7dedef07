import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedServer } from '../core/database/embedded.js';

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway embedded PostgreSQL in a temporary directory, removed on stop. */
export async function startTemporaryPostgres(): Promise<EmbeddedServer> {
  const dir = await mkdtemp(join(tmpdir(), 'kapok-pg-'));
  const { chmod } = await import('node:fs/promises');
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres(dir, await freePort());
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
