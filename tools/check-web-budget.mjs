#!/usr/bin/env node
// Fails when the JavaScript the login page and app shell load (everything index.html pulls in, with its
// static imports) is above the budget, gzipped. Pages that are code-split with React.lazy do not count.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = Number(process.env.KAPOK_WEB_BUDGET_KB ?? 250) * 1024;
const dist = resolve(import.meta.dirname, '../apps/web/dist');
const indexHtml = join(dist, 'index.html');
if (!existsSync(indexHtml)) {
  console.error('apps/web/dist/index.html is missing: build the web app first (npx nx run web:build)');
  process.exit(1);
}
const html = readFileSync(indexHtml, 'utf8');
const entries = [
  ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g),
].map((m) => m[1]);
const seen = new Set();
const queue = entries.map((src) => join(dist, src.replace(/^\//, '')));
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file) || !existsSync(file)) continue;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  // Static imports only (`import … from "./x.js"` and `import "./x.js"`); dynamic import() is lazy.
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
    queue.push(resolve(dirname(file), m[1]));
  }
}
let total = 0;
for (const file of seen) {
  const size = gzipSync(readFileSync(file)).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(8)} KB  ${file.slice(dist.length + 1)}`);
}
console.log(
  `${(total / 1024).toFixed(1).padStart(8)} KB  gzipped JavaScript for login + shell (budget ${BUDGET / 1024} KB)`,
);
if (total > BUDGET) {
  console.error('Over the web budget: code-split the rest (React.lazy) or trim dependencies.');
  process.exit(1);
}
