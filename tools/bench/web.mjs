/**
 * The web figures: gzip size of the entry JavaScript (what index.html loads), what the browser actually
 * fetched on a first visit for login + home and for login + the kanban route, and the time headless
 * Chromium takes to render the kanban board with every open card.
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
 * Collects the `/assets/*.js` files a page fetches, and waits until it has fetched nothing for `quietMs`
 * (so lazy chunks loaded after the first paint, like the toaster, are counted too).
 */
function scriptRecorder(page) {
  const scripts = new Set();
  let pending = 0;
  let last = Date.now();
  page.on('request', () => {
    pending++;
    last = Date.now();
  });
  const done = () => {
    pending = Math.max(0, pending - 1);
    last = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js'))
      scripts.add(basename(url.pathname));
  });
  return {
    scripts,
    async settle(quietMs = 1000, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until && (pending > 0 || Date.now() - last < quietMs))
        await new Promise((r) => setTimeout(r, 100));
    },
  };
}

const fetched = (scripts) => {
  const files = [...scripts].sort();
  return { scripts: files, gzipKb: files.reduce((s, f) => s + gzipKb(f), 0) };
};

async function signIn(page, username, password, timeoutMs) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Account menu' }).waitFor({ timeout: timeoutMs });
}

/**
 * The JavaScript two first visits fetch, each in a fresh browser (empty cache): `home` signs in on the
 * login page and lands on the home page (login + shell); `kanban` opens /kanban, is sent to the login
 * page, signs in and comes back to the board (login + shell + the kanban route, no home page).
 */
async function firstVisits(browser, contextOptions, { username, password, timeoutMs }) {
  const visit = async (path, ready) => {
    const context = await browser.newContext(contextOptions);
    try {
      const page = await context.newPage();
      const recorder = scriptRecorder(page);
      await page.goto(path);
      await signIn(page, username, password, timeoutMs);
      await ready(page);
      await recorder.settle();
      return fetched(recorder.scripts);
    } finally {
      await context.close();
    }
  };
  return {
    home: await visit('/login', (page) =>
      page.getByRole('heading', { level: 2 }).first().waitFor({ timeout: timeoutMs }),
    ),
    kanban: await visit('/kanban', (page) =>
      page.locator('section[data-status]').first().waitFor({ timeout: timeoutMs }),
    ),
  };
}

/**
 * Measures what the first visits fetch (`firstVisits`), then signs in through the login page as
 * `username`, opens /kanban `runs` times and measures, in the page's own clock (from navigation start),
 * when `expectCards` card elements are in the board. If the board never shows them, the time to the
 * board heading is measured instead and `fallback` says so. `scripts`/`scriptsGzipKb`: everything that
 * session fetched (login, home, then /kanban), as reported before the first-visit figures existed.
 */
export async function boardRender({ base, username, password, expectCards, runs = 3, timeoutMs = 20_000 }) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const contextOptions = {
      baseURL: base,
      locale: 'en-GB',
      timezoneId: 'Asia/Jakarta',
      viewport: { width: 1366, height: 768 },
    };
    const visits = await firstVisits(browser, contextOptions, { username, password, timeoutMs });
    const context = await browser.newContext(contextOptions);
    const page = await context.newPage();
    const recorder = scriptRecorder(page);
    await page.goto('/login');
    await signIn(page, username, password, timeoutMs);

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
    const session = fetched(recorder.scripts);
    return {
      firstMs: times[0],
      medianMs: sorted[Math.floor(sorted.length / 2)],
      times,
      cards,
      fallback,
      scripts: session.scripts,
      scriptsGzipKb: session.gzipKb,
      loginHome: visits.home,
      loginKanban: visits.kanban,
    };
  } finally {
    await browser.close();
  }
}
