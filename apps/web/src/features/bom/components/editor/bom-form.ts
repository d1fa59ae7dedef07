import {
  BOM_TYPES,
  DEPARTMENTS,
  PRODUCT_TYPES,
  UNITS,
  VARIANT_TYPES,
  type BomType,
  type Department,
  type ProductType,
  type Unit,
  type VariantType,
} from '@kapok/contracts';
import { z } from 'zod';
import type { Bom, CreateBomBody } from '../../api';
import type { ComparableBom } from '../shared/bom-diff';
import { departmentRank } from '../shared/departments';

/** What a line shows of its component (code, name, stock unit, its own BOM when made in-house). */
export interface ComponentRef {
  id: string;
  code: string;
  name: string;
  type: ProductType;
  uom: Unit;
  bomId: string | null;
}

export interface MaterialRef {
  id: string;
  code: string;
  name: string;
}

const componentRef = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(PRODUCT_TYPES),
  uom: z.enum(UNITS),
  bomId: z.string().nullable(),
});
const materialRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

const decimalsOf = (n: number) => {
  const [, fraction = ''] = n.toFixed(10).replace(/0+$/, '').split('.');
  return fraction.length;
};

/** Number inputs hand over numbers, or strings while being typed ('' when empty, '1.' half-way). */
type NumberInputValue = number | string;
const toNumber = (v: NumberInputValue): number =>
  typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v.replace(',', '.'));

/** The form keeps '' for an empty number; the number field speaks null (empty) and NaN (refused). */
export const fieldNumber = (v: NumberInputValue): number | null =>
  typeof v === 'number' ? v : v.trim() === '' ? null : toNumber(v);
export const formNumber = (v: number | null): NumberInputValue => v ?? '';

// Messages are i18n keys; the editor translates them.
const quantity = z
  .union([z.number(), z.string()])
  .transform((v, ctx) => {
    const n = toNumber(v);
    if (Number.isFinite(n)) return n;
    ctx.addIssue({ code: 'custom', message: 'bom.validation.quantityRequired' });
    return z.NEVER;
  })
  .pipe(
    z
      .number()
      .positive('bom.validation.positive')
      .max(1_000_000, 'bom.validation.tooLarge')
      .refine((n) => decimalsOf(n) <= 6, 'bom.validation.decimals'),
  );

const optionalQuantity = z
  .union([z.number(), z.string()])
  .transform((v) => (v === '' ? undefined : toNumber(v)))
  .pipe(
    z
      .number({ error: 'bom.validation.positive' })
      .positive('bom.validation.positive')
      .max(1_000_000, 'bom.validation.tooLarge')
      .refine((n) => decimalsOf(n) <= 6, 'bom.validation.decimals')
      .optional(),
  );

const wastage = z
  .union([z.number(), z.string()])
  .transform((v) => (v === '' ? 0 : toNumber(v)))
  .pipe(
    z
      .number({ error: 'bom.validation.wastage' })
      .min(0, 'bom.validation.wastage')
      .max(99.99, 'bom.validation.wastage')
      .refine((n) => decimalsOf(n) <= 2, 'bom.validation.wastageDecimals'),
  );

const sequence = z
  .union([z.number(), z.string()])
  .transform(toNumber)
  .pipe(
    z
      .number({ error: 'bom.validation.sequence' })
      .int('bom.validation.sequence')
      .min(1, 'bom.validation.sequence')
      .max(99, 'bom.validation.sequence'),
  );

const variantSchema = z.object({
  material: materialRef
    .nullable()
    .refine((m) => m !== null, 'bom.validation.materialRequired')
    .transform((m) => m!),
  variantType: z.enum(VARIANT_TYPES),
  sequence,
  neededQuantity: optionalQuantity,
});

const lineSchema = z.object({
  component: componentRef
    .nullable()
    .refine((c) => c !== null, 'bom.validation.componentRequired')
    .transform((c) => c!),
  department: z.enum(DEPARTMENTS),
  neededQuantity: quantity,
  uom: z.enum(UNITS).nullable(),
  wastagePercent: wastage,
  variants: z.array(variantSchema).max(10, 'bom.validation.tooManyVariants'),
});

export const bomFormSchema = z
  .object({
    product: componentRef
      .nullable()
      .refine((p) => p !== null, 'bom.validation.productRequired')
      .transform((p) => p!),
    bomType: z.enum(BOM_TYPES),
    outputQuantity: quantity,
    lines: z.array(lineSchema).min(1, 'bom.validation.noLines').max(500),
  })
  .superRefine((form, ctx) => {
    form.lines.forEach((line, i) => {
      if (line.component.id === form.product.id)
        ctx.addIssue({
          code: 'custom',
          path: ['lines', i, 'component'],
          message: 'bom.validation.ownProduct',
        });
      const seen = new Set([line.component.id]);
      line.variants.forEach((variant, j) => {
        if (seen.has(variant.material.id))
          ctx.addIssue({
            code: 'custom',
            path: ['lines', i, 'variants', j, 'material'],
            message: 'bom.validation.duplicateMaterial',
          });
        seen.add(variant.material.id);
      });
    });
  });

export type BomFormValues = z.input<typeof bomFormSchema>;
export type BomFormOutput = z.output<typeof bomFormSchema>;
export type LineValues = BomFormValues['lines'][number];
export type VariantValues = LineValues['variants'][number];

export const newLine = (department: Department): LineValues => ({
  component: null,
  department,
  neededQuantity: '',
  uom: null,
  wastagePercent: 0,
  variants: [],
});

export const newVariant = (sequence: number): VariantValues => ({
  material: null,
  variantType: 'ALTERNATIVE',
  sequence,
  neededQuantity: '',
});

export const emptyBomForm = (): BomFormValues => ({
  product: null,
  bomType: 'MANUFACTURING',
  outputQuantity: 1,
  lines: [newLine('CUTTING')],
});

/** Lines in the order the editor shows them: by department in route order, then as saved. */
export function sortLines<T extends { department: Department }>(lines: readonly T[]): T[] {
  return lines
    .map((line, index) => ({ line, index }))
    .sort(
      (a, b) => departmentRank(a.line.department) - departmentRank(b.line.department) || a.index - b.index,
    )
    .map(({ line }) => line);
}

/** Where a new line of `department` goes: after the department's last line, or where its section starts. */
export function insertionIndex(lines: readonly { department: Department }[], department: Department): number {
  const rank = departmentRank(department);
  let index = 0;
  lines.forEach((line, i) => {
    if (departmentRank(line.department) <= rank) index = i + 1;
  });
  return index;
}

export function bomToForm(bom: Bom): BomFormValues {
  return {
    product: {
      id: bom.productId,
      code: bom.productCode,
      name: bom.productName,
      type: 'FINISHED_GOOD',
      uom: bom.productUom,
      bomId: bom.id,
    },
    bomType: bom.bomType,
    outputQuantity: bom.outputQuantity,
    lines: sortLines(
      [...bom.lines]
        .sort((a, b) => a.position - b.position)
        .map((line) => ({
          component: {
            id: line.componentId,
            code: line.componentCode,
            name: line.componentName,
            type: line.componentType,
            uom: line.componentUom,
            bomId: line.componentBomId,
          },
          department: line.department,
          neededQuantity: line.neededQuantity,
          uom: line.uom,
          wastagePercent: line.wastagePercent,
          variants: [...line.variants]
            .sort((a, b) => a.sequence - b.sequence)
            .map((v) => ({
              material: { id: v.materialId, code: v.materialCode, name: v.materialName },
              variantType: v.variantType,
              sequence: v.sequence,
              neededQuantity: v.neededQuantity ?? '',
            })),
        })),
    ),
  };
}

/** The request body (without the revision fields), lines in the order shown. */
export function formToBody(values: BomFormOutput): Omit<CreateBomBody, 'revision'> {
  return {
    productId: values.product.id,
    bomType: values.bomType,
    outputQuantity: values.outputQuantity,
    lines: values.lines.map((line) => ({
      componentId: line.component.id,
      department: line.department,
      neededQuantity: line.neededQuantity,
      uom: line.uom ?? undefined,
      wastagePercent: line.wastagePercent,
      variants: line.variants.map((v) => ({
        materialId: v.material.id,
        variantType: v.variantType,
        sequence: v.sequence,
        neededQuantity: v.neededQuantity,
      })),
    })),
  };
}

export type { BomType, VariantType };

const lenient = (v: number | string): number => {
  const n = typeof v === 'number' ? v : Number(String(v).replace(',', '.'));
  return Number.isFinite(n) ? n : 0;
};

/** The form as it stands, in the shape the diff compares (lines without a component are left out). */
export function formToComparable(values: BomFormValues): ComparableBom {
  return {
    bomType: values.bomType,
    outputQuantity: lenient(values.outputQuantity),
    lines: values.lines.flatMap((line) =>
      line.component
        ? [
            {
              componentId: line.component.id,
              componentCode: line.component.code,
              componentName: line.component.name,
              department: line.department,
              neededQuantity: lenient(line.neededQuantity),
              uom: line.uom ?? line.component.uom,
              wastagePercent: line.wastagePercent === '' ? 0 : lenient(line.wastagePercent),
              variants: line.variants.flatMap((v) =>
                v.material
                  ? [
                      {
                        materialId: v.material.id,
                        materialCode: v.material.code,
                        variantType: v.variantType,
                        sequence: lenient(v.sequence),
                        neededQuantity: v.neededQuantity === '' ? null : lenient(v.neededQuantity),
                      },
                    ]
                  : [],
              ),
            },
          ]
        : [],
    ),
  };
}
