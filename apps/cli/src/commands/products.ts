import { newIdempotencyKey, type Schemas, unwrap } from '@kapok/api-client';
import { PRODUCT_TYPES, UNITS, type ProductType, type Unit } from '@kapok/contracts';
import { stringify } from 'csv-stringify/sync';
import { writeFileSync } from 'node:fs';
import { productsByCode } from '../lookups.js';
import { decimal, eachWithProgress, readCsv, refuseDuplicates, report } from '../rows.js';
import type { Session } from '../session.js';

/** "CARTON=60;PACK=10" ⇄ [{uom: CARTON, factor: 60}, …] */
export function parseConversions(text: string | undefined): Array<{ uom: Unit; factor: number }> {
  if (!text) return [];
  return text
    .split(';')
    .filter(Boolean)
    .map((part) => {
      const [uom, factor] = part.split('=').map((s) => s.trim());
      if (!(UNITS as readonly string[]).includes(uom))
        throw new Error(`bad unit conversion "${part}" (write e.g. CARTON=60)`);
      return { uom: uom as Unit, factor: decimal(factor, `the factor of ${uom}`, { positive: true }) };
    });
}

const formatConversions = (c: Array<{ uom: string; factor: number }>) =>
  c.map((x) => `${x.uom}=${x.factor}`).join(';');

/** Creates missing products and updates changed ones; identical rows are left alone, so a re-run changes nothing. */
export async function importProducts(session: Session, file: string, dryRun: boolean): Promise<number> {
  const csv = readCsv(file, ['code', 'name', 'type', 'uom']);
  const duplicates = refuseDuplicates(csv.rows, (r) => r.values.code, 'product code');
  const refused = new Set(duplicates.map((d) => d.line));
  const rows = csv.rows.filter((r) => !refused.has(r.line));
  const existing = await productsByCode(session.client);
  const outcome = await eachWithProgress('products', rows, async ({ values }) => {
    if (!values.code) throw new Error('code is empty');
    const type = values.type.toUpperCase();
    const uom = values.uom.toUpperCase();
    if (!(PRODUCT_TYPES as readonly string[]).includes(type))
      throw new Error(`unknown type ${values.type} (one of ${PRODUCT_TYPES.join(', ')})`);
    if (!(UNITS as readonly string[]).includes(uom)) throw new Error(`unknown unit ${values.uom}`);
    const body = {
      code: values.code,
      name: values.name,
      type: type as ProductType,
      uom: uom as Unit,
      unitConversions: parseConversions(values.conversions),
    };
    const current = existing.get(body.code);
    if (
      current &&
      current.name === body.name &&
      current.type === body.type &&
      current.uom === body.uom &&
      formatConversions(current.unitConversions) === formatConversions(body.unitConversions)
    ) {
      return 'skipped';
    }
    if (dryRun) return 'done';
    if (current) {
      unwrap(
        await session.client.PUT('/api/v1/warehouse/products/{id}', {
          params: { path: { id: current.id } },
          body: { ...body, version: current.version },
        }),
      );
    } else {
      existing.set(
        body.code,
        unwrap(
          await session.client.POST('/api/v1/warehouse/products', {
            body,
            headers: { 'idempotency-key': newIdempotencyKey() },
          }),
        ),
      );
    }
    return 'done';
  });
  outcome.errors.push(...csv.errors, ...duplicates);
  return report(`products from ${file}`, outcome, dryRun);
}

export async function exportProducts(session: Session, out: string | undefined): Promise<number> {
  const products: Schemas['ProductResponse'][] = [...(await productsByCode(session.client)).values()].sort(
    (a, b) => a.code.localeCompare(b.code),
  );
  const csv = stringify(
    products.map((p) => [p.code, p.name, p.type, p.uom, formatConversions(p.unitConversions)]),
    { header: true, columns: ['code', 'name', 'type', 'uom', 'conversions'] },
  );
  if (out) writeFileSync(out, csv);
  else process.stdout.write(csv);
  process.stderr.write(`${products.length} products exported\n`);
  return 0;
}
