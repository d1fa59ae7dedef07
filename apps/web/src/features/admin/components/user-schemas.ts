import { DEPARTMENTS, PASSWORD_MIN_LENGTH } from '@kapok/contracts';
import { z } from 'zod';

// Messages are i18n keys; the forms translate them.
const fullName = z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong');
const department = z.enum(DEPARTMENTS).nullable();
const role = z.string().min(1, 'validation.required');

export const createUserSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .max(50, 'validation.tooLong')
    .regex(/^[a-z0-9._-]+$/, 'validation.usernameFormat'),
  fullName,
  password: z.string().min(PASSWORD_MIN_LENGTH, 'validation.passwordMin').max(200, 'validation.tooLong'),
  role,
  department,
});
export type CreateUserValues = z.infer<typeof createUserSchema>;

export const editUserSchema = z.object({
  fullName,
  role,
  department,
  active: z.boolean(),
  password: z.union([
    z.literal(''),
    z.string().min(PASSWORD_MIN_LENGTH, 'validation.passwordMin').max(200, 'validation.tooLong'),
  ]),
});
export type EditUserValues = z.infer<typeof editUserSchema>;
