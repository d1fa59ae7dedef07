import { ROUTES, type Route } from '@kapok/contracts';
import { z } from 'zod';
import { factoryToday } from '../shared/format';

export const isRoute = (v: string): v is Route => Object.hasOwn(ROUTES, v);

// Messages are i18n keys; the form translates them.
export const createMoSchema = z.object({
  productId: z.string().min(1, 'ppic.validation.productRequired'),
  plannedQuantity: z
    .number({ error: 'ppic.validation.quantityPositive' })
    .positive('ppic.validation.quantityPositive')
    .refine((v) => Math.abs(Math.round(v * 10_000) - v * 10_000) < 1e-6, 'ppic.validation.decimals')
    .max(1_000_000, 'ppic.validation.quantityTooLarge'),
  route: z.string().refine(isRoute, 'ppic.validation.routeRequired'),
  week: z.union([z.literal(''), z.string().regex(/^(0[1-9]|[1-4]\d|5[0-3])-\d{4}$/, 'ppic.validation.week')]),
  dueDate: z
    .string()
    .refine((v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v), 'ppic.validation.date')
    .refine((v) => !v || v >= factoryToday(), 'ppic.validation.duePast'),
  destination: z.string().trim().max(60, 'validation.tooLong'),
  notes: z.string().trim().max(500, 'validation.tooLong'),
});
/** What the form holds (route may still be empty) and what it submits (a route for sure). */
export type CreateMoValues = z.input<typeof createMoSchema>;
export type CreateMoOutput = z.output<typeof createMoSchema>;

/** The create form's fields, in the order a 422 may name them. */
export const CREATE_FIELDS = [
  'productId',
  'plannedQuantity',
  'route',
  'week',
  'dueDate',
  'destination',
  'notes',
] as const;
