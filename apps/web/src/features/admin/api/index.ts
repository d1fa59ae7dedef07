export { adminKeys } from './keys';
export type { AuditFilters, UserFilters } from './keys';
export { usersQueries, useCreateUser, useUpdateUser, type UpdateUserBody, type User } from './users';
export { rolesQueries, useCreateRole, useUpdateRole, type CreateRoleBody, type Role } from './roles';
export { auditQueries, type AuditEntry } from './audit';
export {
  integrationQueries,
  useCreateApiKey,
  useRevokeApiKey,
  useCreateWebhook,
  useUpdateWebhook,
  useDeleteWebhook,
  usePingWebhook,
  useRedeliver,
  type ApiKey,
  type Webhook,
  type WebhookDelivery,
} from './integrations';
