import type { TFunction } from 'i18next';

/** Form messages are i18n keys (client checks) or the server's own words (placed 422 details). */
export const formMessage = (t: TFunction, message?: string): string | undefined =>
  message && /^(bom|validation)\.[\w.]+$/.test(message) ? t(message) : message;
