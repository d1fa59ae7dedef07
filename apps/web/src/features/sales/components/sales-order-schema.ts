import { DESTINATIONS, isIsoWeek } from '@kapok/contracts';
import { z } from 'zod';

// Messages are i18n keys; the form translates them.
export const salesLineSchema = z.object({
  productId: z.string().min(1, 'sales.validation.article'),
  deliveryWeek: z.string().refine(isIsoWeek, 'sales.validation.week'),
  destination: z.enum(DESTINATIONS, { error: 'sales.validation.destination' }),
  quantity: z
    .number({ error: 'sales.validation.quantity' })
    .int('sales.validation.quantity')
    .positive('sales.validation.quantity'),
});

export const salesOrderSchema = z.object({
  customerId: z.string().min(1, 'sales.validation.customer'),
  customerPo: z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong'),
  orderDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'sales.validation.date'),
  notes: z.string().trim().max(1000, 'validation.tooLong'),
  lines: z.array(salesLineSchema).min(1, 'sales.validation.lines'),
});
export type SalesOrderValues = z.input<typeof salesOrderSchema>;
export type SalesOrderOutput = z.output<typeof salesOrderSchema>;
