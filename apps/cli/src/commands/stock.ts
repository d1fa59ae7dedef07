import { unwrap } from '@kapok/api-client';
import { UNITS, type Unit } from '@kapok/contracts';
import { createHash } from 'node:crypto';
import { locationsByCode, productsByCode } from '../lookups.js';
import { decimal, eachWithProgress, pastDate, readCsv, report, type Row } from '../rows.js';
import type { Session } from '../session.js';

const FIELDS = [
  'product_code',
  'location_code',
  'quantity',
  'uom',
  'lot_number',
  'received_at',
  'supplier_reference',
  'reference',
];

/**
 * A row's identity is its content, not where it sits: the same row imported again from any file name
 * or line gives the same key. The n-th copy of an identical row in one file is its own receipt.
 */
export function rowKeys(rows: Row[]): Map<Row, string> {
  const seen = new Map<string, number>();
  const keys = new Map<Row, string>();
  for (const row of rows) {
    const content = JSON.stringify(FIELDS.map((f) => (row.values[f] ?? '').trim()));
    const occurrence = (seen.get(content) ?? 0) + 1;
    seen.set(content, occurrence);
    keys.set(row, createHash('sha256').update(`kapok-stock-import|${content}|${occurrence}`).digest('hex'));
  }
  return keys;
}

/**
 * Opening balances as receipts. Each row carries an Idempotency-Key made from its content, and (when the
 * row names no reference of its own) the reference IMPORT-<key>: importing the same rows again, under
 * any file name, posts nothing twice — within the server's 24 h replay window by the key, after it by
 * finding the reference in the ledger.
 */
export async function importStock(session: Session, file: string, dryRun: boolean): Promise<number> {
  const csv = readCsv(file, ['product_code', 'location_code', 'quantity']);
  const [products, locations] = await Promise.all([
    productsByCode(session.client),
    locationsByCode(session.client),
  ]);
  const keys = rowKeys(csv.rows);
  const outcome = await eachWithProgress('stock', csv.rows, async (row) => {
    const { values } = row;
    const product = products.get(values.product_code);
    if (!product) throw new Error(`unknown product ${values.product_code}`);
    const location = locations.get(values.location_code);
    if (!location) throw new Error(`unknown location ${values.location_code}`);
    if (!location.internal) throw new Error(`${location.code} is a virtual location and holds no stock`);
    const quantity = decimal(values.quantity, 'quantity', { positive: true });
    const uom = values.uom ? values.uom.toUpperCase() : undefined;
    if (uom && !(UNITS as readonly string[]).includes(uom)) throw new Error(`unknown unit ${values.uom}`);
    const receivedAt = values.received_at ? pastDate(values.received_at, 'received_at') : undefined;
    const key = keys.get(row) as string;
    const reference = values.reference || `IMPORT-${key.slice(0, 24)}`;
    if (!values.reference) {
      const earlier = unwrap(
        await session.client.GET('/api/v1/warehouse/stock/moves', {
          params: { query: { reference, productId: product.id, limit: 1 } },
        }),
      );
      if (earlier.total > 0) return 'skipped';
    }
    if (dryRun) return 'done';
    const result = await session.client.POST('/api/v1/warehouse/stock/receipts', {
      headers: { 'idempotency-key': key },
      body: {
        productId: product.id,
        locationId: location.id,
        quantity,
        uom: uom as Unit | undefined,
        lotNumber: values.lot_number || undefined,
        receivedAt,
        supplierReference: values.supplier_reference || undefined,
        reference,
      },
    });
    unwrap(result);
    return result.response.headers.get('idempotent-replayed') === 'true' ? 'skipped' : 'done';
  });
  outcome.errors.push(...csv.errors);
  return report(`stock from ${file}`, outcome, dryRun);
}
