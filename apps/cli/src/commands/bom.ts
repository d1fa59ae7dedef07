import { ApiError, newIdempotencyKey, type KapokClient, type Schemas, unwrap } from '@kapok/api-client';
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
import { decimal, eachWithProgress, type LineError, readCsv, report, RowError } from '../rows.js';
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
        b.outputQuantity,
        l.componentCode,
        l.department,
        l.neededQuantity,
        l.uom,
        l.wastagePercent,
        l.variants
          .map((v) =>
            [
              v.materialCode,
              v.variantType,
              v.sequence,
              ...(v.neededQuantity === null ? [] : [v.neededQuantity]),
            ].join(':'),
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

interface GroupLine extends Line {
  line: number;
  componentCode: string;
  variantCodes: string[];
}

interface Group {
  line: number;
  productCode: string;
  bomType: BomType;
  outputQuantity: number;
  lines: GroupLine[];
}

/** Reads one CSV row into a BOM line; every value is checked, none is guessed or defaulted silently. */
function parseLine(
  line: number,
  values: Record<string, string>,
): Omit<Group, 'lines'> & { bomLine: GroupLine } {
  const bomType = (values.bom_type || 'MANUFACTURING').toUpperCase();
  const department = values.department.toUpperCase();
  const uom = values.uom ? values.uom.toUpperCase() : undefined;
  if (!values.product_code) throw new Error('product_code is empty');
  if (!values.component_code) throw new Error('component_code is empty');
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
      if (!code || !(VARIANT_TYPES as readonly string[]).includes(type))
        throw new Error(`bad variant "${v}" (write MATERIAL:ALTERNATIVE:1)`);
      return {
        code,
        variantType: type as VariantType,
        sequence: sequence ? decimal(sequence, `the sequence of variant ${code}`, { positive: true }) : 1,
        neededQuantity: qty ? decimal(qty, `the quantity of variant ${code}`, { positive: true }) : undefined,
      };
    });
  return {
    line,
    productCode: values.product_code,
    bomType: bomType as BomType,
    outputQuantity: values.qty_output ? decimal(values.qty_output, 'qty_output', { positive: true }) : 1,
    bomLine: {
      line,
      componentId: '',
      componentCode: values.component_code,
      department: department as Department,
      neededQuantity: decimal(values.qty_needed, 'qty_needed', { positive: true }),
      uom: uom as Unit | undefined,
      wastagePercent: values.wastage_percent ? decimal(values.wastage_percent, 'wastage_percent') : 0,
      variants: variants.map((v) => ({
        materialId: v.code,
        variantType: v.variantType,
        sequence: v.sequence,
        neededQuantity: v.neededQuantity,
      })),
      variantCodes: variants.map((v) => v.code),
    },
  };
}

/** An error the API answered for one BOM, pinned to the file line of the BOM line it names (`lines.3.…`). */
function onItsLine(e: unknown, group: Group): never {
  if (e instanceof ApiError && Array.isArray(e.body.details)) {
    const details = e.body.details as Array<{ field: string; messages: string[] }>;
    const at = (field: string) => group.lines[Number(/^lines\.(\d+)/.exec(field)?.[1] ?? NaN)]?.line;
    const first = details.map((d) => at(d.field)).find((l) => l !== undefined);
    const text = details
      .map(
        (d) =>
          `${at(d.field) ? `line ${at(d.field)} ` : ''}${d.field.replace(/^lines\.\d+\./, '')} ${d.messages.join(', ')}`,
      )
      .join('; ');
    throw new RowError(first ?? group.line, `${e.code} — ${e.message}: ${text}`);
  }
  throw e;
}

/**
 * Creates each product's BOM, or saves a new revision when the file differs from the active one; a BOM
 * that already matches is left alone, so the same file can be imported again safely. A BOM with any bad
 * row is not imported at all (half a BOM would be wrong), and every error names the file line it is on.
 */
export async function importBoms(session: Session, file: string, dryRun: boolean): Promise<number> {
  const csv = readCsv(
    file,
    COLUMNS.filter((c) => c !== 'variants' && c !== 'wastage_percent' && c !== 'uom'),
  );
  const groups = new Map<string, Group>();
  const errors: LineError[] = [...csv.errors];
  const broken = new Set<string>();
  for (const { line, values } of csv.rows) {
    try {
      const parsed = parseLine(line, values);
      const group = groups.get(parsed.productCode);
      if (group && (group.bomType !== parsed.bomType || group.outputQuantity !== parsed.outputQuantity))
        throw new Error(
          `bom_type and qty_output of ${parsed.productCode} must be the same on every row (line ${group.line} says ${group.bomType}, ${group.outputQuantity})`,
        );
      if (group) group.lines.push(parsed.bomLine);
      else groups.set(parsed.productCode, { ...parsed, lines: [parsed.bomLine] });
    } catch (e) {
      errors.push({ line, message: (e as Error).message });
      if (values.product_code) broken.add(values.product_code);
    }
  }
  const products = await productsByCode(session.client);
  const id = (code: string, line: number) => {
    const p = products.get(code);
    if (!p) throw new RowError(line, `unknown product ${code}`);
    return p.id;
  };
  for (const g of groups.values()) {
    for (const l of [
      { line: g.line, code: g.productCode },
      ...g.lines.flatMap((l) => [l.componentCode, ...l.variantCodes].map((code) => ({ line: l.line, code }))),
    ]) {
      try {
        id(l.code, l.line);
      } catch (e) {
        errors.push({ line: l.line, message: (e as Error).message });
        broken.add(g.productCode);
      }
    }
  }
  for (const code of broken) {
    const g = groups.get(code);
    if (g) errors.push({ line: g.line, message: `BOM of ${code} not imported: fix its other lines first` });
    groups.delete(code);
  }
  const current = new Map((await allBoms(session.client)).map((b) => [b.productCode, b]));
  const outcome = await eachWithProgress('BOMs', [...groups.values()], async (g) => {
    const body = {
      productId: id(g.productCode, g.line),
      bomType: g.bomType,
      outputQuantity: g.outputQuantity,
      lines: g.lines.map((l) => ({
        componentId: id(l.componentCode, l.line),
        department: l.department,
        neededQuantity: l.neededQuantity,
        uom: l.uom,
        wastagePercent: l.wastagePercent,
        variants: l.variants?.map((v, i) => ({ ...v, materialId: id(l.variantCodes[i], l.line) })),
      })),
    };
    const active = current.get(g.productCode);
    if (active && sameBom(active, body)) return 'skipped';
    if (dryRun) return 'done';
    try {
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
    } catch (e) {
      onItsLine(e, g);
    }
    return 'done';
  });
  outcome.errors.push(...errors);
  return report(`BOMs from ${file}`, outcome, dryRun);
}

function sameBom(active: Schemas['BomResponse'], body: Schemas['CreateBomRequest']): boolean {
  const key = (l: {
    componentId: string;
    department: string;
    neededQuantity: number;
    uom?: string;
    wastagePercent?: number;
    variants?: Array<{
      materialId: string;
      variantType: string;
      sequence: number;
      neededQuantity?: number | null;
    }>;
  }) =>
    JSON.stringify([
      l.componentId,
      l.department,
      l.neededQuantity,
      l.uom,
      l.wastagePercent ?? 0,
      (l.variants ?? []).map((v) => [v.materialId, v.variantType, v.sequence, v.neededQuantity ?? null]),
    ]);
  return (
    active.bomType === body.bomType &&
    active.outputQuantity === (body.outputQuantity ?? 1) &&
    active.lines.length === body.lines.length &&
    active.lines.every(
      (l, i) =>
        key({ ...l, uom: l.uom }) === key({ ...body.lines[i], uom: body.lines[i].uom ?? l.componentUom }),
    )
  );
}
