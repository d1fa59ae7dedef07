import { ApiError } from '@kapok/api-client';
import { fieldErrors } from '../../../../lib/errors';
import type { BomFormValues } from './bom-form';

export interface PlacedError {
  /** A path of the editor's form, e.g. `lines.2.uom` or `lines.0.variants.1.material`. */
  path: string;
  message: string;
}

export interface MappedErrors {
  placed: PlacedError[];
  /** Messages no field of the form shows (to put above the form), with the API's field name. */
  unplaced: Array<{ field: string; message: string }>;
}

// The API names request fields; the form keeps the chosen product objects under other names.
const RULES: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^productId$/, () => 'product'],
  [/^(bomType|outputQuantity)$/, (m) => m[1]!],
  [/^lines\.(\d+)\.componentId$/, (m) => `lines.${m[1]}.component`],
  [/^lines\.(\d+)\.(department|neededQuantity|uom|wastagePercent)$/, (m) => `lines.${m[1]}.${m[2]}`],
  [/^lines\.(\d+)\.variants\.(\d+)\.materialId$/, (m) => `lines.${m[1]}.variants.${m[2]}.material`],
  [
    /^lines\.(\d+)\.variants\.(\d+)\.(variantType|sequence|neededQuantity)$/,
    (m) => `lines.${m[1]}.variants.${m[2]}.${m[3]}`,
  ],
];

/** Whether `path` names a line (and variant) that the form has. */
function exists(path: string, values: BomFormValues): boolean {
  const [, line, , variant] = path.split('.');
  if (line === undefined || !path.startsWith('lines.')) return true;
  const l = values.lines[Number(line)];
  if (!l) return false;
  return variant === undefined || /\D/.test(variant) || !!l.variants[Number(variant)];
}

/**
 * Puts the API's errors on the editor's fields: a 422's `details[{field: "lines.0.uom"}]` onto that
 * line's input, and a 404 for a product that no longer exists onto every line using it. The lines
 * are sent in the order the form holds them, so `lines.N` is the form's line N.
 */
export function mapBomErrors(error: unknown, values: BomFormValues, notFoundMessage: string): MappedErrors {
  const result: MappedErrors = { placed: [], unplaced: [] };
  if (error instanceof ApiError && error.status === 404) {
    const id = (error.body.details as { id?: string } | undefined)?.id;
    if (values.product?.id === id) result.placed.push({ path: 'product', message: notFoundMessage });
    values.lines.forEach((line, i) => {
      if (line.component?.id === id)
        result.placed.push({ path: `lines.${i}.component`, message: notFoundMessage });
      line.variants.forEach((v, j) => {
        if (v.material?.id === id)
          result.placed.push({ path: `lines.${i}.variants.${j}.material`, message: notFoundMessage });
      });
    });
    return result;
  }
  for (const [field, message] of Object.entries(fieldErrors(error))) {
    const rule = RULES.map(([re, to]) => [field.match(re), to] as const).find(([m]) => m);
    const path = rule ? rule[1](rule[0]!) : null;
    if (path && exists(path, values)) result.placed.push({ path, message });
    else result.unplaced.push({ field, message });
  }
  return result;
}
