import { defineConfig } from '@playwright/test';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// E2E_PORT / E2E_PG_PORT let two checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 3999);
const PG_PORT = process.env.E2E_PG_PORT ?? String(PORT + 50400);

// One fresh database per run, made once: workers inherit the variable instead of making their own.
if (!process.env.KAPOK_E2E_DATA_DIR) {
  const dir = mkdtempSync(join(tmpdir(), `kapok-e2e-${process.pid}-`));
  // Run as root, the embedded PostgreSQL works as its own user, which must be able to enter the folder.
  chmodSync(dir, 0o755);
  process.env.KAPOK_E2E_DATA_DIR = dir;
}
const dataDir = process.env.KAPOK_E2E_DATA_DIR;
if (!process.env.TEST_WORKER_INDEX)
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));

/** Browser tests against the production build: the built API serving the built web app. */
export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'en-GB',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node ../api/dist/main.js',
    url: `http://127.0.0.1:${PORT}/api/v1/health/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    // SIGTERM lets the API stop its embedded PostgreSQL; a kill would leave it running.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: String(PORT),
      KAPOK_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: PG_PORT,
      LOG_LEVEL: 'warn',
      // Every MRP run answers 202 and goes on in the background: the planning page follows its progress.
      MRP_SYNC_WAIT_MS: '0',
    },
  },
});
