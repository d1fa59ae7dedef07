/**
 * Every `code` the API answers with in its error body: one list for the API (`AppError` accepts only
 * these), the OpenAPI document (an enum) and the web (a text per code in each language). A code is a
 * promise to programs that branch on it: add codes, never rename one.
 */
export const ERROR_CODES = [
  // HTTP-level answers: the exception filter's defaults for each status
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'NOT_ACCEPTABLE',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'URI_TOO_LONG',
  'UNSUPPORTED_MEDIA_TYPE',
  'VALIDATION_FAILED',
  'TOO_MANY_REQUESTS',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'ROUTE_NOT_DECLARED',
  // every command
  'STALE_VERSION',
  'INVALID_STATE',
  'IDEMPOTENCY_IN_PROGRESS',
  'IDEMPOTENCY_KEY_REUSED',
  'ALREADY_PROCESSED',
  // sign-in and sessions
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'TOKEN_EXPIRED',
  'INVALID_TOKEN',
  'INVALID_REFRESH_TOKEN',
  'REFRESH_TOKEN_REUSED',
  'SESSION_ENDED',
  'WRONG_PASSWORD',
  'WEAK_PASSWORD',
  // administration
  'USERNAME_TAKEN',
  'LAST_SUPERADMIN',
  'ROLE_PROTECTED',
  'ROLE_CODE_TAKEN',
  'ROLE_NAME_TAKEN',
  // API keys
  'INVALID_API_KEY',
  'API_KEY_EXPIRED',
  'API_KEY_REVOKED',
  'AMBIGUOUS_CREDENTIALS',
  'API_KEY_NAME_TAKEN',
  'NOT_FOR_API_KEYS',
  // warehouse
  'INSUFFICIENT_STOCK',
  'INVALID_MOVE',
  'UNIT_NOT_CONVERTIBLE',
  'FRACTIONAL_WHOLE_UNIT',
  'DUPLICATE_CODE',
  'PRODUCT_INACTIVE',
  'PRODUCT_HAS_STOCK',
  'VIRTUAL_LOCATION',
  'LOT_NUMBER_TAKEN',
  'NO_WAREHOUSE',
  'NO_LOCATION',
  'NO_FINISHED_GOODS_LOCATION',
  // bills of materials
  'BOM_ALREADY_ACTIVE',
  'BOM_CYCLE',
  'BOM_IN_USE',
  'BOM_ROUTE_MISMATCH',
  'BOM_TOO_DEEP',
  'NO_ACTIVE_BOM',
  // kanban
  'SELF_APPROVAL',
  'NO_DEPARTMENT',
  'NO_SOURCE',
  // manufacturing orders, work orders, handovers
  'BATCH_FAILED',
  'NOT_READY',
  'NO_LINE',
  'LAST_DEPARTMENT',
  'APPROVAL_REQUIRED',
  // partners, sales, purchasing, planning
  'DUPLICATE_CUSTOMER_PO',
  'DUPLICATE_SUPPLIER_ITEM',
  'OVER_RECEIPT',
  'NO_SUPPLIER',
  'MRP_RUNNING',
  'ALREADY_RELEASED',
  'STALE_RUN',
  // article images and product passports
  'UNSUPPORTED_IMAGE',
  'IMAGE_TOO_LARGE',
  'IMAGE_TYPE_MISMATCH',
  'NOT_FINISHED_GOODS',
  'LOT_NOT_RELEASED',
  // quality
  'NO_TEST_PLAN',
  'NOT_IN_TEST_PLAN',
  'NO_STANDARD_WEIGHT',
  'NOT_FINISHING',
  // shipping
  'SHIPMENT_SHORTAGE',
  'NO_PACKING_SIZE',
  // webhooks
  'WEBHOOK_TARGET_PRIVATE',
  'WEBHOOK_TARGET_INVALID',
  'WEBHOOK_PATTERN_UNKNOWN',
  // a finishing work order's good output beyond the pieces that passed the metal detector
  'NOT_METAL_DETECTED',
  // shop-floor control
  'LINE_NOT_CLEAR',
  'SEGREGATION_NOT_ACKNOWLEDGED',
  'NOTHING_ON_LINE',
  // the subcontract route
  'NOT_A_SUBCONTRACTOR',
  'NOT_SUBCON_WORK_ORDER',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const known = new Set<string>(ERROR_CODES);
export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && known.has(value);
