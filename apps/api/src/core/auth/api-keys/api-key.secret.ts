import { createHash, randomBytes } from 'node:crypto';

const SHAPE = /^kpk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

/**
 * A new key: `kpk_<8 hex>_<256 random bits>`. The first part is shown in lists; the whole is shown once.
 * Stored as its SHA-256, not argon2: the secret is 256 random bits, so nothing can be guessed and a slow
 * hash buys no safety, while a fast one lets every request be checked by one indexed lookup.
 */
export function newApiKeySecret(): { secret: string; prefix: string; hash: string } {
  const prefix = `kpk_${randomBytes(4).toString('hex')}`;
  const secret = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { secret, prefix, hash: hashApiKey(secret) };
}

export const hashApiKey = (secret: string) => createHash('sha256').update(secret).digest('hex');

export const looksLikeApiKey = (value: string) => SHAPE.test(value);
