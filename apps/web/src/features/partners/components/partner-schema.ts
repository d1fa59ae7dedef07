import { PARTNER_TYPES } from '@kapok/contracts';
import { z } from 'zod';

const days = z
  .number({ error: 'partners.validation.days' })
  .int('partners.validation.days')
  .min(0, 'partners.validation.days')
  .max(365, 'partners.validation.days');

// Messages are i18n keys; the form translates them.
export const partnerSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,30}$/, 'partners.validation.code'),
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  type: z.enum(PARTNER_TYPES, { error: 'validation.required' }),
  address: z.string().trim().max(500, 'validation.tooLong'),
  contact: z.string().trim().max(120, 'validation.tooLong'),
  email: z.union([z.literal(''), z.email('partners.validation.email')]),
  phone: z.string().trim().max(50, 'validation.tooLong'),
  transitDays: days,
  leadTimeDays: days,
  subcontractAgreedDays: days,
  active: z.boolean(),
});
export type PartnerValues = z.input<typeof partnerSchema>;
export type PartnerOutput = z.output<typeof partnerSchema>;
export const PARTNER_FIELDS = Object.keys(partnerSchema.shape) as (keyof PartnerValues)[];
