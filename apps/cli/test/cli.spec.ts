import { createKapokClient, type KapokClient, unwrap } from '@kapok/api-client';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const API = join(ROOT, 'apps/api/dist/main.js');
const CLI = join(ROOT, 'apps/cli/dist/main.js');
const ADMIN_PASSWORD = 'bootstrap-admin-secret';

const freePort = () =>
  new Promise<number>((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

interface Server {
  url: string;
  process: ChildProcess;
  dir: string;
  client: KapokClient;
}

/** The built API on its own embedded PostgreSQL, over real HTTP. */
async function startServer(env: Record<string, string>, password: string): Promise<Server> {
  const dir = await mkdtemp(join(tmpdir(), 'kapok-cli-'));
  await chmod(dir, 0o755);
  const [port, pgPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [API], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      KAPOK_DATA_DIR: dir,
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`${url}/api/v1/health/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await delay(100);
  }
  const anonymous = createKapokClient({ baseUrl: url });
  const login = await anonymous.POST('/api/v1/auth/login', { body: { username: 'admin', password } });
  const token = unwrap(login).accessToken;
  const client = createKapokClient({ baseUrl: url, getAccessToken: () => token });
  return { url, process: child, dir, client };
}

async function stop(server: Server | undefined) {
  if (!server) return;
  const exited = new Promise((done) => server.process.once('exit', done));
  server.process.kill('SIGTERM');
  await exited;
  await rm(server.dir, { recursive: true, force: true });
}

/** Runs the built CLI like a user would, signed in through environment variables. */
function kapok(
  server: Server,
  args: string[],
  password: string,
  env: Record<string, string> = { KAPOK_USERNAME: 'admin', KAPOK_PASSWORD: password },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        KAPOK_URL: server.url,
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

let demo: Server;
let empty: Server;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kapok-cli-files-'));
  demo = await startServer({}, 'kapok-demo');
  empty = await startServer(
    { KAPOK_SEED_DEMO: 'false', KAPOK_BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD },
    ADMIN_PASSWORD,
  );
});
afterAll(async () => {
  await Promise.all([stop(demo), stop(empty)]);
  await rm(work, { recursive: true, force: true });
});

async function plan(server: Server, code: string, quantity: number) {
  const product = unwrap(
    await server.client.GET('/api/v1/warehouse/products', { params: { query: { code } } }),
  ).items[0];
  const bom = unwrap(
    await server.client.GET('/api/v1/warehouse/bom', {
      params: { query: { productId: product.id, activeOnly: true } },
    }),
  ).items[0];
  const x = unwrap(
    await server.client.GET('/api/v1/warehouse/bom/{id}/explode', {
      params: { path: { id: bom.id }, query: { quantity } },
    }),
  );
  // Variants are chosen by free stock, so compare the line each requirement fills (the primary material).
  return x.requirements
    .map((r) => `${r.department} ${r.substitutesFor ?? r.code} ${r.quantity} ${r.uom}`)
    .sort();
}

describe('the kapok CLI on the generated client', () => {
  it('works with an API key from KAPOK_API_KEY or --api-key, and with the role of the key', async () => {
    const key = unwrap(
      await demo.client.POST('/api/v1/admin/api-keys', { body: { name: 'cli-key', role: 'viewer' } }),
    );
    const fromEnv = await kapok(demo, ['login'], '', { KAPOK_API_KEY: key.secret });
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.stderr).toContain('as key:cli-key (viewer)');
    const fromFlag = await kapok(demo, ['--api-key', key.secret, 'products', 'export'], '', {});
    expect(fromFlag.code).toBe(0);
    expect(fromFlag.stdout).toContain('IKP20157');
    const file = join(work, 'viewer-products.csv');
    await writeFile(file, 'code,name,type,uom\nKEY-1,Made by a key,RAW_MATERIAL,PCS\n');
    const denied = await kapok(demo, ['--api-key', key.secret, 'products', 'import', file], '', {});
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/warehouse\.create/);
    await demo.client.DELETE('/api/v1/admin/api-keys/{id}', { params: { path: { id: key.id } } });
    const revoked = await kapok(demo, ['login'], '', { KAPOK_API_KEY: key.secret });
    expect(revoked.code).toBe(1);
    expect(revoked.stderr).toMatch(/revoked/);
  });

  it('round-trips the demo BOMs: export, import into an empty database, the same explosion', async () => {
    const products = join(work, 'products.csv');
    const boms = join(work, 'boms.csv');
    expect((await kapok(demo, ['products', 'export', '-o', products], 'kapok-demo')).code).toBe(0);
    const exported = await kapok(demo, ['bom', 'export', '-o', boms], 'kapok-demo');
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/28 BOMs/);
    expect(await readFile(boms, 'utf8')).toContain('IKP20157');

    const dry = await kapok(empty, ['products', 'import', products, '--dry-run'], ADMIN_PASSWORD);
    expect(dry.stdout).toMatch(/\d+ would be written/);
    expect(unwrap(await empty.client.GET('/api/v1/warehouse/products')).total).toBe(0);

    expect((await kapok(empty, ['products', 'import', products], ADMIN_PASSWORD)).code).toBe(0);
    const imported = await kapok(empty, ['bom', 'import', boms], ADMIN_PASSWORD);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/28 written, 0 unchanged, 0 failed/);
    const again = await kapok(empty, ['bom', 'import', boms], ADMIN_PASSWORD);
    expect(again.stdout).toMatch(/0 written, 28 unchanged, 0 failed/);

    for (const code of ['40551542', '40551545'])
      expect(await plan(empty, code, 450)).toEqual(await plan(demo, code, 450));
  });

  it('imports opening stock with per-line errors, a dry run, and a safe re-run', async () => {
    const rack = unwrap(
      await empty.client.POST('/api/v1/warehouse/locations', {
        body: { code: 'WH-A1', name: 'Rack A1', type: 'WAREHOUSE' },
      }),
    );
    const file = join(work, 'stock.csv');
    await writeFile(
      file,
      [
        'product_code,location_code,quantity,uom,lot_number,received_at',
        'IKHR504,WH-A1,100,YARD,R-001,2026-10-01T00:00:00Z',
        'NOPE-1,WH-A1,5,,,',
        'IKP20157,WH-A1,2,PACK,F-001,2026-10-02T00:00:00Z',
        'ACB30104,SUPPLIER,10,,,',
      ].join('\n'),
    );
    const dry = await kapok(empty, ['stock', 'import', file, '--dry-run'], ADMIN_PASSWORD);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain('line 3: unknown product NOPE-1');
    expect(dry.stderr).toContain('line 5: SUPPLIER is a virtual location');
    const stockOf = async (code: string) => {
      const p = unwrap(await empty.client.GET('/api/v1/warehouse/products', { params: { query: { code } } }))
        .items[0];
      return unwrap(
        await empty.client.GET('/api/v1/warehouse/stock/{productId}', {
          params: { path: { productId: p.id } },
        }),
      ).onHand;
    };
    expect(await stockOf('IKHR504')).toBe(0);

    const first = await kapok(empty, ['stock', 'import', file], ADMIN_PASSWORD);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/2 written, 0 unchanged, 2 failed/);
    expect(await stockOf('IKHR504')).toBe(91.44);
    expect(await stockOf('IKP20157')).toBe(40);
    const again = await kapok(empty, ['stock', 'import', file], ADMIN_PASSWORD);
    expect(again.stdout).toMatch(/0 written, 2 unchanged, 2 failed/);
    expect(await stockOf('IKHR504')).toBe(91.44);
    expect(rack.code).toBe('WH-A1');
  });

  it('knows a row by its content: a renamed or reordered file posts nothing twice, a changed row posts once', async () => {
    const rows = [
      'product_code,location_code,quantity,uom,lot_number',
      'IKHR504,WH-A1,10,YARD,R-100',
      'IKP20157,WH-A1,1,PACK,F-100',
    ];
    const first = join(work, 'opening.csv');
    await writeFile(first, rows.join('\n'));
    const onHand = async (code: string) => {
      const p = unwrap(await empty.client.GET('/api/v1/warehouse/products', { params: { query: { code } } }))
        .items[0];
      return unwrap(
        await empty.client.GET('/api/v1/warehouse/stock/{productId}', {
          params: { path: { productId: p.id } },
        }),
      ).onHand;
    };
    const [yarn, packs] = [await onHand('IKHR504'), await onHand('IKP20157')];
    expect((await kapok(empty, ['stock', 'import', first], ADMIN_PASSWORD)).stdout).toMatch(
      /2 written, 0 unchanged, 0 failed/,
    );
    const renamed = join(work, 'opening-final-v2.csv');
    await writeFile(renamed, [rows[0], rows[2], rows[1]].join('\n'));
    expect((await kapok(empty, ['stock', 'import', renamed], ADMIN_PASSWORD)).stdout).toMatch(
      /0 written, 2 unchanged, 0 failed/,
    );
    expect(await onHand('IKP20157')).toBe(packs + 20);
    const changed = join(work, 'opening-changed.csv');
    await writeFile(changed, [rows[0], 'IKHR504,WH-A1,12,YARD,R-100', rows[2]].join('\n'));
    expect((await kapok(empty, ['stock', 'import', changed], ADMIN_PASSWORD)).stdout).toMatch(
      /1 written, 1 unchanged, 0 failed/,
    );
    expect(await onHand('IKHR504')).toBeCloseTo(yarn + 22 * 0.9144, 4);
  });

  it('refuses duplicate codes, future dates and unreadable rows line by line and imports the rest', async () => {
    const products = join(work, 'dupes.csv');
    await writeFile(
      products,
      [
        'code,name,type,uom',
        'CLI-A,Thread A,RAW_MATERIAL,CONE',
        'CLI-B,Thread B,RAW_MATERIAL,CONE',
        'CLI-A,Thread A again,RAW_MATERIAL,CONE',
        'CLI-C,Thread C,RAW_MATERIAL,CONE,extra',
        'CLI-D,Bear D,FINISHED_GOOD,PCS',
      ].join('\n'),
    );
    const res = await kapok(empty, ['products', 'import', products], ADMIN_PASSWORD);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('line 2: product code CLI-A appears on lines 2 and 4');
    expect(res.stderr).toContain('line 4: product code CLI-A appears on lines 2 and 4');
    expect(res.stderr).toMatch(/line 5: unreadable row/);
    const codes = async (code: string) =>
      unwrap(await empty.client.GET('/api/v1/warehouse/products', { params: { query: { code } } })).total;
    expect([await codes('CLI-A'), await codes('CLI-B'), await codes('CLI-D')]).toEqual([0, 1, 1]);

    const stock = join(work, 'future.csv');
    await writeFile(
      stock,
      [
        'product_code,location_code,quantity,received_at',
        'CLI-B,WH-A1,5,2030-01-01',
        'CLI-B,WH-A1,five,',
        'CLI-B,WH-A1,3,2026-01-05',
      ].join('\n'),
    );
    const receipts = await kapok(empty, ['stock', 'import', stock], ADMIN_PASSWORD);
    expect(receipts.stdout).toMatch(/1 written, 0 unchanged, 2 failed/);
    expect(receipts.stderr).toContain('line 2: received_at 2030-01-01 is in the future');
    expect(receipts.stderr).toContain('line 3: quantity must be a number like 12 or 0.5, not "five"');
  });

  it('reports BOM errors on the line they are on and imports no half BOM', async () => {
    const file = join(work, 'bad-bom.csv');
    await writeFile(
      file,
      [
        'product_code,bom_type,qty_output,component_code,department,qty_needed,uom,wastage_percent',
        'CLI-D,MANUFACTURING,1,IKHR504,CUTTING,1,,',
        'CLI-D,MANUFACTURING,1,NO-SUCH,SEWING,1,,',
        'CLI-D,MANUFACTURING,1,IKP20157,SEWING,1,,150',
      ].join('\n'),
    );
    const res = await kapok(empty, ['bom', 'import', file], ADMIN_PASSWORD);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('line 3: unknown product NO-SUCH');
    expect(res.stderr).toContain('line 2: BOM of CLI-D not imported');

    await writeFile(
      file,
      [
        'product_code,bom_type,qty_output,component_code,department,qty_needed,uom,wastage_percent',
        'CLI-D,MANUFACTURING,1,IKHR504,CUTTING,1,,',
        'CLI-D,MANUFACTURING,1,IKP20157,SEWING,1,,150',
      ].join('\n'),
    );
    const api = await kapok(empty, ['bom', 'import', file], ADMIN_PASSWORD);
    expect(api.stderr).toMatch(/line 3: VALIDATION_FAILED .*line 3 wastagePercent/);
    expect(
      unwrap(await empty.client.GET('/api/v1/warehouse/bom', { params: { query: { search: 'CLI-D' } } }))
        .total,
    ).toBe(0);
  });

  it('prints a usable token on request and says plainly when the server is down', async () => {
    const login = await kapok(empty, ['login', '--print-token'], ADMIN_PASSWORD);
    expect(login.code).toBe(0);
    const token = login.stdout.trim();
    const me = await fetch(`${empty.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);

    const down = await kapok(
      { ...empty, url: `http://127.0.0.1:${await freePort()}` },
      ['login'],
      ADMIN_PASSWORD,
    );
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(
      /cannot reach Kapok at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\): is it running\?/,
    );
  });

  it('reports a wrong password clearly and exits non-zero', async () => {
    const res = await kapok(empty, ['login'], 'wrong-password');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('INVALID_CREDENTIALS');
  });
});
