import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * One owner per table (docs/decisions/0002-one-owner-per-table.md): a module's SQL names only the
 * tables its own entities declare. `products` is the one shared catalogue: any module may join it to
 * show a code and name, only the warehouse writes it. Core's tables are reached through core's
 * functions (people, audit trail, document numbers), never by a module's SQL — except by `admin`, which
 * administers core's accounts and roles.
 */
const SHARED_READ = new Set(['products']);
/** The admin module is the administration of core's accounts: it may name their tables. */
const ADMIN_OF_CORE = new Set(['users', 'roles', 'auth_sessions', 'refresh_tokens', 'audit_log']);
const SQL_TABLE = /\b(?:from|join|into|update|table)\s+([a-z_][a-z0-9_]*)\b/gi;

const src = join(dirname(fileURLToPath(import.meta.url)), '..');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
const files = walk(src).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.includes(`${sep}migrations${sep}`),
);

/** `modules/<name>/…` belongs to that module; everything else under src (core, seeds, tools) to core. */
const ownerOf = (file: string) => {
  const parts = relative(src, file).split(sep);
  return parts[0] === 'modules' ? parts[1] : 'core';
};

const owners = new Map<string, string>();
for (const file of files) {
  for (const [, table] of readFileSync(file, 'utf8').matchAll(/@Entity\('([a-z_]+)'\)/g))
    owners.set(table, ownerOf(file));
}

/** The string literals and templates of a file: where its SQL lives. */
const strings = (code: string) => [...code.matchAll(/`[^`]*`|'(?:[^'\\\n]|\\.)*'/g)].map((m) => m[0]);

describe('one owner per table', () => {
  it('knows the owner of every table', () => {
    expect(owners.get('stock_balances')).toBe('warehouse');
    expect(owners.get('kanban_cards')).toBe('kanban');
    expect(owners.get('audit_log')).toBe('core');
  });

  it('no module names another module’s table in its SQL', () => {
    const violations: string[] = [];
    for (const file of files.filter((f) => ownerOf(f) !== 'core' && !f.includes(`${sep}entities${sep}`))) {
      const module = ownerOf(file);
      for (const text of strings(readFileSync(file, 'utf8'))) {
        for (const [, name] of text.matchAll(SQL_TABLE)) {
          const table = name.toLowerCase();
          const owner = owners.get(table);
          const allowed = SHARED_READ.has(table) || (module === 'admin' && ADMIN_OF_CORE.has(table));
          if (owner && owner !== module && !allowed)
            violations.push(`${relative(src, file)}: ${module} names ${table} (owned by ${owner})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('no module imports another module’s entities outside its own entities', () => {
    const violations: string[] = [];
    for (const file of files.filter((f) => ownerOf(f) !== 'core' && !f.includes(`${sep}entities${sep}`))) {
      const module = ownerOf(file);
      for (const [, path] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']*\/entities\/[^']*)'/g)) {
        const target = ownerOf(join(dirname(file), path));
        if (target !== module && target !== 'core') violations.push(`${relative(src, file)} imports ${path}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
