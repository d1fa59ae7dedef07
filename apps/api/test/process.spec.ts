import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../src/tools/temporary-postgres.js';
import { eventually } from './support/eventually.js';

const MAIN = resolve(import.meta.dirname, '../dist/main.js');

const portOpen = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });

function run(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exit };
}

describe('the API process (built dist/main.js)', () => {
  it('starts on the embedded PostgreSQL with the demo seed, then drains and stops it on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kapok-start-'));
    await chmod(dir, 0o755);
    const [port, pgPort] = [await freePort(), await freePort()];
    const api = run({
      PORT: String(port),
      KAPOK_DATA_DIR: dir,
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'info',
    });
    try {
      const ready = await eventually(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/health/ready`).catch(() => undefined);
        return res?.status === 200;
      }, 300);
      expect(ready).toBe(true);
      expect(api.output()).toContain('kapok-demo');
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'kapok-demo' }),
      });
      expect(login.status).toBe(200);
      const { accessToken } = (await login.json()) as { accessToken: string };
      // An open event stream must not keep the server from stopping.
      const stream = await fetch(`http://127.0.0.1:${port}/api/v1/events`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(stream.status).toBe(200);
      expect(await portOpen(pgPort)).toBe(true);

      api.child.kill('SIGTERM');
      expect(await api.exit).toBe(0);
      expect(api.output()).toContain('stopped');
      expect(await portOpen(port)).toBe(false);
      expect(await portOpen(pgPort)).toBe(false);
    } finally {
      api.child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start in production with default secrets and names the variable', async () => {
    const api = run({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://k:k@127.0.0.1:1/kapok',
      KAPOK_SEED_DEMO: 'false',
    });
    expect(await api.exit).not.toBe(0);
    expect(api.output()).toMatch(/JWT_SECRET/);
  });
});
