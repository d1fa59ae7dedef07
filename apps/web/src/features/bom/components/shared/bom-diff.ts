import type { BomType, Department, Unit, VariantType } from '@kapok/contracts';
import type { Bom } from '../../api';
import { departmentRank } from './departments';

/** The parts of a BOM a revision can change, in one shape for saved revisions and the editor's form. */
export interface ComparableVariant {
  materialId: string;
  materialCode: string;
  variantType: VariantType;
  sequence: number;
  neededQuantity: number | null;
}

export interface ComparableLine {
  componentId: string;
  componentCode: string;
  componentName: string;
  department: Department;
  neededQuantity: number;
  uom: Unit;
  wastagePercent: number;
  variants: ComparableVariant[];
}

export interface ComparableBom {
  bomType: BomType;
  outputQuantity: number;
  lines: ComparableLine[];
}

export type HeaderField = 'bomType' | 'outputQuantity';
export type LineField = 'department' | 'neededQuantity' | 'uom' | 'wastagePercent' | 'variants';

export interface FieldChange<F extends string = string> {
  field: F;
  before: unknown;
  after: unknown;
}

export type LineChange =
  | { kind: 'added'; line: ComparableLine }
  | { kind: 'removed'; line: ComparableLine }
  | { kind: 'changed'; before: ComparableLine; after: ComparableLine; changes: FieldChange<LineField>[] };

export interface BomDiff {
  header: FieldChange<HeaderField>[];
  lines: LineChange[];
}

export const comparableBom = (bom: Bom): ComparableBom => ({
  bomType: bom.bomType,
  outputQuantity: bom.outputQuantity,
  lines: bom.lines.map((l) => ({
    componentId: l.componentId,
    componentCode: l.componentCode,
    componentName: l.componentName,
    department: l.department,
    neededQuantity: l.neededQuantity,
    uom: l.uom,
    wastagePercent: l.wastagePercent,
    variants: l.variants.map((v) => ({
      materialId: v.materialId,
      materialCode: v.materialCode,
      variantType: v.variantType,
      sequence: v.sequence,
      neededQuantity: v.neededQuantity,
    })),
  })),
});

const variantKey = (variants: readonly ComparableVariant[]) =>
  JSON.stringify(
    [...variants]
      .map((v) => [v.materialId, v.variantType, v.sequence, v.neededQuantity])
      .sort((a, b) => String(a).localeCompare(String(b))),
  );

const LINE_FIELDS: readonly Exclude<LineField, 'variants'>[] = [
  'department',
  'neededQuantity',
  'uom',
  'wastagePercent',
];

function lineChanges(before: ComparableLine, after: ComparableLine): FieldChange<LineField>[] {
  const changes: FieldChange<LineField>[] = LINE_FIELDS.filter((f) => before[f] !== after[f]).map((f) => ({
    field: f,
    before: before[f],
    after: after[f],
  }));
  if (variantKey(before.variants) !== variantKey(after.variants))
    changes.push({ field: 'variants', before: before.variants, after: after.variants });
  return changes;
}

/** Takes the first line of `pool` that `matches`, removing it from the pool. */
function take(pool: ComparableLine[], matches: (line: ComparableLine) => boolean): ComparableLine | null {
  const index = pool.findIndex(matches);
  return index < 0 ? null : pool.splice(index, 1)[0]!;
}

/**
 * What changed from `before` to `after`. Lines are matched by component and department first (a
 * component may be used by two departments), then by component alone (a line moved to another
 * department); the rest were added or removed. Unchanged lines are left out.
 */
export function diffBoms(before: ComparableBom, after: ComparableBom): BomDiff {
  const header: FieldChange<HeaderField>[] = (['bomType', 'outputQuantity'] as const)
    .filter((f) => before[f] !== after[f])
    .map((f) => ({ field: f, before: before[f], after: after[f] }));

  const pool = [...before.lines];
  const pairs: Array<{ after: ComparableLine; before: ComparableLine | null }> = after.lines.map((line) => ({
    after: line,
    before: take(pool, (b) => b.componentId === line.componentId && b.department === line.department),
  }));
  for (const pair of pairs) pair.before ??= take(pool, (b) => b.componentId === pair.after.componentId);

  const lines: LineChange[] = [];
  for (const { before: b, after: a } of pairs) {
    if (!b) lines.push({ kind: 'added', line: a });
    else {
      const changes = lineChanges(b, a);
      if (changes.length) lines.push({ kind: 'changed', before: b, after: a, changes });
    }
  }
  for (const removed of pool) lines.push({ kind: 'removed', line: removed });

  const lineOf = (c: LineChange) => (c.kind === 'changed' ? c.after : c.line);
  lines.sort(
    (x, y) =>
      departmentRank(lineOf(x).department) - departmentRank(lineOf(y).department) ||
      lineOf(x).componentCode.localeCompare(lineOf(y).componentCode),
  );
  return { header, lines };
}

export const isEmptyDiff = (diff: BomDiff) => diff.header.length === 0 && diff.lines.length === 0;
