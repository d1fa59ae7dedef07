#!/usr/bin/env node
/**
 * Another team's view of the contract: generates a client for libs/api-client/openapi.json with a
 * different generator (@hey-api/openapi-ts) into a temporary directory, adds a program that makes a
 * kanban round trip with it, and type-checks both with `tsc --noEmit --strict`. Fails when the
 * document cannot be generated from or the generated client does not compile.
 */
import { createClient } from '@hey-api/openapi-ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'kapok-hey-api-'));
try {
  await createClient({
    input: join(root, 'libs/api-client/openapi.json'),
    output: join(dir, 'client'),
    plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
    logs: { level: 'silent' },
  });
  // What another service writes against the client: sign in, ask for material, approve, read back.
  writeFileSync(
    join(dir, 'round-trip.ts'),
    `import { client } from './client/client.gen';
import { approveCard, createCard, getCard, listProducts, login } from './client/sdk.gen';
import type { CardResponse, ErrorBody } from './client/types.gen';

export async function roundTrip(productId: string): Promise<[CardResponse['status'], string[]]> {
  client.setConfig({ baseUrl: 'http://localhost:3000' });
  const session = await login({ body: { username: 'ppic', password: 'kapok-demo' } });
  if (!session.data) throw new Error('login failed');
  const auth = { Authorization: \`Bearer \${session.data.accessToken}\` };
  const created = await createCard({ body: { productId, quantity: 3 }, headers: auth });
  if (created.error) {
    const error: ErrorBody = created.error;
    throw new Error(\`\${error.code}: \${error.message}\`);
  }
  const card = created.data;
  await approveCard({ path: { id: card.id }, body: { quantity: card.quantity }, headers: auth });
  const again = await getCard({ path: { id: card.id }, headers: auth });
  // Incremental sync: the products changed since the last run, newest first.
  const changed = await listProducts({
    query: { updatedSince: '2026-03-02T08:00:00.000Z', sort: '-updatedAt', limit: 100 },
    headers: auth,
  });
  const codes: string[] = changed.data?.items.map((p) => p.code) ?? [];
  return [again.data?.status ?? card.status, codes];
}
`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        lib: ['es2022', 'dom', 'dom.iterable'],
        types: [],
      },
      include: ['**/*.ts'],
    }),
  );
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], {
    stdio: 'inherit',
  });
  console.log('second client (@hey-api/openapi-ts) generated and type-checked');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
