import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../../src/tools/temporary-postgres.js';
import { eventually } from './eventually.js';
import { TEST_JWT_SECRET } from './test-app.js';

const MAIN = resolve(import.meta.dirname, '../../dist/main.js');

export interface ChildApi {
  child: ChildProcess;
  url: string;
  output: () => string;
  exit: Promise<number | null>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/** The built API (dist/main.js) as a second process on the given database. */
export async function startChildApi(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ChildApi> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      KAPOK_SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = `http://127.0.0.1:${port}`;
  const ready = await eventually(
    async () => (await fetch(`${url}/api/v1/health/ready`).catch(() => undefined))?.ok ?? false,
    300,
  );
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`the API process did not get ready:\n${output}`);
  }
  return {
    child,
    url,
    output: () => output,
    exit,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exit;
    },
  };
}
