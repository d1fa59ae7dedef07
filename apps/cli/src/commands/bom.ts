import { newIdempotencyKey, type KapokClient, type Schemas, unwrap } from '@kapok/api-client';
import {
  BOM_TYPES,
  DEPARTMENTS,
  UNITS,
  VARIANT_TYPES,
  type BomType,
  type Department,
  type Unit,
  type VariantType,
} from '@kapok/contracts';
import { stringify } from 'csv-stringify/sync';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { productsByCode } from '../lookups.js';
import { eachWithProgress, readCsv, report } from '../rows.js';
import type { Session } from '../session.js';

const COLUMNS = [
  'product_code',
  'bom_type',
  'qty_output',
  'component_code',
  'department',
  'qty_needed',
  'uom',
  'wastage_percent',
  'variants',
];

type Line = Schemas['BomLineInput'];

async function allBoms(client: KapokClient, productCode?: string): Promise<Schemas['BomResponse'][]> {
  const summaries: Schemas['BomSummary'][] = [];
  for (let skip = 0; ; skip += 500) {
    const page = unwrap(
      await client.GET('/api/v1/warehouse/bom', {
        params: { query: { activeOnly: true, skip, limit: 500, search: productCode } },
      }),
    );
    summaries.push(...page.items);
    if (skip + page.items.length >= page.total) break;
  }
  const wanted = productCode ? summaries.filter((s) => s.productCode === productCode) : summaries;
  const boms: Schemas['BomResponse'][] = [];
  for (const s of wanted)
    boms.push(unwrap(await client.GET('/api/v1/warehouse/bom/{id}', { params: { path: { id: s.id } } })));
  return boms;
}

/** One row per BOM line; variants as MATERIAL:TYPE:SEQUENCE[:QTY] separated by semicolons. */
export async function exportBoms(
  session: Session,
  out: string | undefined,
  productCode?: string,
): Promise<number> {
  const boms = await allBoms(session.client, productCode);
  const rows = boms
    .sort((a, b) => a.productCode.localeCompare(b.productCode))
    .flatMap((b) =>
      b.lines.map((l) => [
        b.productCode,
        b.bomType,
        b.qtyOutput,
        l.componentCode,
        l.department,
        l.qtyNeeded,
        l.uom,
        l.wastagePercent,
        l.variants
          .map((v) =>
            [v.materialCode, v.variantType, v.sequence, ...(v.qtyNeeded === null ? [] : [v.qtyNeeded])].join(
              ':',
            ),
          )
          .join(';'),
      ]),
    );
  const csv = stringify(rows, { header: true, columns: COLUMNS });
  if (out) writeFileSync(out, csv);
  else process.stdout.write(csv);
  process.stderr.write(`${boms.length} BOMs (${rows.length} lines) exported\n`);
  return 0;
}

interface Group {
  line: number;
  productCode: string;
  bomType: BomType;
  qtyOutput: number;
  lines: Array<Line & { componentCode: string; variantCodes: string[] }>;
}

/**
 * Creates each product's BOM, or saves a new revision when the file differs from the active one; a BOM
 * that already matches is left alone, so the same file can be imported again safely.
 */
export async function importBoms(session: Session, file: string, dryRun: boolean): Promise<number> {
  const rows = readCsv(
    file,
    COLUMNS.filter((c) => c !== 'variants' && c !== 'wastage_percent' && c !== 'uom'),
  );
  const groups = new Map<string, Group>();
  const parseErrors: Array<{ line: number; message: string }> = [];
  for (const { line, values } of rows) {
    try {
      const bomType = (values.bom_type || 'MANUFACTURING').toUpperCase();
      const department = values.department.toUpperCase();
      const uom = values.uom ? values.uom.toUpperCase() : undefined;
      if (!(BOM_TYPES as readonly string[]).includes(bomType))
        throw new Error(`unknown BOM type ${values.bom_type}`);
      if (!(DEPARTMENTS as readonly string[]).includes(department))
        throw new Error(`unknown department ${values.department}`);
      if (uom && !(UNITS as readonly string[]).includes(uom)) throw new Error(`unknown unit ${values.uom}`);
      const variants = (values.variants ?? '')
        .split(';')
        .filter(Boolean)
        .map((v) => {
          const [code, type, sequence, qty] = v.split(':');
          if (!(VARIANT_TYPES as readonly string[]).includes(type))
            throw new Error(`bad variant "${v}" (write MATERIAL:ALTERNATIVE:1)`);
          return {
            code,
            variantType: type as VariantType,
            sequence: Number(sequence) || 1,
            qtyNeeded: qty ? Number(qty) : undefined,
          };
        });
      const group = groups.get(values.product_code) ?? {
        line,
        productCode: values.product_code,
        bomType: bomType as BomType,
        qtyOutput: Number(values.qty_output) || 1,
        lines: [],
      };
      group.lines.push({
        componentId: '',
        componentCode: values.component_code,
        department: department as Department,
        qtyNeeded: Number(values.qty_needed),
        uom: uom as Unit | undefined,
        wastagePercent: values.wastage_percent ? Number(values.wastage_percent) : 0,
        variants: variants.map((v) => ({
          materialId: v.code,
          variantType: v.variantType,
          sequence: v.sequence,
          qtyNeeded: v.qtyNeeded,
        })),
        variantCodes: variants.map((v) => v.code),
      });
      groups.set(values.product_code, group);
    } catch (e) {
      parseErrors.push({ line, message: (e as Error).message });
    }
  }
  const products = await productsByCode(session.client);
  const current = new Map((await allBoms(session.client)).map((b) => [b.productCode, b]));
  const id = (code: string) => {
    const p = products.get(code);
    if (!p) throw new Error(`unknown product ${code}`);
    return p.id;
  };
  const outcome = await eachWithProgress('BOMs', [...groups.values()], async (g) => {
    const body = {
      productId: id(g.productCode),
      bomType: g.bomType,
      qtyOutput: g.qtyOutput,
      lines: g.lines.map((l) => ({
        componentId: id(l.componentCode),
        department: l.department,
        qtyNeeded: l.qtyNeeded,
        uom: l.uom,
        wastagePercent: l.wastagePercent,
        variants: l.variants?.map((v, i) => ({ ...v, materialId: id(l.variantCodes[i]) })),
      })),
    };
    const active = current.get(g.productCode);
    if (active && sameBom(active, body)) return 'skipped';
    if (dryRun) return 'done';
    if (active) {
      unwrap(
        await session.client.PUT('/api/v1/warehouse/bom/{id}', {
          params: { path: { id: active.id } },
          body: { ...body, version: active.version, revisionReason: `Imported from ${basename(file)}` },
        }),
      );
    } else {
      unwrap(
        await session.client.POST('/api/v1/warehouse/bom', {
          body,
          headers: { 'idempotency-key': newIdempotencyKey() },
        }),
      );
    }
    return 'done';
  });
  outcome.errors.unshift(...parseErrors);
  return report(`BOMs from ${file}`, outcome, dryRun);
}

function sameBom(active: Schemas['BomResponse'], body: Schemas['CreateBomRequest']): boolean {
  const key = (l: {
    componentId: string;
    department: string;
    qtyNeeded: number;
    uom?: string;
    wastagePercent?: number;
    variants?: Array<{
      materialId: string;
      variantType: string;
      sequence: number;
      qtyNeeded?: number | null;
    }>;
  }) =>
    JSON.stringify([
      l.componentId,
      l.department,
      l.qtyNeeded,
      l.uom,
      l.wastagePercent ?? 0,
      (l.variants ?? []).map((v) => [v.materialId, v.variantType, v.sequence, v.qtyNeeded ?? null]),
    ]);
  return (
    active.bomType === body.bomType &&
    active.qtyOutput === (body.qtyOutput ?? 1) &&
    active.lines.length === body.lines.length &&
    active.lines.every(
      (l, i) =>
        key({ ...l, uom: l.uom }) === key({ ...body.lines[i], uom: body.lines[i].uom ?? l.componentUom }),
    )
  );
}
