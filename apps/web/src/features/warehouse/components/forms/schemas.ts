import { z } from 'zod';
import { factoryToday } from '../format';

// Messages are i18n keys; the forms translate them.
const required = z.string().min(1, 'validation.required');
const decimals = (v: string) => !/\.\d{5,}$/.test(v.trim());
const quantity = (allowZero: boolean) =>
  z
    .string()
    .refine((v) => v.trim() !== '', 'validation.required')
    .refine(
      (v) => v.trim() === '' || (allowZero ? Number(v) >= 0 : Number(v) > 0),
      allowZero ? 'warehouse.validation.notNegative' : 'warehouse.validation.positive',
    )
    .refine(decimals, 'warehouse.validation.decimals');
const text = (max: number) => z.string().trim().max(max, 'validation.tooLong');
/** The server's lot-number rule. */
const LOT_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,59}$/;

export const receiveSchema = z.object({
  productId: required,
  locationId: required,
  quantity: quantity(false),
  uom: z.string(),
  lotNumber: z
    .string()
    .trim()
    .refine((v) => v === '' || LOT_NUMBER.test(v), 'warehouse.validation.lotNumber'),
  receivedAt: z.string().refine((v) => v === '' || v <= factoryToday(), 'warehouse.validation.future'),
  supplierReference: text(120),
  reference: text(120),
});
export type ReceiveValues = z.infer<typeof receiveSchema>;

const moveOut = {
  productId: required,
  fromLocationId: required,
  quantity: quantity(false),
  uom: z.string(),
  lotId: z.string(),
  reference: text(120),
};
const differentLocations = (v: { fromLocationId: string; toLocationId: string }) =>
  !v.toLocationId || v.fromLocationId !== v.toLocationId;
const sameLocation = { message: 'warehouse.validation.sameLocation', path: ['toLocationId'] };

export const issueSchema = z
  .object({ ...moveOut, toLocationId: z.string() })
  .refine(differentLocations, sameLocation);
export const transferSchema = z
  .object({ ...moveOut, toLocationId: required })
  .refine(differentLocations, sameLocation);
export type MoveOutValues = z.infer<typeof issueSchema>;

export const adjustSchema = z.object({
  productId: required,
  locationId: required,
  lotId: z.string(),
  countedQuantity: quantity(true),
  uom: z.string(),
  reason: z.string().trim().min(3, 'warehouse.validation.reason').max(300, 'validation.tooLong'),
});
export type AdjustValues = z.infer<typeof adjustSchema>;

/** Optional text fields are left out of a request rather than sent empty. */
export const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
