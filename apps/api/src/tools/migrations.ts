/**
 * `generate <Name>`: writes the migration that brings a freshly migrated database to the entities.
 * `check`: fails when that migration would not be empty (CI's pending-migration check).
 */
import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate } from '../core/database/data-source.js';
import { ensureDatabase } from '../core/database/embedded.js';
import { startTemporaryPostgres } from './temporary-postgres.js';

const MIGRATIONS_DIR = resolve(import.meta.dirname, '../../src/core/database/migrations');

async function pendingSchemaChanges(): Promise<{ up: string[]; down: string[] }> {
  const server = await startTemporaryPostgres();
  try {
    await ensureDatabase(server.adminUrl, 'kapok');
    const url = server.urlFor('kapok');
    await migrate(url);
    const ds = new DataSource(dataSourceOptions(url, 2));
    await ds.initialize();
    try {
      const sql = await ds.driver.createSchemaBuilder().log();
      return dedupeEnumTypes(
        sql.upQueries.map((q) => q.query),
        sql.downQueries.map((q) => q.query).reverse(),
      );
    } finally {
      await ds.destroy();
    }
  } finally {
    await server.stop();
  }
}

/**
 * TypeORM emits CREATE TYPE once per column of a shared enum (enumName) and DROP TYPE as often: keep
 * the first create and the last drop.
 */
function dedupeEnumTypes(up: string[], down: string[]): { up: string[]; down: string[] } {
  const typeOf = (sql: string, verb: string) =>
    new RegExp(`^${verb} TYPE ("[^"]+"\\."[^"]+")`).exec(sql)?.[1];
  const created = new Set<string>();
  const keptUp = up.filter((sql) => {
    const type = typeOf(sql, 'CREATE');
    if (!type) return true;
    if (created.has(type)) return false;
    created.add(type);
    return true;
  });
  const dropped = new Set<string>();
  const keptDown = [...down]
    .reverse()
    .filter((sql) => {
      const type = typeOf(sql, 'DROP');
      if (!type) return true;
      if (dropped.has(type)) return false;
      dropped.add(type);
      return true;
    })
    .reverse();
  return { up: keptUp, down: keptDown };
}

const quote = (sql: string) =>
  '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';

async function generate(name: string): Promise<void> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error('Give the migration a PascalCase name, e.g. AddKanbanCards');
  const { up, down } = await pendingSchemaChanges();
  if (up.length === 0) {
    console.log('The entities match the migrations: nothing to generate.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const file = `${timestamp}-${name}`;
  const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(q: QueryRunner): Promise<void> {
${up.map((s) => `    await q.query(${quote(s)});`).join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
${down.map((s) => `    await q.query(${quote(s)});`).join('\n')}
  }
}
`;
  await writeFile(resolve(MIGRATIONS_DIR, `${file}.ts`), body);
  const indexPath = resolve(MIGRATIONS_DIR, 'index.ts');
  let index = await readFile(indexPath, 'utf8');
  index = `import { ${className} } from './${file}.js';\n` + index;
  index = index.replace(/export const MIGRATIONS: Function\[\] = \[([^\]]*)\];/, (_, list: string) => {
    const items = list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return `export const MIGRATIONS: Function[] = [${[...items, className].join(', ')}];`;
  });
  await writeFile(indexPath, index);
  console.log(
    `Wrote src/core/database/migrations/${file}.ts (${up.length} statements). Review it, then rebuild.`,
  );
}

async function check(): Promise<void> {
  const { up } = await pendingSchemaChanges();
  if (up.length) {
    console.error(
      `The entities differ from the migrations; run npm run migration:generate -- <Name>:\n${up.join(';\n')}`,
    );
    process.exit(1);
  }
  console.log('Migrations are up to date with the entities.');
}

const [command, name] = process.argv.slice(2);
const run =
  command === 'generate'
    ? generate(name ?? '')
    : command === 'check'
      ? check()
      : Promise.reject(new Error('usage: migrations generate <Name> | check'));
run.catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
