#!/usr/bin/env node
import { unwrap } from '@kapok/api-client';
import { Command } from 'commander';
import { exportBoms, importBoms } from './commands/bom.js';
import { exportProducts, importProducts } from './commands/products.js';
import { importStock } from './commands/stock.js';
import { describe } from './rows.js';
import { baseUrlOf, connect } from './session.js';

const program = new Command()
  .name('kapok')
  .description(
    'Kapok from the command line, through the same typed client the web app uses.\nSign in with an API key (--api-key or KAPOK_API_KEY), KAPOK_TOKEN, or KAPOK_USERNAME and KAPOK_PASSWORD, or at the prompt.',
  )
  .option('--url <url>', 'Kapok server (default $KAPOK_URL or http://localhost:3000)')
  .option('--username <username>', 'sign in as this user')
  .option('--api-key <key>', "a service account's API key (default $KAPOK_API_KEY)");

const run =
  <A extends unknown[]>(fn: (...args: A) => Promise<number>) =>
  async (...args: A) => {
    try {
      process.exitCode = await fn(...args);
    } catch (e) {
      process.stderr.write(`kapok: ${describe(e, baseUrlOf(program.opts()))}\n`);
      process.exitCode = 1;
    }
  };
const session = () => connect(program.opts());

program
  .command('login')
  .description('Check the credentials; with --print-token print the access token (for KAPOK_TOKEN)')
  .option('--print-token', 'write the access token to standard output')
  .action(
    run(async (opts: { printToken?: boolean }) => {
      const s = await session();
      const me = unwrap(await s.client.GET('/api/v1/auth/me'));
      process.stderr.write(`Signed in to ${s.baseUrl} as ${me.username} (${me.role})\n`);
      if (opts.printToken && !s.token) {
        process.stderr.write('kapok: an API key has no access token to print\n');
        return 1;
      }
      if (opts.printToken) process.stdout.write(`${s.token}\n`);
      return 0;
    }),
  );

const products = program.command('products').description('Products (materials, WIP, finished goods)');
products
  .command('import <csv>')
  .description(
    'Create or update products from a CSV: code,name,type,uom[,conversions like CARTON=60;PACK=10]',
  )
  .option('--dry-run', 'check every row, write nothing')
  .action(
    run(async (csv: string, opts: { dryRun?: boolean }) =>
      importProducts(await session(), csv, !!opts.dryRun),
    ),
  );
products
  .command('export')
  .description('Write every product as CSV')
  .option('-o, --output <file>', 'file to write (default standard output)')
  .action(run(async (opts: { output?: string }) => exportProducts(await session(), opts.output)));

program
  .command('stock')
  .description('Stock')
  .command('import <csv>')
  .description(
    'Receive opening balances from a CSV: product_code,location_code,quantity[,uom,lot_number,received_at,supplier_reference,reference]',
  )
  .option('--dry-run', 'check every row, write nothing')
  .action(
    run(async (csv: string, opts: { dryRun?: boolean }) => importStock(await session(), csv, !!opts.dryRun)),
  );

const bom = program.command('bom').description('Bills of materials');
bom
  .command('import <csv>')
  .description(
    'Create BOMs, or save a revision where the file differs: one row per line (see `kapok bom export`)',
  )
  .option('--dry-run', 'check every row, write nothing')
  .action(
    run(async (csv: string, opts: { dryRun?: boolean }) => importBoms(await session(), csv, !!opts.dryRun)),
  );
bom
  .command('export')
  .description('Write the active BOMs as CSV, one row per line')
  .option('-o, --output <file>', 'file to write (default standard output)')
  .option('-p, --product <code>', 'only this product')
  .action(
    run(async (opts: { output?: string; product?: string }) =>
      exportBoms(await session(), opts.output, opts.product),
    ),
  );

await program.parseAsync();
