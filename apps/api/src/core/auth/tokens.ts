import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Refresh tokens are 256 random bits; only their SHA-256 is stored. */
export const newRefreshToken = () => randomBytes(32).toString('base64url');
export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

const sealKey = (token: string) =>
  createHash('sha256').update(`kapok-refresh-replacement\n${token}`).digest();

/** Encrypts the pair a refresh token was exchanged for, under a key only that token's holder can make. */
export function sealReplacement(oldToken: string, pair: object): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(oldToken), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(pair), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function openReplacement<T>(oldToken: string, sealed: string): T | undefined {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', sealKey(oldToken), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(
      Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'),
    ) as T;
  } catch {
    return undefined;
  }
}

export interface AccessClaims {
  sub: string;
  sid: string;
  typ: 'access';
}
