#!/usr/bin/env node
/* global document, window, getComputedStyle -- these run inside the page (page.evaluate). */
/**
 * Page walk: signs in as each demo role and screenshots every page it can reach (the navigation, the
 * in-app links of each page, one of each detail page) at 1440×900 and 1024×768, in English and
 * Indonesian. Reports per page: console errors, a page wider than the window (content cut off on a
 * tablet), fractions of whole units (8.5 PCS), and text keys shown instead of words.
 *
 *   node tools/page-walk.mjs [--base http://127.0.0.1:4015] [--out /tmp/webui-shots]
 *        [--users admin,manager] [--sizes 1440x900,1024x768] [--langs en,id] [--max 40]
 *
 * Needs a running API serving the built web app with the demo data (KAPOK_SEED_DEMO).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const BASE = arg('base', 'http://127.0.0.1:4015');
const OUT = arg('out', '/tmp/webui-shots');
const PASSWORD = arg('password', 'kapok-demo');
const MAX = Number(arg('max', '40'));
const USERS = arg(
  'users',
  'admin,manager,ppic,ppic_admin,engineer,warehouse,wh_operator,cutting,embroidery,sewing,finishing,packing,spv_sewing,qc,qc_manager,fg,viewer,merchandiser,purchasing,purchasing_mgr',
).split(',');
const SIZES = arg('sizes', '1440x900,1024x768')
  .split(',')
  .map((s) => s.split('x').map(Number));
const LANGS = arg('langs', 'en,id').split(',');
const WHOLE = 'PCS|CARTON|PALLET|SET|PACK|SHEET|CONE|ROLL';
// A decimal mark followed by digits before a whole unit: "8.6485 CARTON" (en) or "8,6485 CARTON" (id).
const FRACTION = {
  en: new RegExp(`\\d\\.\\d+\\s?(${WHOLE})\\b`, 'g'),
  id: new RegExp(`\\d,\\d+\\s?(${WHOLE})\\b`, 'g'),
};
// An i18n key on screen: two or more dotted lower-camel words ("kanban.history.title").
const RAW_KEY = /\b[a-z][a-zA-Z]+\.[a-z][a-zA-Z]+\.[a-zA-Z.]+\b/g;

/** A route's shape: ids and numbers replaced, so one detail page of each kind is visited. */
const shape = (path) =>
  path
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')
    .replace(/\/[A-Z0-9-]*\d[A-Z0-9-]*(?=\/|$)/g, '/:n')
    .replace(/\?.*$/, '');

const slug = (s) => s.replace(/^\//, '').replace(/[^a-zA-Z0-9]+/g, '_') || 'home';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const report = [];
mkdirSync(OUT, { recursive: true });

for (const user of USERS) {
  // The pages are found once per user (at the large size, in English), then shot in every variant.
  const pages = await discover(user);
  for (const lang of LANGS)
    for (const [w, h] of SIZES) {
      const context = await browser.newContext({
        viewport: { width: w, height: h },
        locale: lang === 'id' ? 'id-ID' : 'en-GB',
        timezoneId: 'Asia/Jakarta',
      });
      await context.addInitScript((l) => localStorage.setItem('kapok.language', l), lang);
      const page = await context.newPage();
      const errors = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} (${m.location().url})`));
      page.on('pageerror', (e) => errors.push(String(e)));
      if (!(await signIn(page, user))) {
        report.push({ user, lang, size: `${w}x${h}`, path: '/login', problems: ['cannot sign in'] });
        await context.close();
        continue;
      }
      for (const path of pages) {
        errors.length = 0;
        const problems = [];
        await page.goto(BASE + path);
        if (!(await settle(page))) problems.push('still loading after 10 s');
        const facts = await page.evaluate(() => {
          const doc = document.documentElement;
          const main = document.querySelector('main');
          const wide = [];
          // Elements reaching past the right edge of the window (not inside a scroll container).
          for (const el of document.querySelectorAll('main *')) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.right > window.innerWidth + 2) {
              let p = el.parentElement;
              let scrolled = false;
              while (p && p !== document.body) {
                const o = getComputedStyle(p).overflowX;
                if (o === 'auto' || o === 'scroll' || o === 'hidden') {
                  scrolled = true;
                  break;
                }
                p = p.parentElement;
              }
              if (!scrolled)
                wide.push(`${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')}`);
            }
          }
          return {
            overflow: doc.scrollWidth > doc.clientWidth + 1,
            wide: wide.slice(0, 3),
            text: (main ?? document.body).innerText,
          };
        });
        if (facts.overflow) problems.push('page wider than the window');
        if (facts.wide.length) problems.push(`past the right edge: ${facts.wide.join(', ')}`);
        const fractions = facts.text.match(FRACTION[lang]) ?? [];
        if (fractions.length)
          problems.push(`fractions of whole units: ${[...new Set(fractions)].slice(0, 5).join('; ')}`);
        const keys = (facts.text.match(RAW_KEY) ?? []).filter((k) => !/\.(pdf|csv|png|jpg|com|id)$/.test(k));
        if (keys.length) problems.push(`text keys shown: ${[...new Set(keys)].slice(0, 5).join(', ')}`);
        if (errors.length) problems.push(...errors.map((e) => `console: ${e.slice(0, 200)}`));
        const file = join(OUT, `${user}--${slug(path)}--${w}x${h}--${lang}.png`);
        await page.screenshot({ path: file, fullPage: true });
        report.push({ user, lang, size: `${w}x${h}`, path, file, problems });
      }
      await context.close();
    }
}
await browser.close();

writeFileSync(join(OUT, 'report.json'), JSON.stringify(report, null, 2));
const bad = report.filter((r) => r.problems.length);
for (const r of bad) console.log(`${r.user} ${r.lang} ${r.size} ${r.path}\n  - ${r.problems.join('\n  - ')}`);
console.log(`${report.length} screenshots in ${OUT}, ${bad.length} with problems`);

/**
 * Waits until the page shows no skeleton or busy region (the live-event stream keeps the network
 * busy for ever, so "network idle" never comes), then a moment for the last paint.
 */
async function settle(page) {
  try {
    await page.waitForFunction(
      () => !document.querySelector('.mantine-Skeleton-root, [aria-busy="true"], .mantine-Loader-root'),
      undefined,
      { timeout: 10_000 },
    );
    await page.waitForTimeout(400);
    return true;
  } catch {
    return false;
  }
}

async function signIn(page, username) {
  await page.goto(`${BASE}/login`);
  await page.locator('input[name="username"], input[autocomplete="username"]').first().fill(username);
  await page.locator('input[type="password"]').first().fill(PASSWORD);
  await page.locator('button[type="submit"]').first().click();
  try {
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
    await settle(page);
    return true;
  } catch {
    return false;
  }
}

/** Breadth first from the navigation: every in-app link, one page per route shape, at most MAX. */
async function discover(user) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('kapok.language', 'en'));
  const page = await context.newPage();
  if (!(await signIn(page, user))) {
    await context.close();
    return [];
  }
  const links = async () =>
    page.$$eval('a[href^="/"]', (as) =>
      as
        .map((a) => a.getAttribute('href'))
        .filter((h) => h && !h.startsWith('/api/') && !h.startsWith('/passport/') && !/\.(pdf|csv)$/.test(h)),
    );
  // Opens the navigation's groups (admin) so their pages are links too.
  for (const group of await page.$$('nav button[class*="NavLink"]')) await group.click().catch(() => {});
  const queue = ['/', ...(await links())];
  const seen = new Set();
  const pages = [];
  while (queue.length && pages.length < MAX) {
    const path = queue.shift();
    const key = shape(path);
    if (seen.has(key)) continue;
    seen.add(key);
    await page.goto(BASE + path);
    await settle(page);
    if (new URL(page.url()).pathname.startsWith('/login')) continue;
    pages.push(path);
    for (const l of await links()) if (!seen.has(shape(l))) queue.push(l);
  }
  await context.close();
  return pages;
}
