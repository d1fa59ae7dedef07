/**
 * The web figures: gzip size of the entry JavaScript (what index.html loads, and what the browser
 * actually fetched for login + the kanban route), and the time headless Chromium takes to render the
 * kanban board with every open card.
 */
/* global document */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './processes.mjs';

const WEB_DIST = join(ROOT, 'apps/web/dist');
const gzipKb = (file) => gzipSync(readFileSync(join(WEB_DIST, 'assets', file)), { level: 9 }).length / 1024;

/** The JS files index.html loads (entry script and module preloads) and their gzip size. */
export function entrySize() {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+src="\/assets\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/assets\/([^"]+\.js)"/g),
  ].map((m) => m[1]);
  return { files, gzipKb: files.reduce((s, f) => s + gzipKb(f), 0) };
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Signs in through the login page as `username`, then opens /kanban `runs` times and measures, in the
 * page's own clock (from navigation start), when `expectCards` card elements are in the board. If the
 * board never shows them, the time to the board heading is measured instead and `fallback` says so.
 */
export async function boardRender({ base, username, password, expectCards, runs = 3, timeoutMs = 20_000 }) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      baseURL: base,
      locale: 'en-GB',
      timezoneId: 'Asia/Jakarta',
      viewport: { width: 1366, height: 768 },
    });
    const page = await context.newPage();
    const scripts = new Set();
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js'))
        scripts.add(basename(url.pathname));
    });
    await page.goto('/login');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Account menu' }).waitFor({ timeout: timeoutMs });

    const times = [];
    let fallback = null;
    let cards = 0;
    for (let i = 0; i < runs; i++) {
      await page.goto('/kanban');
      try {
        const handle = await page.waitForFunction(
          (n) => document.querySelectorAll('section[data-status] article').length >= n && performance.now(),
          expectCards,
          { polling: 'raf', timeout: timeoutMs },
        );
        times.push(await handle.jsonValue());
      } catch {
        cards = await page.locator('section[data-status] article').count();
        const heading = await page.waitForFunction(
          () =>
            [...document.querySelectorAll('h1, h2')].some((h) => /kanban/i.test(h.textContent ?? '')) &&
            performance.now(),
          undefined,
          { polling: 'raf', timeout: timeoutMs },
        );
        times.push(await heading.jsonValue());
        fallback = `only ${cards} card elements after ${timeoutMs / 1000} s: time to the board heading instead`;
      }
    }
    if (!fallback) cards = await page.locator('section[data-status] article').count();
    const sorted = [...times].sort((a, b) => a - b);
    const files = [...scripts].sort();
    return {
      firstMs: times[0],
      medianMs: sorted[Math.floor(sorted.length / 2)],
      times,
      cards,
      fallback,
      scripts: files,
      scriptsGzipKb: files.reduce((s, f) => s + gzipKb(f), 0),
    };
  } finally {
    await browser.close();
  }
}
