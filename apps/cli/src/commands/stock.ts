import { unwrap } from '@kapok/api-client';
import { UNITS, type Unit } from '@kapok/contracts';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { locationsByCode, productsByCode } from '../lookups.js';
import { eachWithProgress, readCsv, report } from '../rows.js';
import type { Session } from '../session.js';

/**
 * Opening balances as receipts. Each row carries an Idempotency-Key made from the file name, the line
 * and its content, so running the same file again (within the server's 24 h) posts nothing twice.
 */
export async function importStock(session: Session, file: string, dryRun: boolean): Promise<number> {
  const rows = readCsv(file, ['product_code', 'location_code', 'quantity']);
  const [products, locations] = await Promise.all([
    productsByCode(session.client),
    locationsByCode(session.client),
  ]);
  const outcome = await eachWithProgress('stock', rows, async ({ line, values }) => {
    const product = products.get(values.product_code);
    if (!product) throw new Error(`unknown product ${values.product_code}`);
    const location = locations.get(values.location_code);
    if (!location) throw new Error(`unknown location ${values.location_code}`);
    if (!location.internal) throw new Error(`${location.code} is a virtual location and holds no stock`);
    const quantity = Number(values.quantity);
    if (!(quantity > 0)) throw new Error(`quantity must be a number above zero, not "${values.quantity}"`);
    const uom = values.uom ? values.uom.toUpperCase() : undefined;
    if (uom && !(UNITS as readonly string[]).includes(uom)) throw new Error(`unknown unit ${values.uom}`);
    if (dryRun) return 'done';
    const key = createHash('sha256')
      .update(`kapok-stock-import|${basename(file)}|${line}|${JSON.stringify(values)}`)
      .digest('hex');
    unwrap(
      await session.client.POST('/api/v1/warehouse/stock/receipts', {
        headers: { 'idempotency-key': key },
        body: {
          productId: product.id,
          locationId: location.id,
          quantity,
          uom: uom as Unit | undefined,
          lotNumber: values.lot_number || undefined,
          receivedAt: values.received_at || undefined,
          supplierReference: values.supplier_reference || undefined,
          reference: values.reference || `IMPORT-${basename(file)}`.slice(0, 120),
        },
      }),
    );
    return 'done';
  });
  return report(`stock from ${file}`, outcome, dryRun);
}
