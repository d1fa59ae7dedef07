/** Classifies errors from node-postgres by SQLSTATE or socket code. */
const pgCode = (e: unknown): string | undefined => {
  const err = e as { code?: unknown; driverError?: { code?: unknown } };
  const code = err?.driverError?.code ?? err?.code;
  return typeof code === 'string' ? code : undefined;
};

export const isRetryableTransactionError = (e: unknown) => ['40001', '40P01'].includes(pgCode(e) ?? '');
export const isUniqueViolation = (e: unknown) => pgCode(e) === '23505';
export const isCheckViolation = (e: unknown) => pgCode(e) === '23514';
export const isForeignKeyViolation = (e: unknown) => pgCode(e) === '23503';

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /connection.*closed/i,
];

/** True when the database cannot be reached (down, restarting, network), as opposed to a query error. */
export function isDatabaseUnavailable(e: unknown): boolean {
  const code = pgCode(e);
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  const message = e instanceof Error ? e.message : '';
  return UNAVAILABLE_MESSAGES.some((re) => re.test(message));
}
